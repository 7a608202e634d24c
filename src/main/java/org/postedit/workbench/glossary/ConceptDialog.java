package org.postedit.workbench.glossary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Adds or edits one concept: its domain, definition and note, and an editable list of terms (language, text,
 * status, part of speech, case sensitivity, note, example). Saving goes through {@link GlossaryService}, whose
 * validation messages are shown at the terms they name and in the dialog. Read-only for users who may not edit.
 */
public class ConceptDialog extends Dialog {

    /** Language tags offered in the term rows; any other BCP 47 tag can be typed. */
    static final List<String> LANGUAGES = List.of("zh", "en", "zh-CN", "zh-TW", "en-US", "en-GB", "de", "fr", "ja",
            "ko", "pt", "es", "it", "nl", "ru");

    private final GlossaryService glossary;
    private final long glossaryId;
    private final Concept existing;
    private final String user;
    private final boolean editable;
    private final Consumer<Concept> onSaved;

    private final ComboBox<String> domain = new ComboBox<>("Domain");
    private final TextArea definition = new TextArea("Definition");
    private final TextArea note = new TextArea("Note");
    private final VerticalLayout termList = new VerticalLayout();
    private final List<TermEditor> termEditors = new ArrayList<>();
    private final Div problems = new Div();
    private final Paragraph hint = new Paragraph();
    private final Button save = new Button("Save");

    /**
     * @param existing the concept to edit, or null to add one
     * @param editable false shows the concept read-only (no save, no term rows to add or remove)
     * @param onSaved  called with the stored concept after a successful save
     */
    public ConceptDialog(GlossaryService glossary, long glossaryId, Concept existing, String user, boolean editable,
                         Consumer<Concept> onSaved) {
        this.glossary = glossary;
        this.glossaryId = glossaryId;
        this.existing = existing;
        this.user = user;
        this.editable = editable;
        this.onSaved = onSaved;
        addClassName("concept-dialog");
        setHeaderTitle(existing == null ? "New concept" : (editable ? "Edit concept " : "Concept ") + existing.key());
        setWidth("min(64rem, 96vw)");
        setCloseOnOutsideClick(false);

        domain.setItems(glossary.domains(glossaryId));
        domain.setAllowCustomValue(true);
        domain.addCustomValueSetListener(e -> domain.setValue(e.getDetail()));
        domain.setClearButtonVisible(true);
        domain.setPlaceholder("e.g. organisations");
        definition.setWidthFull();
        note.setWidthFull();
        definition.setMaxHeight("8rem");
        note.setMaxHeight("8rem");
        HorizontalLayout conceptFields = new HorizontalLayout(domain, definition, note);
        conceptFields.setWidthFull();
        conceptFields.setFlexGrow(1, definition, note);

        termList.setPadding(false);
        termList.setSpacing(false);
        Button addTerm = new Button("Add term", VaadinIcon.PLUS.create(), e -> addTermRow(Term.of("en", "",
                TermStatus.PREFERRED)).text.focus());
        addTerm.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addTerm.setVisible(editable);
        addTerm.setId("concept-add-term");

        problems.addClassName("concept-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        problems.setVisible(false);
        problems.setId("concept-problems");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        hint.setVisible(false);

        VerticalLayout body = new VerticalLayout(hint, conceptFields, new H4("Terms"), termList, addTerm, problems);
        body.setPadding(false);
        add(body);

        if (existing != null) {
            domain.setValue(existing.domain());
            definition.setValue(nullToEmpty(existing.definition()));
            note.setValue(nullToEmpty(existing.note()));
            existing.terms().forEach(this::addTermRow);
        }
        domain.setReadOnly(!editable);
        definition.setReadOnly(!editable);
        note.setReadOnly(!editable);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("concept-save");
        save.addClickListener(e -> save());
        save.setVisible(editable);
        Button cancel = new Button(editable ? "Cancel" : "Close", e -> close());
        cancel.setId("concept-cancel");
        getFooter().add(cancel, save);
    }

    /** Source texts up to this length are prefilled whole as the source term when adding from the review grid. */
    static final int SHORT_SOURCE = 40;

    /**
     * A new concept from a selection in the review grid: the selected text as the preferred target term and, when
     * the segment has a source, a source term row: the whole source text when it is short (a heading or a name),
     * else empty for the user to fill (the workbench does not align words, so it cannot know which part it is).
     *
     * @param sourceLanguage null for a document without source
     * @param sourceText     the segment's source as plain text; null when it has none
     */
    public static ConceptDialog forSelection(GlossaryService glossary, long glossaryId, String user, String selection,
                                             String targetLanguage, String sourceLanguage, String sourceText,
                                             Consumer<Concept> onSaved) {
        ConceptDialog dialog = new ConceptDialog(glossary, glossaryId, null, user, true, onSaved);
        dialog.setHeaderTitle("Add to glossary");
        List<Term> terms = new ArrayList<>();
        StringBuilder explanation = new StringBuilder();
        String source = sourceText == null ? "" : sourceText.strip();
        if (sourceLanguage != null && !source.isEmpty()) {
            boolean isShort = source.length() <= SHORT_SOURCE;
            terms.add(Term.of(sourceLanguage, isShort ? source : "", TermStatus.PREFERRED));
            explanation.append(isShort ? "The source term is the whole source of the segment; shorten it to the "
                    + "term if needed. " : "The segment's source is long: type the source term (or remove its "
                    + "row). ");
        }
        terms.add(Term.of(targetLanguage, selection == null ? "" : selection.strip(), TermStatus.PREFERRED));
        if (selection == null || selection.isBlank()) {
            explanation.append("No text was selected in the editor: type the target term.");
        }
        dialog.prefill(terms, explanation.toString().strip());
        return dialog;
    }

    /** Adds rows for terms (e.g. prefilled from a selection in the review grid) and an explanation above them. */
    public void prefill(List<Term> terms, String explanation) {
        terms.forEach(this::addTermRow);
        if (explanation != null && !explanation.isBlank()) {
            hint.setText(explanation);
            hint.setVisible(true);
        }
    }

    /** The concept as the dialog's fields describe it now (empty texts as null). */
    public Concept draft() {
        List<Term> terms = termEditors.stream().map(TermEditor::term).toList();
        return Concept.draft(existing == null ? null : existing.key(), blankToNull(domain.getValue()),
                blankToNull(definition.getValue()), blankToNull(note.getValue()), terms);
    }

    /** The editable term rows, in order. */
    public List<TermEditor> termEditors() {
        return List.copyOf(termEditors);
    }

    /** The messages of the last refused save (empty when none). */
    public List<String> problems() {
        return problems.getChildren().map(c -> c.getElement().getText()).toList();
    }

    public Button saveButton() {
        return save;
    }

    public ComboBox<String> domainField() {
        return domain;
    }

    public TextArea noteField() {
        return note;
    }

    public boolean isEditable() {
        return editable;
    }

    /** Saves through the service; on validation errors keeps the dialog open and shows them. */
    void save() {
        if (!editable) {
            return;
        }
        clearProblems();
        Concept draft = draft();
        try {
            Concept stored = existing == null ? glossary.createConcept(glossaryId, draft, user)
                    : glossary.updateConcept(existing.id(), draft, user);
            close();
            Notification n = Notification.show((existing == null ? "Added " : "Saved ") + stored.key() + ": "
                    + label(stored), 3000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            onSaved.accept(stored);
        } catch (GlossaryValidationException e) {
            showProblems(e.problems());
        } catch (ConceptNotFoundException e) {
            showProblems(List.of("This concept was deleted meanwhile; close the dialog and add it again."));
        }
    }

    private void showProblems(List<String> messages) {
        problems.removeAll();
        for (String message : messages) {
            problems.add(new Div(message));
        }
        problems.setVisible(true);
        // mark the term fields a message names ("... term 'X' ...", or an empty term)
        for (TermEditor row : termEditors) {
            String text = row.text.getValue().strip();
            for (String message : messages) {
                boolean names = text.isEmpty() ? message.contains(" term is empty")
                        : message.toLowerCase().contains("'" + text.toLowerCase() + "'");
                if (names) {
                    row.text.setInvalid(true);
                    row.text.setErrorMessage(message);
                    break;
                }
            }
        }
        if (messages.stream().anyMatch(m -> m.startsWith("A concept needs at least one term"))) {
            problems.add(new Div("Use \"Add term\" to add one."));
        }
    }

    private void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
        for (TermEditor row : termEditors) {
            row.text.setInvalid(false);
            row.text.setErrorMessage(null);
        }
    }

    private TermEditor addTermRow(Term term) {
        TermEditor row = new TermEditor(term, editable);
        row.remove.addClickListener(e -> {
            termEditors.remove(row);
            termList.remove(row);
        });
        termEditors.add(row);
        termList.add(row);
        return row;
    }

    static String label(Concept c) {
        return c.terms().stream().filter(t -> t.status() == TermStatus.PREFERRED).map(Term::text)
                .reduce((a, b) -> a + " / " + b).orElse(c.terms().isEmpty() ? "" : c.terms().getFirst().text());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** One term of the concept as a row of fields. */
    public static final class TermEditor extends HorizontalLayout {

        private final ComboBox<String> language = new ComboBox<>();
        private final TextField text = new TextField();
        private final Select<TermStatus> status = new Select<>();
        private final TextField partOfSpeech = new TextField();
        private final Checkbox caseSensitive = new Checkbox("Case");
        private final TextField termNote = new TextField();
        private final TextField example = new TextField();
        private final Button remove = new Button(VaadinIcon.TRASH.create());

        TermEditor(Term term, boolean editable) {
            addClassName("concept-term-row");
            setWidthFull();
            setAlignItems(FlexComponent.Alignment.BASELINE);
            getStyle().set("flex-wrap", "wrap").set("row-gap", "0");
            language.setItems(LANGUAGES);
            language.setAllowCustomValue(true);
            language.addCustomValueSetListener(e -> language.setValue(e.getDetail()));
            language.setAriaLabel("Language");
            language.setPlaceholder("Language");
            language.setWidth("6.5rem");
            language.setValue(term.language());
            text.setAriaLabel("Term");
            text.setPlaceholder("Term");
            text.setValue(nullToEmpty(term.text()));
            text.setMinWidth("11rem");
            status.setItems(TermStatus.values());
            status.setItemLabelGenerator(TermStatus::label);
            status.setAriaLabel("Status");
            status.setWidth("8rem");
            status.setValue(term.status() == null ? TermStatus.ADMITTED : term.status());
            partOfSpeech.setAriaLabel("Part of speech");
            partOfSpeech.setPlaceholder("Part of speech");
            partOfSpeech.setWidth("6.5rem");
            partOfSpeech.setValue(nullToEmpty(term.partOfSpeech()));
            caseSensitive.setValue(term.caseSensitive());
            caseSensitive.setTooltipText("Matching respects upper and lower case");
            termNote.setAriaLabel("Term note");
            termNote.setPlaceholder("Note");
            termNote.setValue(nullToEmpty(term.note()));
            termNote.setWidth("7rem");
            example.setAriaLabel("Usage example");
            example.setPlaceholder("Usage example");
            example.setValue(nullToEmpty(term.example()));
            example.setWidth("7rem");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove this term");
            remove.setTooltipText("Remove this term");
            remove.setVisible(editable);
            language.setReadOnly(!editable);
            text.setReadOnly(!editable);
            status.setReadOnly(!editable);
            partOfSpeech.setReadOnly(!editable);
            caseSensitive.setReadOnly(!editable);
            termNote.setReadOnly(!editable);
            example.setReadOnly(!editable);
            add(language, text, status, partOfSpeech, caseSensitive, termNote, example, remove);
            setFlexGrow(2, text);
            setFlexGrow(1, termNote, example);
        }

        /** The row as a term (the service normalises whitespace and language case). */
        public Term term() {
            return new Term(0, language.getValue() == null ? "" : language.getValue().strip(),
                    blankToNull(text.getValue()), status.getValue(), blankToNull(partOfSpeech.getValue()),
                    caseSensitive.getValue(), blankToNull(termNote.getValue()), blankToNull(example.getValue()));
        }

        public ComboBox<String> languageField() {
            return language;
        }

        public TextField textField() {
            return text;
        }

        public Select<TermStatus> statusField() {
            return status;
        }

        public Button removeButton() {
            return remove;
        }
    }
}
