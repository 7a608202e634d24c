package org.postedit.workbench.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.check.DocumentChecker.SegmentIssue;
import org.postedit.workbench.check.consistency.ConsistencyChecker;
import org.postedit.workbench.check.terminology.GlossaryChecker;
import org.postedit.workbench.check.typography.RunTogetherSegments;
import org.postedit.workbench.check.typography.TypographyChecker;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shipped sample (seeds/, English MT only) against the real seeded glossary: the glossary, typography and
 * run-together checks find every defect the sample was written with, each with its fix, and nothing else.
 */
@SpringBootTest
@ActiveProfiles("test")
class ShippedSampleChecksTest {

    @Autowired
    DocumentService documents;
    @Autowired
    GlossaryChecker glossary;
    @Autowired
    TypographyChecker typography;
    @Autowired
    RunTogetherSegments joins;
    @Autowired
    ConsistencyChecker consistency;
    @Autowired
    CheckService checks;

    /** ordinal | rule | covered text | first suggestion. */
    private static final List<String> EXPECTED_IN_THE_TXT_SAMPLE = List.of(
            "1|dateline-run-in|date 2023-06-13 |date 2023-06-13 — ",
            "1|deprecated-term|Open Atom Global Open Source Summit|OpenAtom Global Open Source Summit",
            "2|deprecated-term|member of the party group|member of the Leading Party Members' Group",
            "2|deprecated-term|vice minister|Vice Minister",
            "3|forbidden-term|my country|China",
            "5|forbidden-term|my country|China",
            "5|lower-case-sentence-start|my|My",
            "6|deprecated-term|open source projects|open-source projects",
            "7|deprecated-term|Xi Jinping’s new era of socialism with Chinese characteristics|Xi Jinping Thought on "
                    + "Socialism with Chinese Characteristics for a New Era",
            "7|run-together-sentences|.|. ",
            "8|run-together-sentences|.|. ",
            "9|forbidden-term|one game of chess|nationwide coordination",
            "9|opening-quote-apostrophe|‘|’",
            "9|deprecated-term|open source projects|open-source projects",
            "9|capitalised-function-word|A|a",
            "9|run-together-sentences|.|. ",
            "10|cjk-punctuation|。|.",
            "10|run-together-sentences|。|. ",
            "11|deprecated-term|star open source projects|flagship projects",
            "11|run-together-sentences|.|. ",
            "12|run-together-sentences|.|. ",
            "13|deprecated-term|Open Atom|OpenAtom",
            "13|space-before-punctuation| ,|,",
            "13|run-together-sentences|.|. ",
            "14|run-together-sentences|.|. ",
            "15|deprecated-term|going out|going global",
            "16|deprecated-term|Open Atom Open Source Foundation|OpenAtom Foundation",
            "16|deprecated-term|Beijing Economic and Technological Development Zone|Beijing Economic-Technological "
                    + "Development Area");

    @Autowired
    ApplicationContext context;

    private final List<Long> copies = new ArrayList<>();

    /**
     * A fresh import of a shipped sample: other tests in the same context edit the seeded copies, and the sample's
     * defects are what is under test. Archived afterwards, so views that pick the newest document never see it.
     */
    private Document sample(String name) {
        Document document = documents.importFile(Path.of("seeds", name), name, ImportOptions.DETECT, "admin")
                .document();
        copies.add(document.id());
        return document;
    }

    @AfterEach
    void archiveTheCopies() {
        TestSecurity.runAs(context, "admin", () -> {
            copies.forEach(id -> documents.archive(id, "admin"));
            return null;
        }, "ADMIN");
    }

    /** Every issue of the per-segment and whole-document checks, as "ordinal|rule|covered|first suggestion". */
    private List<String> issues(Document document) {
        List<Segment> segments = documents.segments(document.id());
        List<CheckedText> texts = segments.stream().map(s -> CheckedText.of(document, s)).toList();
        Map<Long, Segment> byId = new HashMap<>();
        segments.forEach(s -> byId.put(s.id(), s));
        List<String> found = new ArrayList<>();
        for (CheckedText text : texts) {
            for (Checker checker : List.<Checker>of(glossary, typography)) {
                for (Issue issue : checker.check(text)) {
                    found.add(line(byId.get(text.segmentId()), issue));
                }
            }
        }
        for (DocumentChecker checker : List.<DocumentChecker>of(joins, consistency)) {
            for (SegmentIssue issue : checker.check(texts)) {
                found.add(line(byId.get(issue.segmentId()), issue.issue()));
            }
        }
        return found;
    }

    private static String line(Segment segment, Issue issue) {
        return segment.ordinal() + "|" + issue.ruleId() + "|" + issue.in(segment.target().plainText()) + "|"
                + (issue.suggestions().isEmpty() ? "" : issue.suggestions().getFirst());
    }

    @Test
    void theMtSampleGetsAnIssueWithAFixAtEveryDefectAndNowhereElse() {
        Document document = sample("000_796b4e4ca0be2a4e.txt");
        assertThat(document.sourceLanguage()).isNull();
        assertThat(issues(document)).containsExactlyInAnyOrderElementsOf(EXPECTED_IN_THE_TXT_SAMPLE);
    }

    @Test
    void checkServiceStoresTheseIssuesForTheSample() throws InterruptedException {
        Document document = sample("000_796b4e4ca0be2a4e.txt");
        checks.ensureChecked(document.id());
        long until = System.nanoTime() + 120_000_000_000L;
        while (checks.progress(document.id()).running()) {
            assertThat(System.nanoTime()).as("checked within 120 s").isLessThan(until);
            Thread.sleep(50);
        }
        List<String> stored = checks.report(document.id(), true).stream()
                .filter(r -> List.of("glossary", "typography", "sentence-joins").contains(r.issue().checker()))
                .map(r -> r.ordinal() + "|" + r.issue().ruleId() + "|" + r.coveredText() + "|"
                        + (r.issue().suggestions().isEmpty() ? "" : r.issue().suggestions().getFirst()))
                .toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(EXPECTED_IN_THE_TXT_SAMPLE);
    }

    @Test
    void anIssueTwoCheckersReportWithTheSameFixIsShownOnce() throws InterruptedException {
        Document document = sample("000_796b4e4ca0be2a4e.txt");
        checks.ensureChecked(document.id());
        long until = System.nanoTime() + 120_000_000_000L;
        while (checks.progress(document.id()).running()) {
            assertThat(System.nanoTime()).as("checked within 120 s").isLessThan(until);
            Thread.sleep(50);
        }
        List<ReportedIssue> report = checks.report(document.id(), true);
        // LanguageTool also reports the lower-case start of segment 5 and the space before the comma of 13
        assertThat(report).filteredOn(r -> r.ordinal() == 5 && r.issue().offset() == 0 && r.issue().length() == 2)
                .extracting(r -> r.issue().checker() + ":" + r.issue().ruleId())
                .containsExactly("typography:lower-case-sentence-start");
        assertThat(report).filteredOn(r -> r.ordinal() == 13 && r.coveredText().equals(" ,"))
                .extracting(r -> r.issue().checker() + ":" + r.issue().ruleId())
                .containsExactly("typography:space-before-punctuation");
        assertThat(report).extracting(r -> r.ordinal() + "|" + r.issue().offset() + "|" + r.issue().length() + "|"
                + r.issue().suggestions()).doesNotHaveDuplicates();
        // a fix that differs is a different issue: LanguageTool's "world’s" for the word beside the typography
        // rule's "’" for the quote alone
        assertThat(report).filteredOn(r -> r.ordinal() == 9 && r.coveredText().contains("‘"))
                .extracting(r -> r.issue().checker()).contains("languagetool", "typography");
    }

    @Test
    void theBilingualSampleGetsItsTermAndTypographyIssues() {
        Document document = sample("opensource-summit.zh-en.xlf");
        List<String> found = issues(document);
        assertThat(found).contains(
                "1|deprecated-term|Open Atom Global Open Source Summit|OpenAtom Global Open Source Summit",
                "4|forbidden-term|my country|China",
                "5|forbidden-term|my country|China",
                "7|run-together-sentences|.|. ",
                "8|deprecated-term|Open Atom Open Source Foundation|OpenAtom Foundation",
                "12|forbidden-term|my country|China",
                "13|run-together-sentences|.|. ",
                "13|cjk-punctuation|。|.");
        // numbers agree with the Chinese source (6月11日 is June 11, 两天 two days), so none is reported
        assertThat(found).noneMatch(line -> line.contains("number-mismatch"));
    }
}
