package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.SegmentsChanged;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.effort.EffortCsv;
import org.postedit.workbench.review.effort.EffortReport;
import org.postedit.workbench.review.effort.EffortService;
import org.postedit.workbench.review.effort.SegmentEffort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithMockUser;

/** One-step review, repetitions, post-editing effort and live change events, on a real H2. */
@SpringBootTest
@ActiveProfiles("test")
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "ann", roles = "APPROVER")
class ReviewEffortServiceTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    EffortService effort;
    @Autowired
    ReviewActivity activity;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void securityOfThisContext() {
        // ConfirmStatus reads the global holder, which follows whichever test context started last
        TestSecurity.useStrategyOf(context);
    }

    @Test
    void inOneStepReviewReviewersApproveAndOnlyApproversMaySwitchIt() throws Exception {
        long id = importText("one-step.txt", "First sentence. Second sentence. Third sentence.");
        List<Segment> segments = documents.segments(id);

        assertThat(as("rita", () -> review.confirm(segments.get(0).id(), 0, TaggedText.plain("First!"), "rita"),
                "REVIEWER").status()).isEqualTo(SegmentStatus.REVIEWED);
        assertThatThrownBy(() -> as("rita", () -> review.approve(segments.get(1).id(), 0, "rita"), "REVIEWER"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("rita", () -> documents.setOneStepReview(id, true, "rita"), "REVIEWER"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(review.segment(segments.get(1).id()).version()).isZero();

        assertThat(as("ada", () -> documents.setOneStepReview(id, true, "ada"), "APPROVER").oneStepReview()).isTrue();
        assertThat(as("rita", () -> review.confirm(segments.get(1).id(), 0, TaggedText.plain("Second!"), "rita"),
                "REVIEWER").status()).isEqualTo(SegmentStatus.APPROVED);
        assertThat(as("rita", () -> review.approve(segments.get(2).id(), 0, "rita"), "REVIEWER").status())
                .isEqualTo(SegmentStatus.APPROVED);
        assertThat(as("tom", () -> review.confirm(segments.get(0).id(), 1, TaggedText.plain("First?"), "tom"),
                "TRANSLATOR").status()).isEqualTo(SegmentStatus.EDITED);
        assertThatThrownBy(() -> as("tom", () -> review.approve(segments.get(0).id(), 2, "tom"), "TRANSLATOR"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void repetitionsAreCountedAfterNormalisationAndPropagatedAsVersions() throws Exception {
        long id = importText("repetitions.txt",
                "Save the file. Open the file.\n\nSave  the file.\n\nSave the file.\n\nsave the file.");
        List<Segment> segments = documents.segments(id);
        assertThat(segments).extracting(s -> s.mt().plainText()).containsExactly("Save the file.", "Open the file.",
                "Save  the file.", "Save the file.", "save the file.");
        Map<Long, Integer> counts = documents.repetitionCounts(segments.stream().map(Segment::id).toList());
        // a double space does not hide a repetition; a change of case makes another sentence
        assertThat(segments).extracting(s -> counts.get(s.id())).containsExactly(3, 1, 3, 3, 1);
        assertThat(documents.repetitionsOf(segments.get(0).id())).extracting(Segment::ordinal).containsExactly(3, 4);

        Segment confirmed = review.save(segments.get(0).id(), 0, TaggedText.plain("Save the document."), "ann");
        Segment third = segments.get(2);
        Segment fourth = review.approve(segments.get(3).id(), 0, "bob");

        // the dialog showed version 0 of #3, but someone saved it meanwhile: reported stale, not overwritten
        review.save(third.id(), 0, TaggedText.plain("Keep the file."), "carl");
        // a translator propagates: the repetitions become edited, as the translator's own confirmation would
        ReviewService.Propagation stale = as("ann", () -> review.propagate(confirmed.id(), Map.of(third.id(), 0,
                fourth.id(), fourth.version()), false, "ann"), "TRANSLATOR");
        assertThat(stale.updated()).isEmpty();
        assertThat(stale.stale()).extracting(Segment::ordinal).containsExactly(3);
        assertThat(stale.skipped()).extracting(Segment::ordinal).containsExactly(4);
        assertThat(review.segment(third.id()).target().coded()).isEqualTo("Keep the file.");
        assertThat(review.segment(fourth.id()).status()).isEqualTo(SegmentStatus.APPROVED);

        ReviewService.Propagation done = as("ann", () -> review.propagate(confirmed.id(), Map.of(third.id(), 1,
                fourth.id(), fourth.version()), true, "ann"), "TRANSLATOR");
        assertThat(done.updated()).extracting(Segment::ordinal).containsExactlyInAnyOrder(3, 4);
        assertThat(review.segment(third.id()).target().coded()).isEqualTo("Save the document.");
        assertThat(review.history(fourth.id())).extracting(SegmentVersion::status)
                .containsExactly(SegmentStatus.APPROVED, SegmentStatus.EDITED);
        assertThat(review.history(fourth.id()).getLast().comment()).isEqualTo("propagated from repetition 1");
        assertThatThrownBy(() -> review.propagate(confirmed.id(), Map.of(segments.get(1).id() + 1000, 0), false,
                "ann")).isInstanceOf(SegmentNotFoundException.class);
    }

    @Test
    void effortRecordsEditDistancesAndEditingTimeAcrossSessions() throws Exception {
        long id = importText("effort.txt", "he went yesterday home.\n\nThe summit opened.\n\nUntouched sentence.");
        List<Segment> segments = documents.segments(id);
        review.save(segments.get(0).id(), 0, TaggedText.plain("yesterday he went home."), "ann");
        review.approve(segments.get(1).id(), 0, "ann"); // confirmed unchanged: the MT was right
        effort.addEditingTime(segments.get(0).id(), Duration.ofSeconds(40));
        effort.addEditingTime(segments.get(0).id(), Duration.ofSeconds(25));
        effort.addEditingTime(segments.get(2).id(), Duration.ZERO);

        SegmentEffort first = effort.forSegments(List.of(segments.get(0).id())).get(segments.get(0).id());
        assertThat(first.wordEdits()).isEqualTo(1); // one shift
        assertThat(first.targetWords()).isEqualTo(5);
        assertThat(first.charEdits()).isEqualTo(14); // Levenshtein, checked independently below
        assertThat(first.charEdits()).isEqualTo(
                org.postedit.workbench.review.effort.CharacterEdits.distance("he went yesterday home.",
                        "yesterday he went home."));
        assertThat(first.editingMillis()).isEqualTo(65_000);

        EffortReport report = effort.report(id);
        assertThat(report.segments()).hasSize(3);
        assertThat(report.postEditedCount()).isEqualTo(2);
        assertThat(report.unchangedCount()).isEqualTo(1);
        assertThat(report.wordEdits()).isEqualTo(1);
        assertThat(report.targetWords()).isEqualTo(5 + 4);
        assertThat(report.ter()).isCloseTo(1.0 / 9, within(1e-9));
        assertThat(report.averageSegmentTer()).isCloseTo((0.2 + 0) / 2, within(1e-9));
        assertThat(report.editingMillis()).isEqualTo(65_000);
        assertThat(report.terDistribution()).containsEntry("0 (unchanged)", 1).containsEntry("0.1–0.3", 1);
        String csv = EffortCsv.write(report);
        assertThat(csv.lines()).hasSize(4);
        assertThat(csv.lines().toList().get(1)).startsWith("1," + segments.get(0).id() + ",edited,false,14,1,5,5,"
                + "0.2000,65.0");
        assertThat(csv.lines().toList().get(3)).endsWith(",new,true,0,0,0,0,0.0000,0.0");
    }

    @Test
    void openGridsHearOfEveryCommittedChange() throws Exception {
        long id = importText("live.txt", "One sentence. Another sentence.");
        List<Segment> segments = documents.segments(id);
        List<SegmentsChanged> heard = new CopyOnWriteArrayList<>();
        List<Set<Long>> editing = new CopyOnWriteArrayList<>();
        Runnable stop = activity.subscribe(id, "grid-a", new ReviewActivity.Listener() {
            @Override
            public void segmentsChanged(SegmentsChanged change) {
                heard.add(change);
            }

            @Override
            public void editingChanged(Set<Long> segmentIds) {
                editing.add(segmentIds);
            }
        });
        try {
            review.save(segments.get(0).id(), 0, TaggedText.plain("One edited sentence."), "ann");
            assertThatThrownBy(() -> review.save(segments.get(0).id(), 0, TaggedText.plain("Lost race."), "bob"))
                    .isInstanceOf(StaleSegmentException.class);
            as("rita", () -> review.confirmAll(id, org.postedit.workbench.document.SegmentFilter.ALL, "rita"),
                    "REVIEWER");
            assertThat(heard).extracting(SegmentsChanged::segmentIds).containsExactly(
                    List.of(segments.get(0).id()), List.of(segments.get(0).id(), segments.get(1).id()));
            assertThat(heard).extracting(SegmentsChanged::user).containsExactly("ann", "rita");

            activity.startEditing(id, segments.get(1).id(), "bob", "grid-b");
            assertThat(activity.editedBy(segments.get(1).id(), "grid-a")).contains("bob");
            assertThat(activity.editedBy(segments.get(1).id(), "grid-b")).isEmpty();
            activity.startEditing(id, segments.get(1).id(), "ann", "grid-a"); // own editor: not told to itself
            activity.stopEditing("grid-b");
            assertThat(activity.editedBy(segments.get(1).id(), "grid-c")).contains("ann");
            assertThat(editing).containsExactly(Set.of(segments.get(1).id()), Set.of(segments.get(1).id()));
        } finally {
            stop.run();
        }
        assertThat(activity.editedBy(segments.get(1).id(), "grid-c")).isEmpty();
    }

    private <T> T as(String user, java.util.function.Supplier<T> work, String... roles) {
        return TestSecurity.runAs(context, user, work, roles);
    }

    private long importText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
    }
}
