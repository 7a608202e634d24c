package org.postedit.workbench.check.typography;

import java.util.List;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;

/** One typography rule: its own rule id, the languages it is meant for, and what it finds. */
interface TypographyRule {

    String id();

    boolean appliesTo(String targetLanguage);

    /** Adds this rule's issues in {@code text} to {@code issues}. */
    void check(TypographyText text, List<Issue> issues);

    default Issue issue(IssueCategory category, IssueSeverity severity, int offset, int length, String message,
                        List<String> suggestions) {
        return new Issue(TypographyChecker.ID, id(), category, severity, offset, length, message, suggestions);
    }

    default Issue issue(IssueSeverity severity, int offset, int length, String message, List<String> suggestions) {
        return issue(IssueCategory.TYPOGRAPHY, severity, offset, length, message, suggestions);
    }
}
