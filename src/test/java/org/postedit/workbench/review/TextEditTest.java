package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;

/** Applying a suggestion on the server as the editor does in the browser, and issues as editor marks. */
class TextEditTest {

    private static final InlineCode B = new InlineCode(1, InlineCode.Kind.OPENING, "b", "<b>", "<b>");
    private static final InlineCode END_B = new InlineCode(1, InlineCode.Kind.CLOSING, "b", "</b>", "</b>");

    /** "Press <b>teh</b> button." */
    private static TaggedText coded() {
        return TaggedText.fromRuns(List.of(TaggedText.Run.text("Press "), TaggedText.Run.code(B),
                TaggedText.Run.text("teh"), TaggedText.Run.code(END_B), TaggedText.Run.text(" button.")));
    }

    @Test
    void replacesPlainTextRanges() {
        assertThat(TextEdit.replace(TaggedText.plain("It was teh end."), 7, 3, "the").plainText())
                .isEqualTo("It was the end.");
        assertThat(TextEdit.replace(TaggedText.plain("create A better"), 7, 1, "a").plainText())
                .isEqualTo("create a better");
        assertThat(TextEdit.replace(TaggedText.plain("development.Improve"), 12, 0, " ").plainText())
                .isEqualTo("development. Improve");
        assertThat(TextEdit.replace(TaggedText.plain("applications。"), 12, 1, ".").plainText())
                .isEqualTo("applications.");
        assertThat(TextEdit.replace(TaggedText.plain("double  space"), 6, 2, " ").plainText())
                .isEqualTo("double space");
        assertThat(TextEdit.replace(TaggedText.plain("short"), 3, 5, "x")).isNull();
    }

    @Test
    void keepsCodesAroundAndInsideTheRange() {
        TaggedText inner = TextEdit.replace(coded(), 6, 3, "the");
        assertThat(inner.displayText()).isEqualTo("Press <b>the</b> button.");
        assertThat(inner.codes()).containsExactly(B, END_B);

        // a range across both codes: the text is replaced, the codes stay (after the replacement)
        TaggedText across = TextEdit.replace(coded(), 4, 6, "s the ");
        assertThat(across.plainText()).isEqualTo("Press the button.");
        assertThat(across.codes()).containsExactly(B, END_B);
        assertThat(across.displayText()).isEqualTo("Press the <b></b>button.");
    }

    @Test
    void typedCodeMarkersNeverBecomeCodes() {
        TaggedText text = TextEdit.replace(TaggedText.plain("a b"), 1, 1, "\uE101\uE110-");
        assertThat(text.codes()).isEmpty();
        assertThat(text.plainText()).isEqualTo("a\uE110-b");
    }

    @Test
    void issuesBecomeMarksWithTheirCategoryAndTermMarksTheyOverlapGo() {
        Issue spelling = new Issue("languagetool", "MORFOLOGIK", IssueCategory.SPELLING, IssueSeverity.ERROR, 4, 3,
                "Possible spelling mistake found.", List.of("the"));
        Issue term = new Issue("glossary", "FORBIDDEN", IssueCategory.TERMINOLOGY, IssueSeverity.ERROR, 10, 10,
                "Forbidden term", List.of("China"));
        Issue missing = new Issue("glossary", "MISSING", IssueCategory.TERMINOLOGY, IssueSeverity.WARNING, 0, 0,
                "Expected term missing", List.of());
        List<IssueMark> marks = IssueMarks.of(List.of(spelling, term, missing));
        assertThat(marks).extracting(IssueMark::message)
                .containsExactly("Spelling: Possible spelling mistake found.", "Terminology: Forbidden term");
        assertThat(marks.getFirst().severity()).isEqualTo("error");
        assertThat(marks.getFirst().suggestions()).containsExactly("the");

        IssueMark overlapped = new IssueMark(12, 4, "error", "Glossary: forbidden term", List.of());
        IssueMark apart = new IssueMark(30, 5, "warning", "Glossary: deprecated term", List.of());
        assertThat(IssueMarks.merge(marks, List.of(overlapped, apart))).extracting(IssueMark::offset)
                .containsExactly(4, 10, 30);
    }
}
