package org.postedit.workbench.glossary.matching;

import java.util.List;

/**
 * Splits a text into tokens and names their dictionary forms. The glossary owns this interface so that matching can
 * use a real morphological dictionary (LanguageTool's, implemented in {@code check}) without the glossary depending on
 * LanguageTool or on the checks: the dependency points from {@code check} to {@code glossary}, never back.
 *
 * <p>Implementations must be thread-safe: one matcher serves every grid and checker at once.
 */
public interface Lemmatizer {

    /**
     * No dictionary: words are runs of letters and digits, every other visible character is a token of its own, and
     * every CJK character is a word by itself, so Chinese and Japanese terms are found without word boundaries.
     */
    Lemmatizer NONE = new PlainLemmatizer();

    /**
     * @param language BCP 47 tag of the text; a language the implementation does not know gets {@link #NONE}'s
     *                 tokens rather than an error, so an unusual document still gets its exact-form matches
     * @return the tokens in text order, never whitespace
     */
    List<Token> tokenize(String language, String text);
}
