package org.postedit.workbench.review;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.FindReplace.Range;

/**
 * Find and replace in one document (Ctrl+H): hits in source, MT and target listed with the matches highlighted;
 * "Replace" on a target hit or "Replace all…" first shows every change, before and after, and saves only when
 * the reviewer confirms. Viewers only find.
 */
public class FindReplaceDialog extends Dialog {

    private final FindReplace findReplace;
    private final long documentId;
    private final Supplier<String> user;
    private final Consumer<FindReplace.Outcome> replaced;
    private final boolean canReplace;

    final TextField find = new TextField("Find");
    final TextField replaceWith = new TextField("Replace with");
    final RadioButtonGroup<FindQuery.Mode> mode = new RadioButtonGroup<>();
    final Checkbox matchCase = new Checkbox("Match case");
    final CheckboxGroup<FindQuery.Field> fields = new CheckboxGroup<>();
    final Checkbox includeApproved = new Checkbox("Include approved segments");
    final Div results = new Div();

    /**
     * @param replaced told after replacements were saved (refresh the grid)
     */
    public FindReplaceDialog(FindReplace findReplace, long documentId, boolean canReplace, Supplier<String> user,
                             Consumer<FindReplace.Outcome> replaced) {
        this.findReplace = findReplace;
        this.documentId = documentId;
        this.canReplace = canReplace;
        this.user = user;
        this.replaced = replaced;
        setHeaderTitle(canReplace ? "Find and replace" : "Find");
        addClassName("find-replace-dialog");
        setWidth("min(64rem, 96vw)");
        setHeight("min(48rem, 92vh)");
        setDraggable(true);
        setResizable(true);

        find.setWidth("20rem");
        find.setClearButtonVisible(true);
        replaceWith.setWidth("20rem");
        replaceWith.setHelperText("In regex mode $1, $2… insert groups");
        mode.setItems(FindQuery.Mode.values());
        mode.setItemLabelGenerator(m -> switch (m) {
            case PLAIN -> "Plain text";
            case WHOLE_WORD -> "Whole word";
            case REGEX -> "Regular expression";
        });
        mode.setValue(FindQuery.Mode.PLAIN);
        fields.setLabel("Search in");
        fields.setItems(FindQuery.Field.values());
        fields.setItemLabelGenerator(FindQuery.Field::label);
        fields.setValue(EnumSet.allOf(FindQuery.Field.class));
        includeApproved.setTooltipText("Approved segments are left alone unless this is ticked");

        Button findButton = new Button("Find", e -> runFind());
        findButton.addClassName("find-button");
        findButton.addClickShortcut(Key.ENTER);
        Button replaceAll = new Button("Replace all…", e -> previewAll());
        replaceAll.addClassName("replace-all-button");
        replaceAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout texts = new HorizontalLayout(find);
        if (canReplace) {
            texts.add(replaceWith);
        }
        texts.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout options = new HorizontalLayout(mode, matchCase, fields);
        options.setAlignItems(FlexComponent.Alignment.BASELINE);
        options.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout actions = new HorizontalLayout(findButton);
        if (canReplace) {
            actions.add(replaceAll, includeApproved);
        }
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        results.addClassName("find-results");
        add(texts, options, actions, results);
        getFooter().add(new Button("Close", e -> close()));
    }

    private FindQuery query() {
        return new FindQuery(find.getValue(), mode.getValue(), matchCase.getValue(), fields.getValue());
    }

    void runFind() {
        results.removeAll();
        try {
            FindReplace.SearchResult result = findReplace.find(documentId, query());
            Span summary = new Span(result.hitCount() + " hits in " + result.segmentCount() + " segments"
                    + (result.truncated() ? " (the first " + result.segments().size() + " are listed)" : ""));
            summary.addClassName("find-summary");
            results.add(summary);
            for (FindReplace.FoundSegment found : result.segments()) {
                results.add(hitRow(found));
            }
        } catch (FindRejectedException e) {
            results.add(problem(e.getMessage()));
        }
    }

    private Component hitRow(FindReplace.FoundSegment found) {
        Div row = new Div();
        row.addClassName("find-hit");
        Span ordinal = new Span("#" + found.segment().ordinal());
        ordinal.addClassName("find-ordinal");
        row.add(ordinal);
        for (FindReplace.TextHits hits : found.hits()) {
            Div line = new Div();
            line.addClassName("find-line");
            Span field = new Span(hits.field().label());
            field.addClassName("find-field");
            line.add(field, highlighted(hits.text(), hits.ranges(), "find-match"));
            if (canReplace && hits.field() == FindQuery.Field.TARGET && !found.segment().locked()) {
                Button one = new Button("Replace", e -> previewOne(found.segment().id()));
                one.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                one.addClassName("replace-one");
                line.add(one);
            }
            row.add(line);
        }
        return row;
    }

    void previewOne(long segmentId) {
        try {
            FindReplace.Replacement change = findReplace.previewOne(segmentId, query(), replaceWith.getValue());
            if (change == null) {
                Notification.show("The target of that segment no longer matches.");
                return;
            }
            showPreview(List.of(change), 0, 0);
        } catch (FindRejectedException e) {
            results.removeAll();
            results.add(problem(e.getMessage()));
        }
    }

    void previewAll() {
        try {
            FindReplace.Preview preview = findReplace.preview(documentId, query(), replaceWith.getValue(),
                    includeApproved.getValue());
            showPreview(preview.replacements(), preview.skippedApproved(), preview.skippedLocked());
        } catch (FindRejectedException e) {
            results.removeAll();
            results.add(problem(e.getMessage()));
        }
    }

    private void showPreview(List<FindReplace.Replacement> changes, int skippedApproved, int skippedLocked) {
        results.removeAll();
        StringBuilder text = new StringBuilder(changes.size() + (changes.size() == 1 ? " segment" : " segments")
                + " will change, each saved as a new version.");
        if (skippedApproved > 0) {
            text.append(' ').append(skippedApproved).append(" approved segments are left alone (tick \"Include "
                    + "approved segments\" to change them too).");
        }
        if (skippedLocked > 0) {
            text.append(' ').append(skippedLocked).append(" locked segments are left alone.");
        }
        Paragraph summary = new Paragraph(text.toString());
        summary.addClassName("preview-summary");
        Button confirm = new Button("Replace in " + changes.size() + (changes.size() == 1 ? " segment" : " segments"),
                e -> apply(changes));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("confirm-replace");
        confirm.setEnabled(!changes.isEmpty());
        Button back = new Button("Back to the hits", e -> runFind());
        results.add(summary, new HorizontalLayout(confirm, back));
        for (FindReplace.Replacement change : changes) {
            Div row = new Div();
            row.addClassName("preview-change");
            Span ordinal = new Span("#" + change.segment().ordinal());
            ordinal.addClassName("find-ordinal");
            Div before = new Div(label("Before"), highlighted(change.before(), change.found(), "diff-del"));
            Div after = new Div(label("After"), highlighted(change.after(), change.replaced(), "diff-ins"));
            row.add(ordinal, before, after);
            results.add(row);
        }
    }

    private void apply(List<FindReplace.Replacement> changes) {
        FindReplace.Outcome outcome = findReplace.replace(changes, user.get());
        results.removeAll();
        Paragraph done = new Paragraph(outcome.replaced() + " replaced.");
        done.addClassName("replace-outcome");
        results.add(done);
        if (!outcome.stale().isEmpty()) {
            results.add(problem("Changed by someone else since the preview, so not replaced: segments "
                    + outcome.stale().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                    + ". Find again to see their new text."));
        }
        outcome.refused().forEach(reason -> results.add(problem("Not replaced in segment " + reason)));
        replaced.accept(outcome);
    }

    private static Span label(String text) {
        Span label = new Span(text + ": ");
        label.addClassName("find-field");
        return label;
    }

    private static Component problem(String message) {
        Paragraph p = new Paragraph(message);
        p.addClassName("find-problem");
        p.getStyle().set("color", "var(--lumo-error-text-color)");
        return p;
    }

    /** The text with its codes as labels and the ranges (plain-text offsets) marked. */
    static Span highlighted(TaggedText text, List<Range> ranges, String markClass) {
        Span out = new Span();
        out.addClassName("segment-text");
        int plain = 0;
        for (TaggedText.Run run : text.runs()) {
            if (run.code() != null) {
                Span code = new Span(run.code().label());
                code.addClassName("code-label");
                out.add(code);
                continue;
            }
            String t = run.text();
            int at = 0;
            for (Range range : ranges) {
                int start = Math.max(range.start() - plain, at);
                int end = Math.min(range.end() - plain, t.length());
                if (end <= start || start >= t.length()) {
                    continue;
                }
                if (start > at) {
                    out.add(new Span(t.substring(at, start)));
                }
                Span mark = new Span(t.substring(start, end));
                mark.addClassName(markClass);
                out.add(mark);
                at = end;
            }
            if (at < t.length()) {
                out.add(new Span(t.substring(at)));
            }
            plain += t.length();
        }
        return out;
    }
}
