package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.postedit.workbench.glossary.Term;
import org.postedit.workbench.glossary.TermLookup.FoundTerm;
import org.postedit.workbench.glossary.TermStatus;

/**
 * The glossary terms of the selected segment, beside the grid: source terms with the English to use, and target
 * terms with their status and note. Clicking a preferred term inserts it at the editor's cursor.
 */
class TermPanel extends VerticalLayout {

    private final Consumer<String> insert;

    TermPanel(Consumer<String> insert) {
        this.insert = insert;
        addClassName("term-panel");
        setPadding(false);
        setSpacing(false);
        setWidth("19rem");
        getStyle().set("flex-shrink", "0").set("overflow", "auto");
        show(List.of(), List.of(), "en");
    }

    void show(List<FoundTerm> sourceTerms, List<FoundTerm> targetTerms, String targetLanguage) {
        removeAll();
        add(new H4("Glossary"));
        if (sourceTerms.isEmpty() && targetTerms.isEmpty()) {
            Span none = new Span("No glossary terms in this segment.");
            none.addClassName("term-empty");
            add(none);
            return;
        }
        for (FoundTerm found : sourceTerms) {
            Div row = row(found.match().term().text(), null);
            List<Term> preferred = found.preferred(targetLanguage);
            for (Term term : preferred) {
                row.add(new Span(" → "), insertButton(term.text()));
            }
            note(row, found);
            add(row);
        }
        for (FoundTerm found : targetTerms) {
            TermStatus status = TermStatus.valueOf(found.match().term().status().name());
            Div row = row(found.match().term().text(), status);
            if (status == TermStatus.DEPRECATED || status == TermStatus.FORBIDDEN) {
                for (Term term : found.preferred(targetLanguage)) {
                    row.add(new Span(" use "), insertButton(term.text()));
                }
            }
            note(row, found);
            add(row);
        }
    }

    /** Underlines for the target terms in the editor: forbidden as errors, deprecated as warnings. */
    static List<IssueMark> marks(List<FoundTerm> targetTerms, String targetLanguage) {
        List<IssueMark> marks = new ArrayList<>();
        for (FoundTerm found : targetTerms) {
            TermStatus status = TermStatus.valueOf(found.match().term().status().name());
            String severity = switch (status) {
                case FORBIDDEN -> "error";
                case DEPRECATED -> "warning";
                default -> "info";
            };
            List<String> suggestions = status == TermStatus.DEPRECATED || status == TermStatus.FORBIDDEN
                    ? found.preferred(targetLanguage).stream().map(Term::text).toList() : List.of();
            String message = "Glossary: " + status.label().toLowerCase() + " term"
                    + (found.concept().note() == null ? "" : " — " + found.concept().note());
            marks.add(new IssueMark(found.match().offset(), found.match().length(), severity, message, suggestions));
        }
        return marks;
    }

    private Div row(String text, TermStatus status) {
        Div row = new Div();
        row.addClassName("term-row");
        Span term = new Span(text);
        term.addClassName("term-text");
        row.add(term);
        if (status != null) {
            Span badge = new Span(status.label());
            badge.addClassNames("status-badge", switch (status) {
                case PREFERRED -> "status-approved";
                case ADMITTED -> "status-edited";
                case DEPRECATED -> "status-new";
                case FORBIDDEN -> "status-rejected";
            });
            row.add(new Span(" "), badge);
        }
        return row;
    }

    private void note(Div row, FoundTerm found) {
        String note = found.concept().note() != null ? found.concept().note() : found.concept().definition();
        if (note != null && !note.isBlank()) {
            Div text = new Div(note);
            text.addClassName("term-note");
            row.add(text);
        }
    }

    private Button insertButton(String text) {
        Button button = new Button(text, e -> insert.accept(text));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setTooltipText("Insert at the cursor");
        button.addClassName("term-insert");
        return button;
    }
}
