package org.postedit.workbench.check;

import java.util.List;
import java.util.Objects;

/**
 * One problem a checker found in a segment's target text.
 *
 * @param checker     the {@link Checker#id()} that found it
 * @param ruleId      the rule within the checker; LanguageTool's own rule id for LanguageTool issues
 * @param offset      start in the target's plain text (codes excluded), in Java {@code char}s
 * @param length      characters covered; 0 only for an issue about the whole segment (e.g. a missing term)
 * @param message     what is wrong, in words a reviewer understands
 * @param suggestions replacements for the covered range, best first (may be empty)
 */
public record Issue(String checker, String ruleId, IssueCategory category, IssueSeverity severity, int offset,
                    int length, String message, List<String> suggestions) {

    public Issue {
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("An issue needs offset >= 0 and length >= 0, got " + offset + "/" + length);
        }
        message = Objects.requireNonNullElse(message, "");
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public int end() {
        return offset + length;
    }

    /** The text the issue covers. */
    public String in(String text) {
        return text.substring(Math.min(offset, text.length()), Math.min(end(), text.length()));
    }
}
