package org.postedit.workbench.glossary.matching;

import java.util.Set;

/**
 * One word or punctuation mark of a text, with where it is and the dictionary forms it may stand for. Whitespace is
 * never a token: the gaps between tokens are what make "open  source" (two spaces) the same as "open source".
 *
 * @param start  offset of the first character in the text the lemmatizer was given
 * @param end    offset after the last character
 * @param lemmas dictionary forms ("men" -> "man"); empty when unknown or when the language has no lemmatizer
 */
public record Token(int start, int end, String surface, Set<String> lemmas) {

    public Token {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token range " + start + ".." + end);
        }
        lemmas = Set.copyOf(lemmas);
    }

    public Token(int start, String surface) {
        this(start, start + surface.length(), surface, Set.of());
    }
}
