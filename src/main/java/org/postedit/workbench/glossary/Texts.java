package org.postedit.workbench.glossary;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The text rules every glossary path applies (UI, API, TBX, CSV), so what is stored round-trips exactly. */
final class Texts {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private Texts() {
    }

    /** Whitespace runs become one space, ends are stripped; blank becomes null. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return s.isEmpty() ? null : s;
    }

    /** Like {@link #clean} per line, keeping line breaks between non-blank lines (several TBX notes). */
    static String cleanNote(String text) {
        if (text == null) {
            return null;
        }
        String s = Arrays.stream(text.split("\\R")).map(Texts::clean).filter(l -> l != null)
                .collect(Collectors.joining("\n"));
        return s.isEmpty() ? null : s;
    }

    /** A BCP 47 tag in its canonical case (zh-cn -> zh-CN), or null when the text is not one. */
    static String language(String tag) {
        String s = tag == null ? "" : tag.strip().replace('_', '-');
        if (!LANGUAGE.matcher(s).matches()) {
            return null;
        }
        String canonical = Locale.forLanguageTag(s).toLanguageTag();
        return "und".equals(canonical) ? null : canonical;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
