package org.postedit.workbench.review.effort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** TER against cases computed by hand (hypothesis = MT, reference = post-edited text). */
class TranslationEditRateTest {

    @Test
    void identicalTextsNeedNoEdit() {
        var ter = TranslationEditRate.of("The summit opened in Beijing.", "The summit opened in Beijing.");
        assertThat(ter.edits()).isZero();
        assertThat(ter.score()).isZero();
        assertThat(ter.referenceWords()).isEqualTo(6); // five words and the full stop
    }

    @Test
    void oneInsertionIsOneEditPerReferenceWords() {
        var ter = TranslationEditRate.of("the cat sat", "the cat sat down");
        assertThat(ter.edits()).isEqualTo(1);
        assertThat(ter.shifts()).isZero();
        assertThat(ter.score()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void substitutionAndDeletion() {
        // "big" -> "large" (substitution), "very" deleted: 2 edits over 4 reference words
        var ter = TranslationEditRate.of("a very big house", "a large house");
        assertThat(ter.edits()).isEqualTo(2);
        assertThat(ter.score()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void aMovedWordIsOneShiftNotADeletionAndAnInsertion() {
        // without shifts: delete "yesterday", insert it at the front = 2; with a shift: 1
        var ter = TranslationEditRate.of("he went yesterday home", "yesterday he went home");
        assertThat(ter.edits()).isEqualTo(1);
        assertThat(ter.shifts()).isEqualTo(1);
        assertThat(ter.score()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void aMovedBlockOfWordsIsOneShift() {
        // "d e" moves to the front as one block: 1 edit instead of 4
        var ter = TranslationEditRate.of("a b c d e", "d e a b c");
        assertThat(ter.edits()).isEqualTo(1);
        assertThat(ter.shifts()).isEqualTo(1);
        assertThat(ter.score()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void swappedNeighboursAreOneShift() {
        // two substitutions (house/blue) without shifts; one shift of "blue" with
        var ter = TranslationEditRate.of("the house blue is", "the blue house is");
        assertThat(ter.edits()).isEqualTo(1);
        assertThat(ter.shifts()).isEqualTo(1);
    }

    @Test
    void shiftPlusEdits() {
        // MT: "the report was yesterday published ." edit: "yesterday the report was released ."
        // shift "yesterday" to the front (1) + substitute "published" -> "released" (1) = 2 edits over 6 words
        var ter = TranslationEditRate.of("the report was yesterday published .",
                "yesterday the report was released .");
        assertThat(ter.edits()).isEqualTo(2);
        assertThat(ter.shifts()).isEqualTo(1);
        assertThat(ter.score()).isCloseTo(2.0 / 6, within(1e-9));
    }

    @Test
    void aShiftThatSavesOnlyItsOwnCostIsNotTaken() {
        // "x" at the end vs the start of a 2-word text: delete + insert = 2, or shift = 1
        assertThat(TranslationEditRate.of("b x", "x b").edits()).isEqualTo(1);
        // a word that is simply wrong is a substitution, never a shift
        var ter = TranslationEditRate.of("a b c", "a z c");
        assertThat(ter.edits()).isEqualTo(1);
        assertThat(ter.shifts()).isZero();
    }

    @Test
    void punctuationAndCaseCount() {
        assertThat(TranslationEditRate.words("Don't stop, Beijing!")).containsExactly("Don't", "stop", ",",
                "Beijing", "!");
        assertThat(TranslationEditRate.of("Beijing", "beijing").edits()).isEqualTo(1);
        assertThat(TranslationEditRate.of("development.Improve", "development. Improve").edits()).isZero();
    }

    @Test
    void emptyTexts() {
        assertThat(TranslationEditRate.of("", "").score()).isZero();
        assertThat(TranslationEditRate.of("all gone", "").edits()).isEqualTo(2);
        assertThat(TranslationEditRate.of("all gone", "").score()).isEqualTo(1.0);
        assertThat(TranslationEditRate.of("", "new text").edits()).isEqualTo(2);
    }

    @Test
    void characterEditsAreLevenshteinOverCodePoints() {
        assertThat(CharacterEdits.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(CharacterEdits.distance("", "abc")).isEqualTo(3);
        assertThat(CharacterEdits.distance("flaw", "lawn")).isEqualTo(2);
        assertThat(CharacterEdits.distance("北京会议", "北京峰会")).isEqualTo(2);
        assertThat(CharacterEdits.distance("a😀b", "ab")).isEqualTo(1); // one emoji is one character
        assertThat(CharacterEdits.distance("same", "same")).isZero();
    }
}
