package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.LanguageChecks;

/**
 * The open issues of the selected segment (or of the draft in the editor), beside the grid: category, severity,
 * message, the suggestions as buttons, and the actions that dismiss a false positive for good.
 */
class IssuesPanel extends VerticalLayout {

    /** What the buttons do; the panel only shows. */
    interface Actions {
        void apply(Issue issue, String suggestion);

        void ignore(Issue issue);

        void ignoreRule(Issue issue);

        void addToDictionary(Issue issue, String word);
    }

    /** What the signed-in user may do here. */
    record Permissions(boolean edit, boolean ignore, boolean addWords) {
    }

    private final Actions actions;
    private final Span checksRan = new Span();
    private final Div list = new Div();
    private Permissions permissions = new Permissions(false, false, false);
    /** The plain text the listed issues' offsets count in ("" when none are listed). */
    private String text = "";

    IssuesPanel(Actions actions) {
        this.actions = actions;
        addClassName("issues-panel");
        setPadding(false);
        setSpacing(false);
        setWidth("19rem");
        getStyle().set("flex-shrink", "0").set("overflow", "auto");
        checksRan.addClassName("checks-ran");
        list.addClassName("issue-list");
        add(new H4("Checks"), checksRan, list);
        clear("Select a segment to see its issues.");
    }

    void permit(Permissions permissions) {
        this.permissions = permissions;
    }

    /** Says which checks run for the document's language and which are not available for it. */
    void showChecks(LanguageChecks checks) {
        StringBuilder text = new StringBuilder("Ran for ").append(checks.targetLanguage()).append(": ")
                .append(checks.applied().isEmpty() ? "none" : String.join(", ", checks.applied())).append('.');
        if (!checks.notApplied().isEmpty()) {
            text.append(" Not available for ").append(checks.targetLanguage()).append(": ")
                    .append(String.join(", ", checks.notApplied())).append('.');
        }
        checksRan.setText(text.toString());
    }

    String text() {
        return text;
    }

    String checksText() {
        return checksRan.getText();
    }

    void clear(String message) {
        list.removeAll();
        text = "";
        Span none = new Span(message);
        none.addClassName("issue-empty");
        list.add(none);
    }

    /**
     * Lists the issues of a text.
     *
     * @param text      the plain text the offsets count in
     * @param ignorable whether these are the stored text's issues (a draft's issues cannot be ignored before it is
     *                  saved: an ignore holds for a text, and the draft is not the segment's text yet)
     */
    void show(int ordinal, List<Issue> issues, String text, boolean ignorable) {
        list.removeAll();
        if (issues.isEmpty()) {
            clear("No open issues in segment " + ordinal + ".");
            return;
        }
        this.text = text;
        for (Issue issue : issues) {
            list.add(row(issue, text, ignorable));
        }
    }

    /** The rows as the reviewer reads them: "Spelling · Error: message", for tests and screen readers. */
    List<String> rowTexts() {
        List<String> texts = new ArrayList<>();
        list.getChildren().filter(c -> c.hasClassName("issue-row"))
                .forEach(c -> texts.add(c.getElement().getAttribute("aria-label")));
        return texts;
    }

    private Div row(Issue issue, String text, boolean ignorable) {
        Div row = new Div();
        row.addClassName("issue-row");
        String category = IssueMarks.label(issue.category());
        String severity = IssueMarks.label(issue.severity());
        row.getElement().setAttribute("aria-label", category + " · " + severity + ": " + issue.message());
        Span badge = new Span(severity);
        badge.addClassNames("issue-badge", "issue-" + IssueMarks.severity(issue.severity()));
        Span kind = new Span(" " + category);
        kind.addClassName("issue-category");
        Div head = new Div(badge, kind);
        String covered = issue.in(text);
        if (!covered.isBlank()) {
            Span quoted = new Span(" “" + abbreviate(covered) + "”");
            quoted.addClassName("issue-covered");
            head.add(quoted);
        }
        Div message = new Div(issue.message());
        message.addClassName("issue-message");
        row.add(head, message);
        if (permissions.edit() && !issue.suggestions().isEmpty()) {
            Div suggestions = new Div();
            suggestions.addClassName("issue-suggestions");
            for (String suggestion : issue.suggestions().stream().limit(9).toList()) {
                Button apply = small(suggestion.isEmpty() ? "(delete)" : suggestion,
                        () -> actions.apply(issue, suggestion));
                apply.addClassName("issue-apply");
                apply.setTooltipText("Replace “" + abbreviate(covered) + "” with this");
                suggestions.add(apply);
            }
            row.add(suggestions);
        }
        if (permissions.ignore()) {
            Div buttons = new Div();
            buttons.addClassName("issue-actions");
            Button ignore = small("Ignore", () -> actions.ignore(issue));
            ignore.addClassName("issue-ignore");
            ignore.setEnabled(ignorable);
            ignore.setTooltipText(ignorable ? "Do not show this issue again in this segment while its text stays"
                    : "Save the segment first: an ignore holds for the saved text");
            Button ignoreRule = small("Ignore rule in document", () -> actions.ignoreRule(issue));
            ignoreRule.addClassName("issue-ignore-rule");
            ignoreRule.setTooltipText("Do not report " + issue.ruleId() + " anywhere in this document");
            buttons.add(ignore, ignoreRule);
            if (issue.category() == IssueCategory.SPELLING && permissions.addWords() && !covered.isBlank()) {
                Button add = small("Add to dictionary", () -> actions.addToDictionary(issue, covered.strip()));
                add.addClassName("issue-add-word");
                add.setTooltipText("Add “" + abbreviate(covered.strip()) + "” to the project dictionary");
                buttons.add(add);
            }
            row.add(buttons);
        }
        return row;
    }

    private static Button small(String text, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        return button;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
