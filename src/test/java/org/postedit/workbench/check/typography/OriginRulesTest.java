package org.postedit.workbench.check.typography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;

/** The rules that compare the target with its origin: numbers and inline codes, and source-aware exemptions. */
class OriginRulesTest {

    private final TypographyChecker checker = new TypographyChecker(text -> List.of(), () -> 1);

    private List<Issue> bilingual(String source, String target, String rule) {
        return checker.check(new CheckedText(1, 1, "en-US", "zh-CN", TaggedText.plain(target),
                TaggedText.plain(target), TaggedText.plain(source))).stream().filter(i -> i.ruleId().equals(rule))
                .toList();
    }

    private List<Issue> edited(String mt, String target, String rule) {
        return checker.check(new CheckedText(1, 1, "en-US", null, TaggedText.plain(target), TaggedText.plain(mt),
                null)).stream().filter(i -> i.ruleId().equals(rule)).toList();
    }

    @Test
    void aChangedNumberIsUnderlinedWithTheOriginalAsTheFix() {
        List<Issue> issues = edited("The industry passed the 10 trillion mark.",
                "The industry passed the 100 trillion mark.", "number-mismatch");
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.category()).isEqualTo(IssueCategory.ACCURACY);
            assertThat(issue.in("The industry passed the 100 trillion mark.")).isEqualTo("100");
            assertThat(issue.suggestions()).containsExactly("10");
        });
    }

    @Test
    void aMissingNumberIsReportedOnTheWholeSegmentAndAnAddedOneWhereItStands() {
        assertThat(edited("Held on June 11 in 2023.", "Held on June 11.", "number-mismatch"))
                .singleElement().satisfies(issue -> {
                    assertThat(issue.length()).isZero();
                    assertThat(issue.message()).contains("2023");
                });
        String target = "It has 5 members and 7 guests.";
        assertThat(edited("It has 5 members.", target, "number-mismatch")).singleElement()
                .satisfies(issue -> assertThat(issue.in(target)).isEqualTo("7"));
    }

    @Test
    void theSameQuantityWrittenDifferentlyIsNoMismatch() {
        assertThat(edited("It cost 1,000 yuan and 3.50 dollars on 2023-06-13.",
                "It cost 1000 yuan and 3.5 dollars on 2023-6-13.", "number-mismatch")).isEmpty();
        assertThat(bilingual("成本为１０００元，增长３.５%", "The cost was 1,000 yuan, up 3.5%", "number-mismatch")).isEmpty();
        assertThat(bilingual("6月11日，2023开放原子全球开源峰会在北京举行。",
                "On June 11, the 2023 OpenAtom Global Open Source Summit was held in Beijing.", "number-mismatch"))
                .isEmpty();
        assertThat(bilingual("党的十八大以来，三个项目", "Since the 18th National Congress, three projects",
                "number-mismatch")).isEmpty();
        assertThat(bilingual("突破10万亿大关", "broke through the 10 trillion mark", "number-mismatch")).isEmpty();
    }

    @Test
    void anUneditedMachineTranslationIsNotComparedWithItself() {
        String mt = "It grew by 5% in 2023.";
        assertThat(edited(mt, mt, "number-mismatch")).isEmpty();
        assertThat(edited(mt, "It grew by 6% in 2023.", "number-mismatch")).hasSize(1);
    }

    @Test
    void lostAndDoubledInlineCodesAreErrors() {
        InlineCode open = new InlineCode(1, InlineCode.Kind.OPENING, "bold", "<b>", null);
        InlineCode close = new InlineCode(1, InlineCode.Kind.CLOSING, "bold", "</b>", null);
        InlineCode br = new InlineCode(2, InlineCode.Kind.STANDALONE, "lb", "<br/>", null);
        TaggedText source = TaggedText.fromRuns(List.of(TaggedText.Run.code(open), TaggedText.Run.text("开源"),
                TaggedText.Run.code(close), TaggedText.Run.text("项目")));
        TaggedText intact = TaggedText.fromRuns(List.of(TaggedText.Run.text("the "), TaggedText.Run.code(open),
                TaggedText.Run.text("open source"), TaggedText.Run.code(close), TaggedText.Run.text(" project")));
        TaggedText broken = TaggedText.fromRuns(List.of(TaggedText.Run.text("the "), TaggedText.Run.code(open),
                TaggedText.Run.text("open source project"), TaggedText.Run.code(br)));

        assertThat(codes(source, intact)).isEmpty();
        List<Issue> issues = codes(source, broken);
        assertThat(issues).hasSize(2).allSatisfy(i -> {
            assertThat(i.severity()).isEqualTo(IssueSeverity.ERROR);
            assertThat(i.category()).isEqualTo(IssueCategory.ACCURACY);
        });
        assertThat(issues).anySatisfy(i -> assertThat(i.message()).contains("</1>").contains("missing"));
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.message()).contains("<2/>");
            assertThat(i.offset()).isEqualTo("the open source project".length());
        });
    }

    private List<Issue> codes(TaggedText source, TaggedText target) {
        return checker.check(new CheckedText(1, 1, "en-US", "zh-CN", target, target, source)).stream()
                .filter(i -> i.ruleId().equals("code-mismatch")).toList();
    }

    @Test
    void aQuoteTheSourceLeavesOpenToo_andASourceStartingInLowerCase_areNotReported() {
        assertThat(bilingual("他说：“我们会赢。", "He said: “We will win.", "unbalanced-pairs")).isEmpty();
        assertThat(bilingual("他说：我们会赢。", "He said: “We will win.", "unbalanced-pairs")).hasSize(1);
        String continuation = "and the projects that follow";
        assertThat(checker.check(new CheckedText(1, 1, "en-US", "de-DE", TaggedText.plain(continuation),
                TaggedText.plain(continuation), TaggedText.plain("und die Projekte, die folgen"))))
                .filteredOn(i -> i.ruleId().equals("lower-case-sentence-start")).isEmpty();
        assertThat(bilingual("开源项目", continuation, "lower-case-sentence-start")).hasSize(1);
    }
}
