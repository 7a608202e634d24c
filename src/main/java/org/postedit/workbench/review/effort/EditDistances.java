package org.postedit.workbench.review.effort;

import org.postedit.workbench.document.TaggedText;

/**
 * How far a target is from its MT: characters (Levenshtein) and words (TER with shifts), over the plain text
 * (inline codes are formatting, moved by the editor's chips, not typed).
 */
public record EditDistances(int charEdits, int wordEdits, int shifts, int mtWords, int targetWords,
                            int targetChars) {

    public static EditDistances between(TaggedText mt, TaggedText target) {
        String from = mt.plainText();
        String to = target.plainText();
        int chars = to.codePointCount(0, to.length());
        if (from.equals(to)) {
            int words = TranslationEditRate.words(to).size();
            return new EditDistances(0, 0, 0, words, words, chars);
        }
        TranslationEditRate.Result ter = TranslationEditRate.of(from, to);
        return new EditDistances(CharacterEdits.distance(from, to), ter.edits(), ter.shifts(),
                TranslationEditRate.words(from).size(), ter.referenceWords(), chars);
    }

    public double ter() {
        return new TranslationEditRate.Result(wordEdits, shifts, targetWords).score();
    }
}
