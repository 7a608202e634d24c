package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.security.PermissionDeniedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * ReviewService checks the signed-in user itself: called directly, with no view or URL rule in front, a role that
 * may not write is refused and nothing is written (no new version, no changed target).
 */
@SpringBootTest
@ActiveProfiles("test")
class ReviewPermissionsTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    SegmentComments comments;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void viewersAndTerminologistsCannotWriteTargetsThroughTheService() throws Exception {
        long id = importText("readers.txt", "One sentence here. Another sentence here. A third one.");
        List<Segment> segments = documents.segments(id);
        Segment first = segments.get(0);
        TaggedText edit = TaggedText.plain("One sentence, edited.");
        for (String role : List.of("VIEWER", "TERMINOLOGIST")) {
            String user = role.toLowerCase();
            refused(role, () -> review.save(first.id(), 0, edit, user), "edit segment targets");
            refused(role, () -> review.confirm(first.id(), 0, edit, user), "confirm segments");
            refused(role, () -> review.confirmAll(id, SegmentFilter.ALL, user), "confirm segments");
            refused(role, () -> review.approve(first.id(), 0, user), "approve segments");
            refused(role, () -> review.reject(first.id(), 0, user, "Wrong term."), "reject segments");
            refused(role, () -> review.revert(first.id(), 0, 0, user), "restore earlier versions");
            refused(role, () -> review.propagate(first.id(), Map.of(segments.get(1).id(), 0), false, user),
                    "change repetitions");
            refused(role, () -> review.update(first.id(), 0, edit, SegmentStatus.EDITED, user, "from a file"),
                    "edit segment targets");
            refused(role, () -> review.split(first.id(), 0, 3, user), "split segments");
            refused(role, () -> review.merge(first.id(), 0, 0, user), "merge segments");
        }
        // no one signed in (a path that forgot to carry the user) is refused too: there is no system bypass
        assertThatThrownBy(() -> review.save(first.id(), 0, edit, "nobody"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("Sign in");

        for (Segment segment : segments) {
            assertThat(review.segment(segment.id())).satisfies(s -> {
                assertThat(s.version()).isZero();
                assertThat(s.status()).isEqualTo(SegmentStatus.NEW);
            });
            assertThat(review.history(segment.id())).isEmpty();
        }
        // a terminologist still discusses the segment; a viewer does not
        assertThat(as("TERMINOLOGIST", () -> comments.add(first.id(), "Is this the glossary's term?", "terry"))
                .author()).isEqualTo("terry");
        assertThatThrownBy(() -> as("VIEWER", () -> comments.add(first.id(), "Hello", "vic")))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("comment on segments");
    }

    @Test
    void translatorsEditAndConfirmButNeverApproveOrReject() throws Exception {
        long id = importText("translator.txt", "Open the file. Close the file.");
        Segment first = documents.segments(id).get(0);
        Segment saved = as("TRANSLATOR", () -> review.save(first.id(), 0, TaggedText.plain("Open the file now."),
                "tom"));
        assertThat(saved.status()).isEqualTo(SegmentStatus.EDITED);
        Segment confirmed = as("TRANSLATOR", () -> review.confirm(first.id(), saved.version(),
                TaggedText.plain("Open the file, now."), "tom"));
        assertThat(confirmed.status()).as("a translator's Ctrl+Enter").isEqualTo(SegmentStatus.EDITED);
        Segment reverted = as("TRANSLATOR", () -> review.revert(first.id(), confirmed.version(), 1, "tom"));
        assertThat(reverted.target().plainText()).isEqualTo("Open the file now.");

        refused("TRANSLATOR", () -> review.approve(first.id(), reverted.version(), "tom"), "approve segments");
        refused("TRANSLATOR", () -> review.reject(first.id(), reverted.version(), "tom", "No."), "reject segments");
        assertThatThrownBy(() -> as("TRANSLATOR", () -> review.update(first.id(), reverted.version(),
                reverted.target(), SegmentStatus.APPROVED, "tom", "from a file")))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("set segments to approved");
        // even in a one-step-review document a translator does not approve
        as("APPROVER", () -> documents.setOneStepReview(id, true, "ada"));
        refused("TRANSLATOR", () -> review.approve(first.id(), reverted.version(), "tom"), "approve segments");
        assertThat(review.segment(first.id()).version()).isEqualTo(reverted.version());
    }

    @Test
    void reviewersApproveOnlyInOneStepReviewDocuments() throws Exception {
        long id = importText("reviewer.txt", "Save your work. Print the page.");
        List<Segment> segments = documents.segments(id);
        Segment first = segments.get(0);

        assertThatThrownBy(() -> as("REVIEWER", () -> review.approve(first.id(), 0, "rita")))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("two-step review");
        assertThatThrownBy(() -> as("REVIEWER", () -> review.update(first.id(), 0, first.target(),
                SegmentStatus.APPROVED, "rita", "from a file"))).isInstanceOf(PermissionDeniedException.class);
        assertThat(review.history(first.id())).isEmpty();
        Segment reviewed = as("REVIEWER", () -> review.confirm(first.id(), 0, first.target(), "rita"));
        assertThat(reviewed.status()).as("a reviewer's Ctrl+Enter in two-step review")
                .isEqualTo(SegmentStatus.REVIEWED);
        Segment rejected = as("REVIEWER", () -> review.reject(segments.get(1).id(), 0, "rita", "Wrong verb."));
        assertThat(rejected.status()).isEqualTo(SegmentStatus.REJECTED);

        as("APPROVER", () -> documents.setOneStepReview(id, true, "ada"));
        Segment approved = as("REVIEWER", () -> review.approve(first.id(), reviewed.version(), "rita"));
        assertThat(approved.status()).isEqualTo(SegmentStatus.APPROVED);
        Segment confirmed = as("REVIEWER", () -> review.confirm(rejected.id(), rejected.version(),
                TaggedText.plain("Print this page."), "rita"));
        assertThat(confirmed.status()).as("a reviewer's Ctrl+Enter in one-step review")
                .isEqualTo(SegmentStatus.APPROVED);
    }

    @Test
    void approversApproveInEveryDocument() throws Exception {
        long id = importText("approver.txt", "Check the spelling.");
        Segment first = documents.segments(id).get(0);
        Segment approved = as("APPROVER", () -> review.approve(first.id(), 0, "ada"));
        assertThat(approved.status()).isEqualTo(SegmentStatus.APPROVED);
        assertThat(review.history(first.id())).singleElement()
                .satisfies(v -> assertThat(v.author()).isEqualTo("ada"));
        // several roles: the highest status any of them allows
        Segment again = TestSecurity.runAs(context, "max", () -> review.confirm(first.id(), approved.version(),
                TaggedText.plain("Check the spelling again."), "max"), "TRANSLATOR", "APPROVER");
        assertThat(again.status()).isEqualTo(SegmentStatus.APPROVED);
    }

    private void refused(String role, Supplier<?> work, String action) {
        assertThatThrownBy(() -> as(role, work))
                .as(role + " must not " + action)
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining(action);
    }

    private <T> T as(String role, Supplier<T> work) {
        return TestSecurity.runAs(context, role.toLowerCase(), work, role);
    }

    private long importText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
    }
}
