package org.postedit.workbench.check.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.DocumentChecker.SegmentIssue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.document.TaggedText;

class ConsistencyCheckerTest {

    private final ConsistencyChecker checker = new ConsistencyChecker();

    private static CheckedText bilingual(long id, String source, String target) {
        return new CheckedText(9, id, "en-US", "zh-CN", TaggedText.plain(target), TaggedText.plain(target),
                TaggedText.plain(source));
    }

    private static CheckedText mtOnly(long id, String mt, String target) {
        return new CheckedText(9, id, "en-US", null, TaggedText.plain(target), TaggedText.plain(mt), null);
    }

    @Test
    void theSameSourceTranslatedTwoWaysIsReportedOnEachVariantWithTheOthersAsFixes() {
        List<SegmentIssue> issues = checker.check(List.of(
                bilingual(1, "开源项目", "open-source project"),
                bilingual(2, "我国", "China"),
                bilingual(3, "开源项目", "open source project"),
                bilingual(4, "开源项目", "open-source project"),
                bilingual(5, "我国", "China")));
        assertThat(issues).extracting(SegmentIssue::segmentId).containsExactly(1L, 3L, 4L);
        assertThat(issues).allSatisfy(s -> {
            assertThat(s.issue().category()).isEqualTo(IssueCategory.CONSISTENCY);
            assertThat(s.issue().severity()).isEqualTo(IssueSeverity.WARNING);
            assertThat(s.issue().checker()).isEqualTo("consistency");
            assertThat(s.issue().message()).contains("开源项目").contains("2 ways");
            assertThat(s.issue().offset()).isZero();
        });
        assertThat(issues.get(0).issue().suggestions()).containsExactly("open source project");
        assertThat(issues.get(0).issue().length()).isEqualTo("open-source project".length());
        assertThat(issues.get(1).issue().suggestions()).containsExactly("open-source project");
    }

    @Test
    void mtOnlyDocumentsCompareTheTargetsOfIdenticalMachineTranslations() {
        List<SegmentIssue> issues = checker.check(List.of(
                mtOnly(1, "my country has grown.", "China has grown."),
                mtOnly(2, "My  country has grown. ", "my country has grown."),
                mtOnly(3, "Other text.", "Other text.")));
        assertThat(issues).extracting(SegmentIssue::segmentId).containsExactly(1L, 2L);
        assertThat(issues.get(1).issue().suggestions()).containsExactly("China has grown.");
    }

    @Test
    void whiteSpaceAndQuoteVariantsAndUntranslatedSegmentsAreNoInconsistency() {
        assertThat(checker.check(List.of(
                bilingual(1, "世界的", "the world’s  “best”"),
                bilingual(2, "世界的 ", "the world's \"best\" "),
                bilingual(3, "世界的", ""),
                bilingual(4, "", "stray"),
                bilingual(5, " ", "other")))).isEmpty();
    }

    @Test
    void aLargeDocumentIsCheckedQuickly() {
        List<CheckedText> segments = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            segments.add(bilingual(i, "源文本 " + (i % 1000), "target " + (i % 1000) + (i % 7 == 0 ? "!" : "")));
        }
        long start = System.nanoTime();
        List<SegmentIssue> issues = checker.check(segments);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(issues).isNotEmpty();
    }
}
