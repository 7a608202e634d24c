package org.postedit.workbench.glossary.matching;

/**
 * A term found in a text.
 *
 * @param offset    where the match starts in the text given to {@link TermMatcher#find}, in UTF-16 units, so the
 *                  grid and issues can use it as is
 * @param length    its length in the text: "open source projects" for the term "open source project"
 * @param inflected true when the text has another form of the term ("projects"), which a checker may word
 *                  differently from an exact find
 */
public record TermMatch(int offset, int length, MatchableTerm term, boolean inflected) {

    public long conceptId() {
        return term.conceptId();
    }

    public int end() {
        return offset + length;
    }

    /** The matched characters of the text the match was found in. */
    public String in(String text) {
        return text.substring(offset, offset + length);
    }
}
