package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.DocumentProgress;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@ActiveProfiles("test")
@Import(RowCounter.class)
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "ann", roles = "APPROVER")
class ReviewServiceTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    org.springframework.context.ApplicationContext applicationContext;

    @TempDir
    Path dir;

    @Test
    void everySaveAppendsAVersionAndTheMtNeverChanges() throws Exception {
        long id = importText("history.txt", "First sentence here. Second sentence here.");
        Segment first = documents.segments(id).getFirst();

        Segment saved = review.save(first.id(), first.version(), TaggedText.plain("First sentence, edited."), "ann");
        Segment again = review.save(saved.id(), saved.version(), TaggedText.plain("First sentence, edited twice."),
                "bob");

        assertThat(again.mt().coded()).isEqualTo("First sentence here.");
        assertThat(again.target().coded()).isEqualTo("First sentence, edited twice.");
        assertThat(again.status()).isEqualTo(SegmentStatus.EDITED);
        assertThat(again.version()).isEqualTo(first.version() + 2);
        List<SegmentVersion> history = review.history(first.id());
        assertThat(history).extracting(v -> v.target().coded())
                .containsExactly("First sentence, edited.", "First sentence, edited twice.");
        assertThat(history).extracting(SegmentVersion::author).containsExactly("ann", "bob");
    }

    @Test
    void twoReviewersNeverSilentlyOverwriteEachOther() throws Exception {
        long id = importText("conflict.txt", "A sentence to fight over.");
        Segment opened = documents.segments(id).getFirst();

        review.save(opened.id(), opened.version(), TaggedText.plain("Ann's edit."), "ann");
        assertThatThrownBy(() -> review.save(opened.id(), opened.version(), TaggedText.plain("Bob's edit."), "bob"))
                .isInstanceOf(StaleSegmentException.class)
                .satisfies(e -> assertThat(((StaleSegmentException) e).current().target().coded())
                        .isEqualTo("Ann's edit."));
        assertThat(review.segment(opened.id()).target().coded()).isEqualTo("Ann's edit.");
        assertThat(review.history(opened.id())).hasSize(1);
    }

    @Test
    void approvingKeepsTheTextAndRecordsAVersion() throws Exception {
        long id = importText("approve.txt", "Approve me.");
        Segment segment = documents.segments(id).getFirst();
        Segment approved = review.approve(segment.id(), segment.version(), "ann");
        assertThat(approved.status()).isEqualTo(SegmentStatus.APPROVED);
        assertThat(approved.target()).isEqualTo(segment.target());
        assertThat(review.history(segment.id())).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(SegmentStatus.APPROVED));
    }

    @Test
    void revertingBringsAnOldTextBackAsANewVersion() throws Exception {
        long id = importText("revert.txt", "The original MT sentence.");
        Segment segment = documents.segments(id).getFirst();
        Segment first = review.save(segment.id(), segment.version(), TaggedText.plain("First edit."), "ann");
        Segment second = review.save(first.id(), first.version(), TaggedText.plain("Second edit."), "bob");

        Segment back = review.revert(second.id(), second.version(), 1, "ann");
        assertThat(back.target().coded()).isEqualTo("First edit.");
        assertThat(back.version()).isEqualTo(3);
        Segment mt = review.revert(back.id(), back.version(), 0, "ann");
        assertThat(mt.target()).isEqualTo(segment.mt());
        assertThat(review.history(segment.id())).extracting(v -> v.target().coded())
                .containsExactly("First edit.", "Second edit.", "First edit.", "The original MT sentence.");
        assertThat(review.history(segment.id()).get(2).comment()).isEqualTo("reverted to version 1");
    }

    @Test
    void confirmingSetsTheHighestStatusTheRolesAllow() throws Exception {
        long id = importText("confirm.txt", "One. Two. Three.");
        List<Segment> segments = documents.segments(id);
        org.springframework.context.ApplicationContext context = applicationContext;
        assertThat(org.postedit.workbench.TestSecurity.runAs(context, "tom", () -> review.confirm(segments.get(0).id(),
                0, TaggedText.plain("One!"), "tom"), "TRANSLATOR").status()).isEqualTo(SegmentStatus.EDITED);
        assertThat(org.postedit.workbench.TestSecurity.runAs(context, "rita", () -> review.confirm(segments.get(1).id(),
                0, TaggedText.plain("Two!"), "rita"), "REVIEWER").status()).isEqualTo(SegmentStatus.REVIEWED);
        assertThat(org.postedit.workbench.TestSecurity.runAs(context, "ada", () -> review.confirm(segments.get(2).id(),
                0, TaggedText.plain("Three!"), "ada"), "REVIEWER", "APPROVER").status()).isEqualTo(SegmentStatus.APPROVED);
    }

    @Test
    void bulkConfirmationLeavesApprovedAndLockedSegmentsAlone() throws Exception {
        long id = importText("bulk.txt", "One. Two. Three. Four.");
        List<Segment> segments = documents.segments(id);
        review.approve(segments.get(0).id(), 0, "ann");
        int changed = org.postedit.workbench.TestSecurity.runAs(applicationContext, "rita",
                () -> review.confirmAll(id, SegmentFilter.ALL, "rita"), "REVIEWER");
        assertThat(changed).isEqualTo(3);
        assertThat(documents.segments(id)).extracting(Segment::status).containsExactly(SegmentStatus.APPROVED,
                SegmentStatus.REVIEWED, SegmentStatus.REVIEWED, SegmentStatus.REVIEWED);
        assertThat(review.history(segments.get(1).id())).singleElement()
                .satisfies(v -> assertThat(v.comment()).isEqualTo("confirmed in bulk"));
        int again = org.postedit.workbench.TestSecurity.runAs(applicationContext, "rita",
                () -> review.confirmAll(id, SegmentFilter.ALL, "rita"), "REVIEWER");
        assertThat(again).isZero();
    }

    @Test
    void rejectingNeedsAReason() throws Exception {
        long id = importText("reject.txt", "A sentence to reject.");
        Segment segment = documents.segments(id).getFirst();
        assertThatThrownBy(() -> review.reject(segment.id(), segment.version(), "ann", " "))
                .isInstanceOf(SegmentEditRejectedException.class);
        Segment rejected = review.reject(segment.id(), segment.version(), "ann", "Terminology: use China.");
        assertThat(rejected.status()).isEqualTo(SegmentStatus.REJECTED);
        assertThat(review.history(segment.id())).singleElement()
                .satisfies(v -> assertThat(v.comment()).isEqualTo("Terminology: use China."));
    }

    @Test
    void noQueryBehindTheGridReadsMoreThanAPage() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("Sentence number ").append(i).append(" of the long document.\n\n");
        }
        long id = importText("long.txt", text.toString());
        SegmentFilter filter = new SegmentFilter(java.util.Set.of(SegmentStatus.NEW), "document", false);
        RowCounter.reset();
        RowCounter.counting = true;
        try {
            assertThat(documents.count(id, filter)).isEqualTo(3000);
            assertThat(documents.page(id, filter, 2500, 50)).hasSize(50)
                    .first().satisfies(s -> assertThat(s.ordinal()).isEqualTo(2501));
            assertThat(documents.indexOf(id, filter, 2700)).isEqualTo(2699);
        } finally {
            RowCounter.counting = false;
        }
        assertThat(RowCounter.MAX_ROWS.get()).isLessThanOrEqualTo(50);
    }

    private long importText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        DocumentProgress progress = documents.importFile(file, name, new ImportOptions(null, "en-US"), "test");
        return progress.document().id();
    }
}
