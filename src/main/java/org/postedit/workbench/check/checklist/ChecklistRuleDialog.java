package org.postedit.workbench.check.checklist;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;

/**
 * Adds or edits one checklist rule, and tries it on a sample text before it is saved. The service validates; its
 * problems are listed in the dialog. Read-only (test only) for users who may not edit.
 */
class ChecklistRuleDialog extends Dialog {

    private final ChecklistService checklist;
    private final ChecklistRule existing;
    private final String user;
    private final Consumer<ChecklistRule> onSaved;

    final TextField key = new TextField("Rule id");
    final TextField name = new TextField("Name");
    final TextField message = new TextField("Message");
    final TextField pattern = new TextField("Pattern (Java regular expression)");
    final TextField replacement = new TextField("Replacement ($1 for a group; empty for none)");
    final Select<IssueSeverity> severity = new Select<>();
    final TextField language = new TextField("Target language");
    final Checkbox enabled = new Checkbox("Enabled", true);
    final TextArea sample = new TextArea("Sample text");
    final Button test = new Button("Test");
    final Button save = new Button("Save");
    final Div problems = new Div();
    final UnorderedList results = new UnorderedList();

    ChecklistRuleDialog(ChecklistService checklist, ChecklistRule existing, String user, boolean editable,
                        Consumer<ChecklistRule> onSaved) {
        this.checklist = checklist;
        this.existing = existing;
        this.user = user;
        this.onSaved = onSaved;
        addClassName("checklist-rule-dialog");
        setHeaderTitle(existing == null ? (editable ? "New checklist rule" : "Test a pattern")
                : (editable ? "Edit rule " : "Rule ") + existing.key());
        setWidth("min(48rem, 96vw)");
        setCloseOnOutsideClick(false);

        key.setPlaceholder("made from the name when empty");
        key.setHelperText("Shown with each issue; letters, digits, . - _");
        pattern.setRequired(true);
        pattern.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        replacement.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        severity.setLabel("Severity");
        severity.setItems(IssueSeverity.values());
        severity.setItemLabelGenerator(s -> s.name().charAt(0) + s.name().substring(1).toLowerCase());
        severity.setValue(IssueSeverity.WARNING);
        language.setPlaceholder("all languages");
        language.setHelperText("e.g. en (covers en-GB) or de-DE");
        if (existing != null) {
            key.setValue(existing.key());
            name.setValue(existing.name());
            message.setValue(existing.message());
            pattern.setValue(existing.pattern());
            replacement.setValue(existing.replacement() == null ? "" : existing.replacement());
            severity.setValue(existing.severity());
            language.setValue(existing.targetLanguage() == null ? "" : existing.targetLanguage());
            enabled.setValue(existing.enabled());
        }
        FormLayout form = new FormLayout(key, name, message, pattern, replacement, severity, language, enabled);
        form.setColspan(message, 2);
        form.setColspan(pattern, 2);
        form.setColspan(replacement, 2);

        sample.setWidthFull();
        sample.setPlaceholder("Paste a sentence to see what the rule finds");
        test.addClickListener(e -> test());
        results.addClassName("checklist-test-results");
        problems.addClassName("checklist-rule-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout body = new VerticalLayout(form, sample, test, results, problems);
        body.setPadding(false);
        add(body);

        // a reader may try patterns of their own (a new rule that cannot be saved), but not change a stored one
        boolean readOnly = !editable && existing != null;
        for (var field : List.of(key, name, message, pattern, replacement, language)) {
            field.setReadOnly(readOnly);
        }
        severity.setReadOnly(readOnly);
        enabled.setReadOnly(readOnly);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setVisible(editable);
        getFooter().add(new Button(editable ? "Cancel" : "Close", e -> close()), save);
    }

    private ChecklistRule draft() {
        return ChecklistRule.draft(key.getValue(), name.getValue(), message.getValue(), pattern.getValue(),
                replacement.getValue(), severity.getValue(), enabled.getValue(), language.getValue());
    }

    void test() {
        results.removeAll();
        problems.removeAll();
        try {
            String text = sample.getValue();
            List<Issue> found = checklist.test(draft(), text);
            if (found.isEmpty()) {
                results.add(new ListItem("No match."));
            }
            for (Issue issue : found) {
                String covered = issue.in(text);
                results.add(new ListItem(issue.length() == 0 ? issue.message() : "“" + covered + "” at "
                        + issue.offset() + (issue.suggestions().isEmpty() ? "" : " → “" + issue.suggestions().getFirst()
                        + "”")));
            }
        } catch (ChecklistValidationException e) {
            showProblems(e.problems());
        }
    }

    void save() {
        problems.removeAll();
        try {
            ChecklistRule saved = existing == null ? checklist.create(draft(), user)
                    : checklist.update(existing.id(), draft(), user);
            close();
            onSaved.accept(saved);
        } catch (ChecklistValidationException e) {
            showProblems(e.problems());
        }
    }

    private void showProblems(List<String> list) {
        UnorderedList items = new UnorderedList();
        list.forEach(p -> items.add(new ListItem(p)));
        problems.add(items);
    }
}
