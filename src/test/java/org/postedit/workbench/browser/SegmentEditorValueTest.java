package org.postedit.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.ComponentUtil;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.IssueMark;
import org.postedit.workbench.review.SegmentEditor;

/**
 * The server half of the segment editor, without a browser: the JSON it sends, and how it rebuilds the tagged text
 * from what a browser (or a forged request) sends back. Lives beside the browser tests that exercise the other half.
 */
class SegmentEditorValueTest {

    private static final InlineCode OPEN = new InlineCode(1, InlineCode.Kind.OPENING, "bold", "<b>", "<b>");
    private static final InlineCode CLOSE = new InlineCode(1, InlineCode.Kind.CLOSING, "bold", "</b>", "</b>");

    private static final TaggedText TEXT = TaggedText.fromRuns(List.of(TaggedText.Run.text("Press "),
            TaggedText.Run.code(OPEN), TaggedText.Run.text("Save"), TaggedText.Run.code(CLOSE),
            TaggedText.Run.text(" now.")));

    @Test
    void sendsRunsAndCodesAsJson() {
        SegmentEditor editor = new SegmentEditor(TEXT);
        assertThat(editor.getElement().getProperty("value"))
                .isEqualTo("[{\"t\":\"Press \"},{\"c\":0},{\"t\":\"Save\"},{\"c\":1},{\"t\":\" now.\"}]");
        assertThat(editor.getElement().getProperty("codes")).isEqualTo(
                "[{\"label\":\"<b>\",\"kind\":\"OPENING\",\"id\":1},{\"label\":\"</b>\",\"kind\":\"CLOSING\",\"id\":1}]");
        assertThat(editor.getValue()).isEqualTo(TEXT);
        assertThat(editor.isCodesIntact()).isTrue();
    }

    @Test
    void rebuildsTheEditedTextWithTheOriginalCodes() {
        SegmentEditor editor = new SegmentEditor(TEXT);
        List<TaggedText> saved = new ArrayList<>();
        editor.addSaveListener(e -> saved.add(e.getValue()));
        ComponentUtil.fireEvent(editor, new SegmentEditor.SaveEvent(editor, true,
                "[{\"c\":0},{\"t\":\"Speichern\"},{\"c\":1},{\"t\":\" drücken.\"}]"));
        assertThat(saved).hasSize(1);
        TaggedText value = saved.getFirst();
        assertThat(value.displayText()).isEqualTo("<b>Speichern</b> drücken.");
        assertThat(value.codes()).containsExactly(OPEN, CLOSE);
        assertThat(editor.getValue()).isEqualTo(value);
        assertThat(editor.isCodesIntact()).isTrue();
        assertThat(editor.codeProblem()).isNull();
    }

    @Test
    void reportsMissingDoubledAndUnknownCodes() {
        SegmentEditor editor = new SegmentEditor(TEXT);
        ComponentUtil.fireEvent(editor, new SegmentEditor.InputEvent(editor, true,
                "[{\"c\":0},{\"t\":\"Save\"},{\"c\":0},{\"c\":7}]"));
        assertThat(editor.isCodesIntact()).isFalse();
        assertThat(editor.missingCodes()).containsExactly("</b>");
        assertThat(editor.duplicatedCodes()).containsExactly("<b>");
        assertThat(editor.codeProblem()).contains("missing tag </b>").contains("doubled tag <b>").contains("1 unknown tag");
        // what was typed is still there
        assertThat(editor.getValue().displayText()).isEqualTo("<b>Save<b>");

        ComponentUtil.fireEvent(editor, new SegmentEditor.InputEvent(editor, true,
                "[{\"t\":\"ok \"},{\"c\":0},{\"c\":1}]"));
        assertThat(editor.isCodesIntact()).isTrue();
    }

    @Test
    void typedCodeMarkersCannotForgeCodes() {
        SegmentEditor editor = new SegmentEditor(TEXT);
        String forged = "x" + TaggedText.OPENING_MARKER + (char) TaggedText.INDEX_BASE + "y";
        ComponentUtil.fireEvent(editor, new SegmentEditor.InputEvent(editor, true,
                "[{\"t\":\"" + forged + "\"},{\"c\":0},{\"c\":1}]"));
        assertThat(editor.getValue().codes()).hasSize(2);
        assertThat(editor.getValue().plainText()).isEqualTo("x" + (char) TaggedText.INDEX_BASE + "y");
    }

    @Test
    void ignoresValuesThatAreNotRuns() {
        SegmentEditor editor = new SegmentEditor(TEXT);
        ComponentUtil.fireEvent(editor, new SegmentEditor.InputEvent(editor, true, "<b>html</b>"));
        ComponentUtil.fireEvent(editor, new SegmentEditor.InputEvent(editor, true, "{\"t\":\"x\"}"));
        assertThat(editor.getValue()).isEqualTo(TEXT);
    }

    @Test
    void navigateEventCarriesDirection() {
        SegmentEditor editor = new SegmentEditor(TEXT);
        List<Integer> directions = new ArrayList<>();
        editor.addNavigateListener(e -> directions.add(e.getDirection()));
        ComponentUtil.fireEvent(editor, new SegmentEditor.NavigateEvent(editor, true, "[{\"t\":\"a\"}]", -1));
        ComponentUtil.fireEvent(editor, new SegmentEditor.NavigateEvent(editor, true, "[{\"t\":\"b\"}]", 1));
        assertThat(directions).containsExactly(-1, 1);
        assertThat(editor.getValue().plainText()).isEqualTo("b");
        assertThat(editor.missingCodes()).containsExactly("<b>", "</b>");
    }

    @Test
    void issuesAndPlainTextCodes() {
        SegmentEditor editor = new SegmentEditor(TaggedText.plain("Teh cat"));
        editor.setIssues(List.of(new IssueMark(0, 3, "ERROR", "Typo", List.of("The"))));
        assertThat(editor.getElement().getProperty("issues")).isEqualTo(
                "[{\"offset\":0,\"length\":3,\"severity\":\"error\",\"message\":\"Typo\",\"suggestions\":[\"The\"]}]");
        assertThat(new IssueMark(1, 1, "critical", null, null).severity()).isEqualTo("info");
        assertThat(SegmentEditor.runsJson(TaggedText.EMPTY)).isEqualTo("[]");
        assertThat(SegmentEditor.runsJson(TaggedText.plain("a\nb"))).isEqualTo("[{\"t\":\"a\\nb\"}]");
    }
}
