package org.postedit.workbench.check.checklist;

import java.time.Instant;

import org.postedit.workbench.check.IssueSeverity;

/**
 * One rule of the project checklist: where {@code pattern} (a Java regular expression) matches a target, the
 * checklist checker reports {@code message}, with {@code replacement} ({@code $1}, {@code ${name}} for groups) as the
 * fix when there is one.
 *
 * @param id             database id (0 for a rule not stored yet)
 * @param key            the rule id shown with its issues and used in CSV exchange (unique)
 * @param targetLanguage BCP 47 tag or primary language ("en" covers "en-GB"); null for every language
 */
public record ChecklistRule(long id, String key, String name, String message, String pattern, String replacement,
                            IssueSeverity severity, boolean enabled, String targetLanguage, String createdBy,
                            Instant createdAt, String updatedBy, Instant updatedAt) {

    /** A rule to create, or to save over an existing one. */
    public static ChecklistRule draft(String key, String name, String message, String pattern, String replacement,
                                      IssueSeverity severity, boolean enabled, String targetLanguage) {
        return new ChecklistRule(0, key, name, message, pattern, replacement, severity, enabled, targetLanguage, null,
                null, null, null);
    }

    public ChecklistRule withEnabled(boolean on) {
        return new ChecklistRule(id, key, name, message, pattern, replacement, severity, on, targetLanguage,
                createdBy, createdAt, updatedBy, updatedAt);
    }
}
