package org.postedit.workbench.review;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An issue as the segment editor draws it: an underline over a range of the segment's plain text (codes excluded,
 * counted in Java {@code char}s like {@link org.postedit.workbench.document.TaggedText#plainText()}), with a message
 * and replacement suggestions shown on hover or when the caret is inside.
 *
 * @param offset      start in the plain text
 * @param length      characters covered, more than zero
 * @param severity    {@code "error"}, {@code "warning"} or {@code "info"} (anything else becomes info)
 * @param message     what is wrong, in words
 * @param suggestions replacements the reviewer can apply with a click or Alt+Enter
 */
public record IssueMark(int offset, int length, String severity, String message, List<String> suggestions) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String INFO = "info";

    public IssueMark {
        if (offset < 0 || length < 1) {
            throw new IllegalArgumentException("An issue needs offset >= 0 and length >= 1, got " + offset + "/" + length);
        }
        String normalized = severity == null ? INFO : severity.toLowerCase(Locale.ROOT);
        severity = switch (normalized) {
            case ERROR, WARNING -> normalized;
            default -> INFO;
        };
        message = Objects.requireNonNullElse(message, "");
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
