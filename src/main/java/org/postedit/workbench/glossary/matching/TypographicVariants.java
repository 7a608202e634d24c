package org.postedit.workbench.glossary.matching;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Folds the typographic variants MT and human writers mix freely (curly and straight apostrophes, the many double
 * quotes, no-break spaces, Unicode hyphens) onto one character each. Folding the whole text is one character for one
 * character, so offsets found in the folded text are offsets in the original: the grid can underline what the
 * reviewer sees.
 */
final class TypographicVariants {

    private TypographicVariants() {
    }

    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = fold(c);
            if (folded != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = folded;
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static char fold(char c) {
        if (c < 0x80) {
            return c == '`' ? '\'' : c;
        }
        return switch (c) {
            // apostrophes and single quotes: right, left, acute, prime, modifier letters, full-width
            case '\u2019', '\u2018', '\u00B4', '\u2032', '\u02BC', '\u02BB', '\u201B', '\uFF07' -> '\'';
            // double quotes: curly, low-9, reversed, double prime, full-width (guillemets stay: no term contains one)
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\uFF02' -> '"';
            // hyphens that look like a hyphen-minus (dashes are punctuation, not hyphens, and stay)
            case '\u2010', '\u2011', '\u2012', '\u2043', '\uFE63', '\uFF0D' -> '-';
            // no-break, narrow, thin and other fixed-width spaces
            case '\u00A0', '\u2007', '\u202F', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
                 '\u2008', '\u2009', '\u200A', '\u3000' -> ' ';
            default -> c;
        };
    }

    /** The form a token is compared in; unlike {@link #fold(String)} it may change the length (full-width letters). */
    static String key(String surface) {
        for (int i = 0; i < surface.length(); i++) {
            if (surface.charAt(i) >= 0x80) {
                return Normalizer.normalize(fold(surface), Normalizer.Form.NFKC);
            }
        }
        return surface;
    }

    static String caseless(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /**
     * Gives a dictionary form the capitalisation of the word it came from, so that a case-sensitive "Minister" is
     * found in "Ministers" but not in "ministers" (dictionaries list lemmas in lower case).
     */
    static String withCaseOf(String lemma, String surface) {
        boolean anyUpper = false;
        boolean allUpper = true;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isUpperCase(c)) {
                anyUpper = true;
            } else if (Character.isLowerCase(c)) {
                allUpper = false;
            }
        }
        if (!anyUpper) {
            return lemma.toLowerCase(Locale.ROOT);
        }
        if (allUpper && surface.length() > 1) {
            return lemma.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(surface.charAt(0)) && !lemma.isEmpty()) {
            return Character.toUpperCase(lemma.charAt(0)) + lemma.substring(1);
        }
        return lemma;
    }

    /** Whether a word is already its own dictionary form, in which case it is indexed as written. */
    static boolean isBaseForm(String surface, Set<String> lemmas) {
        if (lemmas.isEmpty()) {
            return true;
        }
        for (String lemma : lemmas) {
            if (lemma.equalsIgnoreCase(surface)) {
                return true;
            }
        }
        return false;
    }
}
