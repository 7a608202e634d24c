package org.postedit.workbench.browser;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.IssueMark;
import org.postedit.workbench.review.SegmentEditor;

/**
 * A page for the browser tests only (it lives in the test sources, so the application never has it): one segment
 * editor with codes and issues, a log of the events as the server received them, and a grid of read-only cells.
 */
@Route(value = "test/segment-editor", autoLayout = false)
@AnonymousAllowed
public class SegmentEditorTestView extends VerticalLayout {

    static final InlineCode BOLD_OPEN = new InlineCode(1, InlineCode.Kind.OPENING, "bold", "<b>", "<b>");
    static final InlineCode BOLD_CLOSE = new InlineCode(1, InlineCode.Kind.CLOSING, "bold", "</b>", "</b>");
    static final InlineCode BREAK = new InlineCode(2, InlineCode.Kind.STANDALONE, "lb", "<br/>", "<br/>");

    /** "Click <b>Save</b> to keep your chnages.<br/>" with a spelling error on "chnages". */
    static final TaggedText TEXT = TaggedText.fromRuns(List.of(
            TaggedText.Run.text("Click "), TaggedText.Run.code(BOLD_OPEN), TaggedText.Run.text("Save"),
            TaggedText.Run.code(BOLD_CLOSE), TaggedText.Run.text(" to keep your chnages."),
            TaggedText.Run.code(BREAK)));
    static final int TYPO_OFFSET = "Click Save to keep your ".length();

    /** The machine translation, with the same codes: Ctrl+Shift+M puts it into the editor. */
    static final TaggedText MT = TaggedText.fromRuns(List.of(
            TaggedText.Run.text("Klicken Sie auf "), TaggedText.Run.code(BOLD_OPEN), TaggedText.Run.text("Speichern"),
            TaggedText.Run.code(BOLD_CLOSE), TaggedText.Run.text("."), TaggedText.Run.code(BREAK)));

    static final List<TaggedText> ROWS = List.of(
            TEXT,
            TaggedText.fromRuns(List.of(TaggedText.Run.text("点击"), TaggedText.Run.code(BOLD_OPEN),
                    TaggedText.Run.text("保存"), TaggedText.Run.code(BOLD_CLOSE), TaggedText.Run.text("按钮以保留更改。"))),
            TaggedText.plain("保存ボタンを押してください。 A plain row with Latin and 日本語 text."));

    private final Pre log = new Pre();

    public SegmentEditorTestView() {
        setWidthFull();
        SegmentEditor editor = new SegmentEditor();
        editor.setId("editor");
        editor.setWidthFull();
        editor.setPlaceholder("Type the translation");
        editor.setValue(TEXT);
        editor.setIssues(List.of(
                new IssueMark(TYPO_OFFSET, "chnages".length(), IssueMark.ERROR, "Possible spelling mistake found.",
                        List.of("changes", "chances")),
                new IssueMark(0, "Click".length(), IssueMark.INFO, "Say “Select” for touch screens.",
                        List.of("Select"))));
        editor.addInputListener(e -> log("input", editor));
        editor.addSaveListener(e -> log("save", editor));
        // as the review view does: Escape restores the saved text, Ctrl+Shift+M puts the MT in
        editor.addCancelListener(e -> {
            log("cancel", editor);
            editor.setValue(TEXT);
            editor.focusEnd();
        });
        editor.addCopyMtListener(e -> {
            log("copy-mt", editor);
            editor.setValue(MT);
            editor.focusEnd();
        });
        editor.addNavigateListener(e -> log("navigate " + e.getDirection(), editor));

        log.setId("event-log");
        log.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "0");

        Grid<TaggedText> grid = new Grid<>();
        grid.setId("grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(SegmentEditor.readOnlyRenderer(t -> t, t -> t == TEXT
                ? List.of(new IssueMark(TYPO_OFFSET, 7, IssueMark.ERROR, "Possible spelling mistake found.",
                        List.of("changes")))
                : List.of())).setHeader("Target (read-only cells)");
        grid.setItems(ROWS);
        grid.setAllRowsVisible(true);

        add(new H3("Segment editor"), editor, new Div("Server events:"), log, grid);
    }

    private void log(String event, SegmentEditor editor) {
        String line = event + " | intact=" + editor.isCodesIntact() + " | missing=" + editor.missingCodes()
                + " | " + editor.getValue().displayText();
        log.setText(log.getText().isEmpty() ? line : log.getText() + "\n" + line);
    }
}
