package org.postedit.workbench.glossary.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tokens by character class alone. An apostrophe is a token of its own, so "Jinping's" still contains the word
 * "Jinping"; ideographs and kana are one token each, because Chinese and Japanese put no spaces between words and a
 * term may begin at any character.
 */
final class PlainLemmatizer implements Lemmatizer {

    @Override
    public List<Token> tokenize(String language, String text) {
        List<Token> tokens = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isSpace(cp)) {
                i = next;
            } else if (isUnsegmentedScript(cp) || !isWordPart(cp)) {
                tokens.add(token(text, i, next));
                i = next;
            } else {
                int end = next;
                while (end < length) {
                    int c = text.codePointAt(end);
                    if (!isWordPart(c) || isUnsegmentedScript(c)) {
                        break;
                    }
                    end += Character.charCount(c);
                }
                tokens.add(token(text, i, end));
                i = end;
            }
        }
        return tokens;
    }

    private static Token token(String text, int start, int end) {
        return new Token(start, end, text.substring(start, end), Set.of());
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\u200B' || cp == '\uFEFF';
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Scripts written without spaces between words, where every character may start a term. */
    static boolean isUnsegmentedScript(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                || script == Character.UnicodeScript.MYANMAR;
    }
}
