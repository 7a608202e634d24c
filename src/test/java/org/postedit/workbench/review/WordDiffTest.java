package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.postedit.workbench.review.WordDiff.Part;
import org.postedit.workbench.review.WordDiff.Part.Kind;

class WordDiffTest {

    @Test
    void marksWholeWordsThatChanged() {
        List<Part> parts = WordDiff.between("At present, my country has become the second largest country.",
                "At present, China has become the second-largest country.");
        assertThat(parts).contains(new Part(Kind.DELETED, "my country"), new Part(Kind.INSERTED, "China"));
        assertThat(parts.getFirst()).isEqualTo(new Part(Kind.SAME, "At present, "));
        assertThat(parts.getLast()).isEqualTo(new Part(Kind.SAME, " country."));
        assertThat(parts).contains(new Part(Kind.DELETED, "second largest"), new Part(Kind.INSERTED, "second-largest"));
        assertThat(WordDiff.changedWords(parts)).isEqualTo(7);
    }

    @Test
    void rebuildsBothTextsFromTheParts() {
        String before = "The 2023 Open Atom summit 3.5 was held.";
        String after = "The 2023 OpenAtom Summit was held in Beijing.";
        List<Part> parts = WordDiff.between(before, after);
        assertThat(parts.stream().filter(p -> p.kind() != Kind.INSERTED).map(Part::text).reduce("", String::concat))
                .isEqualTo(before);
        assertThat(parts.stream().filter(p -> p.kind() != Kind.DELETED).map(Part::text).reduce("", String::concat))
                .isEqualTo(after);
        assertThat(WordDiff.between("Same text.", "Same text.")).containsExactly(new Part(Kind.SAME, "Same text."));
    }
}
