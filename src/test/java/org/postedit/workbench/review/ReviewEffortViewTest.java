package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.SignedInBrowserlessTest;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.effort.EffortService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The review grid's info column, the repetition dialog, the effort report and the review-mode switch. */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "admin", roles = "ADMIN")
class ReviewEffortViewTest extends SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    EffortService effort;

    @TempDir
    Path dir;

    @Test
    void theInfoColumnShowsRepetitionsAndEffortAndTheReportOpens() throws Exception {
        long id = importText("info.txt", "Close the door.\n\nOpen the window now.\n\nClose the door.");
        List<Segment> segments = documents.segments(id);
        review.save(segments.get(1).id(), 0, TaggedText.plain("Open the window."), "ann");
        effort.addEditingTime(segments.get(1).id(), Duration.ofSeconds(75));

        navigate("review/" + id, ReviewView.class);
        Grid<Segment> grid = grid();
        assertThat(test(grid).getLitRendererPropertyValue(0, "info", "repetitions", Integer.class)).isEqualTo(2);
        assertThat(test(grid).getLitRendererPropertyValue(1, "info", "repetitions", Integer.class)).isZero();
        assertThat(test(grid).getLitRendererPropertyValue(1, "info", "effort", String.class))
                .isEqualTo("TER 0.25 · 1m 15s");
        assertThat(test(grid).getLitRendererPropertyValue(1, "info", "effortTitle", String.class))
                .contains("1 word edits").contains("4 character edits");
        assertThat(test(grid).getLitRendererPropertyValue(0, "info", "effort", String.class)).isEmpty();

        test($(Button.class).all().stream().filter(b -> b.hasClassName("effort-report-button")).findFirst()
                .orElseThrow()).click();
        Dialog report = $(Dialog.class).all().stream().filter(d -> d.hasClassName("effort-report")).findFirst()
                .orElseThrow();
        assertThat(report.getHeaderTitle()).contains("info.txt");
        assertThat($(Anchor.class, report).single().getText()).isEqualTo("Download CSV");
    }

    @Test
    void confirmingOffersTheRepetitionsAndApprovedOnesNeedTheirOwnTick() throws Exception {
        long id = importText("repeat.txt", "Press Start.\n\nPress Start.\n\nPress Start.\n\nSomething else.");
        List<Segment> segments = documents.segments(id);
        review.approve(segments.get(2).id(), 0, "bob");
        Segment confirmed = review.save(segments.get(0).id(), 0, TaggedText.plain("Press the Start button."),
                "admin");
        navigate("review/" + id, ReviewView.class);

        Dialog dialog = new RepetitionPropagation(documents, review, "admin", s -> { }).offer(confirmed);
        assertThat(dialog).isNotNull();
        assertThat(dialog.getHeaderTitle()).contains("2 repetitions");
        Checkbox open = $(Checkbox.class, dialog).all().stream().filter(c -> c.hasClassName("propagate-open"))
                .findFirst().orElseThrow();
        Checkbox approved = $(Checkbox.class, dialog).all().stream()
                .filter(c -> c.hasClassName("propagate-approved")).findFirst().orElseThrow();
        assertThat(open.getValue()).isTrue();
        assertThat(open.getLabel()).contains("#2");
        assertThat(approved.getValue()).isFalse();
        assertThat(approved.getLabel()).contains("#3");
        test($(Button.class, dialog).all().stream().filter(b -> b.hasClassName("propagate-apply")).findFirst()
                .orElseThrow()).click();

        assertThat(review.segment(segments.get(1).id()).target().coded()).isEqualTo("Press the Start button.");
        assertThat(review.segment(segments.get(1).id()).status()).isEqualTo(SegmentStatus.APPROVED); // admin
        assertThat(review.segment(segments.get(2).id()).target().coded()).isEqualTo("Press Start.");
        assertThat(review.segment(segments.get(3).id()).version()).isZero();
        // nothing left to offer for a segment without differing repetitions
        assertThat(new RepetitionPropagation(documents, review, "admin", s -> { }).offer(
                review.segment(segments.get(3).id()))).isNull();
    }

    @Test
    void approversAndAdministratorsSwitchOneStepReviewInTheToolbar() throws Exception {
        long id = importText("mode.txt", "A sentence.");
        navigate("review/" + id, ReviewView.class);
        ReviewModeToggle toggle = $(ReviewModeToggle.class).single();
        assertThat(toggle.isReadOnly()).isFalse();
        assertThat(toggle.getValue()).isFalse();
        test(toggle).click();
        assertThat(documents.document(id).oneStepReview()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private Grid<Segment> grid() {
        return $(Grid.class).all().stream().filter(g -> g.getColumnByKey("target") != null).findFirst()
                .orElseThrow();
    }

    private long importText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        // not "admin": other view tests sharing this context pick the samples admin imported
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "effort-view").document().id();
    }
}
