package org.postedit.workbench.check.text;

import java.util.Locale;
import java.util.Set;

/** Where sentences start in a segment, as far as typography can tell without a parser. */
public final class SentenceStart {

    /** Abbreviations after which a full stop does not end the sentence (lower-cased, without the stop). */
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "approx", "incl", "cf", "al",
            "no", "nos", "ca", "fig", "figs", "vol", "pp", "p", "ed", "eds", "resp", "esp", "dept", "est", "mr", "mrs",
            "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "gen", "gov", "rev", "art", "sec", "ch", "op",
            "viz", "min", "max", "u.s", "u.k", "a.m", "p.m");

    private SentenceStart() {
    }

    /**
     * Whether a word at {@code offset} starts a sentence: the segment's first word, or the first after a sentence
     * end ({@code .!?} and its closing quotes, then white space) that is not an abbreviation or an initial.
     */
    public static boolean at(String text, int offset) {
        int i = offset - 1;
        while (i >= 0 && isOpening(text.charAt(i))) {
            i--;
        }
        int beforeSpace = i;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        if (i == beforeSpace) {
            return false;
        }
        while (i >= 0 && isClosingQuote(text.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char end = text.charAt(i);
        if (end == '!' || end == '?' || end == '。' || end == '！' || end == '？') {
            return true;
        }
        if (end != '.') {
            return false;
        }
        if (i > 0 && text.charAt(i - 1) == '.') {
            return false; // an ellipsis usually continues the sentence
        }
        return !isAbbreviation(wordBefore(text, i));
    }

    /** The word (letters, digits and inner dots) ending just before {@code dot}. */
    public static String wordBefore(String text, int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        return text.substring(start, dot);
    }

    /** An abbreviation, an initial ("J."), or a dotted form ("U.S.") whose stop need not end a sentence. */
    public static boolean isAbbreviation(String word) {
        if (word.isEmpty()) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return true;
        }
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true;
        }
        return word.indexOf('.') >= 0;
    }

    public static String capitalise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(text, Character.charCount(first), text.length()).toString();
    }

    private static boolean isOpening(char c) {
        return c == '"' || c == '“' || c == '‘' || c == '(' || c == '[' || c == '«' || c == '„' || c == '\'';
    }

    public static boolean isClosingQuote(char c) {
        return c == '"' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»' || c == '\'';
    }
}
