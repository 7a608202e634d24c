package org.postedit.workbench.review;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What to find: the text, how to read it, and in which texts of a segment.
 *
 * @param text      what to look for; a regular expression in {@link Mode#REGEX} mode
 * @param mode      plain substring, whole word, or regular expression (Java syntax)
 * @param matchCase whether upper and lower case must match
 * @param fields    which texts to search; replacing only ever touches the target
 */
public record FindQuery(String text, Mode mode, boolean matchCase, Set<Field> fields) {

    public enum Mode { PLAIN, WHOLE_WORD, REGEX }

    public enum Field {
        SOURCE, MT, TARGET;

        public String label() {
            return this == MT ? "MT" : name().charAt(0) + name().substring(1).toLowerCase();
        }
    }

    public FindQuery {
        text = text == null ? "" : text;
        mode = mode == null ? Mode.PLAIN : mode;
        fields = fields == null || fields.isEmpty() ? EnumSet.allOf(Field.class) : EnumSet.copyOf(fields);
    }

    public static FindQuery plain(String text) {
        return new FindQuery(text, Mode.PLAIN, false, null);
    }

    /** The query as a Java pattern; a bad regular expression is refused with a sentence that says where. */
    Pattern pattern() {
        if (text.isEmpty()) {
            throw new FindRejectedException("Type what to find.");
        }
        int flags = matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return switch (mode) {
            case PLAIN -> Pattern.compile(Pattern.quote(text), flags);
            // a word is letters, digits and underscores in any script: "Beijing" is not found in "Beijinger"
            case WHOLE_WORD -> Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}_])",
                    flags);
            case REGEX -> {
                try {
                    yield Pattern.compile(text, flags);
                } catch (PatternSyntaxException e) {
                    throw new FindRejectedException("The regular expression is not valid: " + e.getDescription()
                            + (e.getIndex() >= 0 ? " (at character " + (e.getIndex() + 1) + ")" : "") + ".");
                }
            }
        };
    }
}
