package org.postedit.workbench.document.okapi;

import java.util.regex.Pattern;

import net.sf.okapi.common.resource.TextFragment;

/**
 * Joins the hard-wrapped lines of a plain-text or Markdown paragraph into one line, so a sentence that the
 * author wrapped at 72 columns is one segment. A line break (with the indentation around it) becomes one space,
 * or nothing between two CJK characters, where a space would be a typo. Breaks that carry structure stay as they
 * are, and the SRX rules cut there: before a list item ("- ", "1. ") and around an underline ("=====").
 * Works on Okapi coded text: inline-code markers next to a break are skipped when looking at its neighbours.
 */
final class LineUnwrapper {

    private static final Pattern LIST_ITEM = Pattern.compile("(?:[-*+\u2022\u00B7]|\\d{1,3}[.)]|#{1,6})\\s");
    private static final Pattern RULE = Pattern.compile("([=\\-*_~#+])\\1{2,}\\s*");

    private LineUnwrapper() {
    }

    static String unwrap(String coded) {
        int firstBreak = coded.indexOf('\n');
        if (firstBreak < 0) {
            return coded;
        }
        StringBuilder out = new StringBuilder(coded.length());
        int copied = 0;
        for (int i = firstBreak; i >= 0; i = coded.indexOf('\n', i + 1)) {
            int start = i;
            while (start > copied && isHorizontalSpace(coded.charAt(start - 1))) {
                start--;
            }
            int end = i + 1;
            while (end < coded.length() && (isHorizontalSpace(coded.charAt(end)) || coded.charAt(end) == '\n'
                    || coded.charAt(end) == '\r')) {
                end++;
            }
            out.append(coded, copied, start);
            boolean keep = start == 0 || end == coded.length()  // trimmed around the segments anyway
                    || isStructural(coded, start, end);
            if (keep) {
                out.append(coded, start, end);
            } else if (!(isCjk(charBefore(coded, start)) && isCjk(charAfter(coded, end)))) {
                out.append(' ');
            }
            copied = end;
            i = end - 1;
        }
        out.append(coded, copied, coded.length());
        return out.toString();
    }

    private static boolean isStructural(String coded, int breakStart, int nextLineStart) {
        int previousLineStart = coded.lastIndexOf('\n', breakStart - 1) + 1;
        int nextLineEnd = coded.indexOf('\n', nextLineStart);
        String previousLine = coded.substring(previousLineStart, breakStart).strip();
        String nextLine = coded.substring(nextLineStart, nextLineEnd < 0 ? coded.length() : nextLineEnd);
        return RULE.matcher(previousLine).matches() || RULE.matcher(nextLine).matches()
                || LIST_ITEM.matcher(nextLine).lookingAt();
    }

    private static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static int charBefore(String coded, int position) {
        int i = position - 1;
        while (i >= 1 && TextFragment.isMarker(coded.charAt(i - 1))) {
            i -= 2;
        }
        return i >= 0 ? coded.codePointBefore(i + 1) : -1;
    }

    private static int charAfter(String coded, int position) {
        int i = position;
        while (i + 1 < coded.length() && TextFragment.isMarker(coded.charAt(i))) {
            i += 2;
        }
        return i < coded.length() ? coded.codePointAt(i) : -1;
    }

    /** Scripts written without spaces between words, and their punctuation. Hangul uses spaces. */
    static boolean isCjk(int codePoint) {
        if (codePoint < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || (codePoint >= 0x3000 && codePoint <= 0x303F)   // CJK symbols and punctuation
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);  // full-width forms
    }
}
