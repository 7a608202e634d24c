package org.postedit.workbench.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.SegmentRepository;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** CheckService against the real database, with the test checkers. */
@CheckTest
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "approver", roles = "APPROVER")
class CheckServiceTest {

    @Autowired
    CheckService checks;
    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestCheckers.FlagWords flagWords;
    @Autowired
    TestCheckers.Stubborn stubborn;
    @Autowired
    TestCheckers.Gate gate;
    @Autowired
    TestCheckers.Partial partial;
    @Autowired
    TestCheckers.Repeats repeats;

    @TempDir
    Path dir;

    @Test
    void anImportedDocumentIsCheckedAndItsIssuesStored() throws Exception {
        long id = importText("stored", "Teh summit was held in Beijing.", "A very unique event for teh city.",
                "Nothing wrong here.");
        awaitChecked(id);

        List<ReportedIssue> report = mine(checks.report(id, false));
        assertThat(report).extracting(r -> r.ordinal() + ":" + r.issue().ruleId() + "@" + r.issue().offset()
                        + "+" + r.issue().length() + "=" + r.coveredText())
                .containsExactly("1:TEH@0+3=Teh", "2:VERY_UNIQUE@2+11=very unique", "2:TEH@24+3=teh");
        assertThat(report.getFirst().issue().suggestions()).containsExactly("the");
        assertThat(report.getFirst().current()).isTrue();
        assertThat(rows(id)).isEqualTo(3);

        IssueCounts counts = checks.counts(id);
        assertThat(counts.count(IssueCategory.SPELLING, IssueSeverity.ERROR)).isEqualTo(2);
        assertThat(counts.count(IssueCategory.STYLE, IssueSeverity.WARNING)).isEqualTo(1);

        List<Segment> segments = documents.segments(id);
        Map<Long, Integer> perSegment = checks.openIssueCounts(segments.stream().map(Segment::id).toList());
        assertThat(perSegment).containsEntry(segments.get(0).id(), 1).containsEntry(segments.get(1).id(), 2)
                .doesNotContainKey(segments.get(2).id());
        assertThat(checks.openIssues(List.of(segments.get(1).id())).get(segments.get(1).id()))
                .extracting(Issue::ruleId).containsExactly("VERY_UNIQUE", "TEH");
    }

    @Test
    void anUnchangedSegmentIsNeverCheckedAgainButAChangedSettingIsCheckedAgain() throws Exception {
        long id = importText("cache", "Cache one teh sentence.", "Cache two sentence.");
        awaitChecked(id);
        assertThat(flagWords.calls("Cache one teh sentence.")).isEqualTo(1);

        checks.recheck(id);
        awaitChecked(id);
        Segment second = documents.segments(id).get(1);
        review.approve(second.id(), second.version(), "approver");
        awaitChecked(id);
        assertThat(flagWords.calls("Cache one teh sentence.")).isEqualTo(1);
        assertThat(flagWords.calls("Cache two sentence.")).isEqualTo(1);

        String before = flagWords.settings;
        try {
            flagWords.settings = "v2-" + id;
            assertThat(checks.ensureChecked(id).running()).as("a new rule set makes the segments stale").isTrue();
            awaitChecked(id);
            assertThat(flagWords.calls("Cache one teh sentence.")).isEqualTo(2);
            assertThat(flagWords.calls("Cache two sentence.")).isEqualTo(2);
        } finally {
            flagWords.settings = before;
        }
    }

    @Test
    void aSavedSegmentIsCheckedAgainAndItsRowsReplacedAndListenersTold() throws Exception {
        long id = importText("save", "Replace teh word here.", "And teh other one.");
        awaitChecked(id);
        Segment first = documents.segments(id).getFirst();
        List<Set<Long>> told = new CopyOnWriteArrayList<>();
        List<CheckProgress> progress = new CopyOnWriteArrayList<>();
        try (CheckSubscription ignored = checks.subscribe(id, (changed, p) -> {
            told.add(changed);
            progress.add(p);
        })) {
            review.save(first.id(), first.version(), TaggedText.plain("Replace the word here, a very unique one."),
                    "reviewer");
            awaitChecked(id);
            await(() -> progress.stream().anyMatch(p -> !p.running()));
        }
        assertThat(told).anyMatch(ids -> ids.contains(first.id()));
        assertThat(mine(checks.report(id, false))).extracting(r -> r.ordinal() + ":" + r.issue().ruleId())
                .containsExactly("1:VERY_UNIQUE", "2:TEH");
        assertThat(rows(id)).isEqualTo(2);
        assertThat(flagWords.calls("Replace the word here, a very unique one.")).isEqualTo(1);
    }

    @Test
    void aFailingCheckerOnOneSegmentLeavesTheOtherCheckersAndSegmentsAlone() throws Exception {
        long id = importText("failing", "This will explode with teh text.", "Teh next one is fine.");
        awaitChecked(id);
        assertThat(mine(checks.report(id, false))).extracting(r -> r.ordinal() + ":" + r.issue().ruleId())
                .containsExactly("1:TEH", "2:TEH");
    }

    @Test
    void aResultCutShortIsShownButNeitherCachedNorRecordedAsComplete() throws Exception {
        String cut = "We stopped halfway through teh text.";
        long id = importText("partial", cut, "Teh second sentence.");
        awaitChecked(id);
        assertThat(checks.report(id, false)).extracting(r -> r.ordinal() + ":" + r.issue().ruleId())
                .contains("1:HALF", "1:TEH", "2:TEH");
        long first = documents.segments(id).getFirst().id();
        assertThat(jdbc.sql("select rule_set from segment_check where segment_id = ?").param(first)
                .query(String.class).single()).isEqualTo(IssueRepository.INCOMPLETE);
        assertThat(partial.calls(cut)).isEqualTo(1);

        // checked again (not served from the cache), while the complete checkers' results are
        checks.recheck(id);
        awaitChecked(id);
        assertThat(partial.calls(cut)).isEqualTo(2);
        assertThat(flagWords.calls(cut)).isEqualTo(1);
        assertThat(checks.report(id, false)).extracting(r -> r.ordinal() + ":" + r.issue().ruleId())
                .contains("1:HALF", "1:TEH");
    }

    @Test
    void aCheckerOverItsTimeLimitIsAbandonedForThatSegmentOnly() throws Exception {
        String slow = "We dawdle over teh text.";
        // a checker's first call for a language may take long (loading); this one is not about loading
        checks.checkDraft(new CheckedText(0, 0, "en-US", null, TaggedText.plain("Warm up."), TaggedText.EMPTY, null));
        long id = importText("slow", slow, "Teh second sentence.");
        awaitChecked(id);
        // the checker spins for 3 s: the document was done (stored) while it was still spinning, after the 1 s limit
        // (a wall-clock bound here would also count the real checkers on a busy machine)
        assertThat(stubborn.finished(slow)).as("the document's check did not wait for the stubborn checker").isZero();
        assertThat(checks.report(id, false)).extracting(r -> r.ordinal() + ":" + r.issue().checker())
                .contains("1:" + TestCheckers.FlagWords.ID, "2:" + TestCheckers.FlagWords.ID)
                .doesNotContain("1:test-stubborn");
        // the abandoned call's thread is given back once the checker returns, and its late result is cached
        await(() -> stubborn.finished(slow) == 1);
        await(() -> checks.stuckCalls() == 0);
    }

    @Test
    void progressIsReadableWhileADocumentIsChecked() throws Exception {
        gate.close();
        try {
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                lines.add("Sentence " + i + " is gated.");
            }
            long id = importText("progress", lines.toArray(String[]::new));
            CheckProgress running = checks.progress(id);
            assertThat(running.running()).isTrue();
            assertThat(running.total()).isEqualTo(40);
            assertThat(running.checked()).isLessThan(40);
        } finally {
            gate.open();
        }
    }

    @Test
    void wholeDocumentChecksRunAfterTheSegmentsAndAfterEachChange() throws Exception {
        long id = importText("repeats", "We repeat this line.", "We repeat this line.", "Another repeat here.");
        awaitChecked(id);
        assertThat(checks.report(id, false)).filteredOn(r -> r.issue().checker().equals("test-repeats"))
                .extracting(ReportedIssue::ordinal).containsExactly(2);
        Segment third = documents.segments(id).get(2);
        review.save(third.id(), third.version(), TaggedText.plain("We repeat this line."), "reviewer");
        awaitChecked(id);
        assertThat(checks.report(id, false)).filteredOn(r -> r.issue().checker().equals("test-repeats"))
                .extracting(ReportedIssue::ordinal).containsExactly(2, 3);
        int runs = repeats.runs.get();
        Segment first = documents.segments(id).getFirst();
        review.approve(first.id(), first.version(), "approver");
        awaitChecked(id);
        assertThat(repeats.runs.get()).as("a status change alters no text: no new whole-document run")
                .isEqualTo(runs);
    }

    @Test
    void aDraftIsCheckedNowFromTheCacheAndNotStored() throws Exception {
        long id = importText("draft", "The draft sentence.");
        awaitChecked(id);
        Document document = documents.document(id);
        Segment segment = documents.segments(id).getFirst();
        CheckedText draft = CheckedText.of(document, segment, TaggedText.plain("The draft teh sentence."));
        assertThat(checks.checkDraft(draft)).filteredOn(i -> i.checker().equals(TestCheckers.FlagWords.ID))
                .extracting(Issue::offset).containsExactly(10);
        assertThat(checks.checkDraft(draft)).hasSize(1);
        assertThat(flagWords.calls("The draft teh sentence.")).isEqualTo(1);
        assertThat(rows(id)).isZero();

        checks.checkDraft(CheckedText.of(document, segment, TaggedText.plain("Warm up.")));
        CheckedText slow = CheckedText.of(document, segment, TaggedText.plain("Do not dawdle in teh draft."));
        long started = System.nanoTime();
        assertThat(checks.checkDraft(slow)).extracting(Issue::checker).containsOnly(TestCheckers.FlagWords.ID);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1500 + 700);
    }

    @Test
    void ignoredIssuesStayIgnoredWhileTheTextIsUnchanged() throws Exception {
        long id = importText("ignore", "Ignore teh first one.", "Teh second is kept.");
        awaitChecked(id);
        Segment first = documents.segments(id).getFirst();
        Issue teh = mine(checks.report(id, false)).getFirst().issue();
        assertThatThrownBy(() -> TestSecurity.runAs(context, "viewer", () -> {
            checks.ignore(first.id(), teh, "viewer");
            return null;
        }, "VIEWER")).isInstanceOf(AccessDeniedException.class);
        asReviewer(() -> checks.ignore(first.id(), teh, "rev"));

        assertThat(mine(checks.report(id, false))).extracting(ReportedIssue::ordinal).containsExactly(2);
        assertThat(mine(checks.report(id, true))).extracting(r -> r.ordinal() + ":" + r.ignored())
                .containsExactly("1:true", "2:false");
        assertThat(checks.counts(id).count(IssueCategory.SPELLING)).isEqualTo(1);
        assertThat(checks.counts(id).ignored()).isEqualTo(1);
        assertThat(checks.openIssueCounts(List.of(first.id()))).isEmpty();
        SegmentFilter withIssues = SegmentFilter.ALL.withIssues(true, Set.of());
        assertThat(documents.page(id, withIssues, 0, 50)).extracting(Segment::ordinal).containsExactly(2);
        assertThat(checks.checkDraft(CheckedText.of(documents.document(id), first))).isEmpty();

        // a different text: the same word is an issue again
        review.save(first.id(), first.version(), TaggedText.plain("Ignore teh first one, please."), "rev");
        awaitChecked(id);
        assertThat(mine(checks.report(id, false))).extracting(ReportedIssue::ordinal).containsExactly(1, 2);
        // and back to the text that was ignored: ignored again
        Segment edited = documents.segments(id).getFirst();
        review.save(first.id(), edited.version(), TaggedText.plain("Ignore teh first one."), "rev");
        awaitChecked(id);
        assertThat(mine(checks.report(id, false))).extracting(ReportedIssue::ordinal).containsExactly(2);

        asReviewer(() -> checks.unignore(first.id(), teh.checker(), teh.ruleId(), "teh"));
        assertThat(mine(checks.report(id, false))).extracting(ReportedIssue::ordinal).containsExactly(1, 2);
    }

    @Test
    void anIgnoredRuleIsIgnoredInThatDocumentOnly() throws Exception {
        long id = importText("rule", "Rule teh one.", "Rule teh two, very unique.");
        long other = importText("rule-other", "Other teh one.");
        awaitChecked(id);
        awaitChecked(other);
        asReviewer(() -> checks.ignoreRule(id, TestCheckers.FlagWords.ID, "TEH", "rev"));
        assertThat(mine(checks.report(id, false))).extracting(r -> r.issue().ruleId()).containsExactly("VERY_UNIQUE");
        assertThat(mine(checks.report(other, false))).hasSize(1);
        assertThat(checks.ignoredRules(id)).extracting(IgnoredRule::ruleId, IgnoredRule::ignoredBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TEH", "rev"));
        assertThat(documents.count(id, SegmentFilter.ALL.withIssues(true, Set.of()))).isEqualTo(1);
        assertThat(documents.count(id, SegmentFilter.ALL.withIssues(false, Set.of("SPELLING")))).isZero();
        assertThat(documents.count(id, SegmentFilter.ALL.withIssues(false, Set.of("STYLE", "SPELLING"))))
                .isEqualTo(1);

        asReviewer(() -> checks.unignoreRule(id, TestCheckers.FlagWords.ID, "TEH"));
        assertThat(mine(checks.report(id, false))).hasSize(3);
        assertThat(documents.count(id, SegmentFilter.ALL.withIssues(false, Set.of("SPELLING")))).isEqualTo(2);
    }

    @Test
    void issuesSurviveARestartWithoutBeingCheckedAgain(@Autowired ObjectProvider<Checker> checkers,
                                                       @Autowired ObjectProvider<DocumentChecker> documentCheckers,
                                                       @Autowired SegmentRepository segments,
                                                       @Autowired IssueRepository issues,
                                                       @Autowired CheckProperties properties,
                                                       @Autowired Clock clock) throws Exception {
        long id = importText("restart", "Restart with teh issue.", "A very unique restart.");
        awaitChecked(id);
        List<ReportedIssue> before = checks.report(id, false);

        // a second service over the same database: an empty cache and no runs, as after a restart
        CheckService restarted = new CheckService(checkers, documentCheckers, documents, segments, issues,
                properties, clock);
        try {
            assertThat(restarted.ensureChecked(id).running()).as("nothing stale, nothing to check").isFalse();
            assertThat(restarted.report(id, false)).isEqualTo(before);
            assertThat(restarted.counts(id)).isEqualTo(checks.counts(id));
            assertThat(flagWords.calls("Restart with teh issue.")).isEqualTo(1);
        } finally {
            restarted.close();
        }
    }

    @Test
    void saysWhichChecksApplyToALanguage() {
        assertThat(checks.checksFor("zh-CN").notApplied()).contains("Test Latin script");
        assertThat(checks.checksFor("zh-CN").applied()).contains("Test words", "Test repeats")
                .doesNotContain("Test Latin script");
        assertThat(checks.checksFor("en-US").applied()).contains("Test Latin script");
    }

    @Test
    void oddTextsNeverBreakTheChecks() throws Exception {
        StringBuilder longText = new StringBuilder();
        while (longText.length() < 100_000) {
            longText.append("teh word and more words ");
        }
        long id = importText("odd", longText.toString().strip() + ".", "Empty soon.",
                "Mixed 中文 and teh ελληνικά.", "Control characters soon.");
        awaitChecked(id);
        List<Segment> segments = documents.segments(id);
        review.save(segments.get(1).id(), segments.get(1).version(), TaggedText.EMPTY, "rev");
        review.save(segments.get(3).id(), segments.get(3).version(),
                TaggedText.plain("Control \u0007 characters \u001B teh."), "rev");
        awaitChecked(id);
        assertThat(mine(checks.report(id, false))).extracting(ReportedIssue::ordinal).contains(1, 3, 4)
                .doesNotContain(2);
    }

    // ---- helpers ----

    @Test
    void aMergeDropsTheAbsorbedSegmentsIssuesAndChecksTheJoinedText() throws Exception {
        long id = importText("merged-checks", "The summit opened. Teh city was the host.");
        awaitChecked(id);
        List<org.postedit.workbench.document.Segment> before = documents.segments(id);
        assertThat(before).hasSize(2);
        assertThat(mine(checks.report(id, false))).extracting(r -> r.ordinal() + ":" + r.issue().offset())
                .containsExactly("2:0");

        org.postedit.workbench.document.Segment merged = review.merge(before.get(0).id(), before.get(0).version(),
                before.get(1).version(), "test");
        await(() -> mine(checks.report(id, false)).stream().anyMatch(r -> r.segmentId() == merged.id()));
        awaitChecked(id);

        assertThat(mine(checks.report(id, false))).extracting(r -> r.segmentId() + ":" + r.ordinal() + ":"
                + r.issue().offset()).containsExactly(merged.id() + ":1:" + "The summit opened. ".length());
        assertThat(jdbc.sql("select count(*) from segment_issue where segment_id = ?").param(before.get(1).id())
                .query(Integer.class).single()).isZero();
    }

    private long importText(String name, String... sentences) throws Exception {
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, String.join("\n\n", sentences), StandardCharsets.UTF_8);
        return documents.importFile(file, name + ".txt", new ImportOptions(null, "en-US"), "test").document().id();
    }

    private void awaitChecked(long id) throws InterruptedException {
        await(() -> !checks.progress(id).running());
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }

    private void asReviewer(Runnable work) {
        TestSecurity.runAs(context, "rev", () -> {
            work.run();
            return null;
        }, "REVIEWER");
    }

    private int rows(long documentId) {
        return jdbc.sql("select count(*) from segment_issue where document_id = ? and checker = ?")
                .params(documentId, TestCheckers.FlagWords.ID).query(Integer.class).single();
    }

    /** Only the word checker's issues: real checkers, once merged, find more in the same texts. */
    private static List<ReportedIssue> mine(List<ReportedIssue> report) {
        return report.stream().filter(r -> r.issue().checker().equals(TestCheckers.FlagWords.ID)).toList();
    }

}
