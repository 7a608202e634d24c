package org.postedit.workbench.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.SignedInBrowserlessTest;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.DocumentsView;
import org.postedit.workbench.document.ImportOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The QA report view without a browser, over a document the test checkers found issues in. */
@CheckTest
@WithMockUser(username = "vera", roles = "VIEWER")
class QaReportViewTest extends SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;
    @Autowired
    CheckService checks;
    @Autowired
    TestCheckers.Gate gate;

    @TempDir
    Path dir;

    @Test
    void countsAndListsTheOpenIssuesWithLinksToTheSegments() throws Exception {
        long id = importText("qa-view", "Teh report starts here.", "Fine sentence.", "A very unique teh ending.");
        CheckServiceTest.await(() -> !checks.progress(id).running());

        QaReportView view = navigate("documents/" + id + "/qa", QaReportView.class);
        Grid<ReportedIssue> issues = view.issueGrid();
        int rows = test(issues).size();
        assertThat(rows).isGreaterThanOrEqualTo(3);
        int first = -1;
        for (int i = 0; i < rows; i++) {
            if (test(issues).getRow(i).issue().checker().equals(TestCheckers.FlagWords.ID)) {
                first = i;
                break;
            }
        }
        ReportedIssue teh = test(issues).getRow(first);
        assertThat(teh.ordinal()).isEqualTo(1);
        assertThat(test(issues).getCellText(first, issues.getColumns().indexOf(issues.getColumnByKey("message"))))
                .isEqualTo("Possible spelling mistake");
        assertThat(test(issues).getCellText(first, issues.getColumns().indexOf(issues.getColumnByKey("suggestions"))))
                .isEqualTo("the");
        Span excerpt = (Span) test(issues).getCellComponent(first, "text");
        assertThat(excerpt.getChildren().map(c -> ((Span) c).getText()).toList())
                .containsExactly("", "Teh", " report starts here.");
        com.vaadin.flow.component.html.Anchor link = (com.vaadin.flow.component.html.Anchor) test(issues)
                .getCellComponent(first, "segment");
        assertThat(link.getHref()).isEqualTo("review/" + id + "?segment=1");

        assertThat(view.countGrid().getColumnByKey("error")).isNotNull();
        assertThat(test(view.countGrid()).size()).isGreaterThanOrEqualTo(2);
        assertThat(view.linkTargets()).contains("download/documents/" + id + "/qa-report?format=csv",
                "download/documents/" + id + "/qa-report?format=html");
        assertThat(view.checksText()).contains("Test words").contains("en-US");
        assertThat(view.progressShown()).isFalse();
    }

    @Test
    void showsProgressWhileCheckingAndChecksAgainOnRequest() throws Exception {
        gate.close();
        try {
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= 40; i++) {
                text.append("Line ").append(i).append(" is gated.\n\n");
            }
            long id = importText("qa-progress", text.toString().split("\n\n"));
            QaReportView view = navigate("documents/" + id + "/qa", QaReportView.class);
            assertThat(view.progressShown()).isTrue();
            gate.open();
            CheckServiceTest.await(() -> !checks.progress(id).running());

            test(view.checkAgainButton()).click();
            assertThat(checks.progress(id).total()).isEqualTo(40);
        } finally {
            gate.open();
        }
    }

    @Test
    void theSegmentLinkOpensTheReviewGridAtThatSegment() throws Exception {
        long id = importText("qa-link", "First teh.", "Second teh.", "Third teh.");
        com.vaadin.flow.component.UI.getCurrent().navigate("review/" + id,
                com.vaadin.flow.router.QueryParameters.of("segment", "3"));
        org.postedit.workbench.review.ReviewView review = $(org.postedit.workbench.review.ReviewView.class).single();
        @SuppressWarnings("unchecked")
        Grid<org.postedit.workbench.document.Segment> grid = $(Grid.class).all().stream()
                .filter(g -> g.hasClassName("review-grid")).findFirst().orElseThrow();
        assertThat(grid.getSelectedItems()).extracting(org.postedit.workbench.document.Segment::ordinal)
                .containsExactly(3);
        assertThat(review).isNotNull();
    }

    @Test
    void anUnknownDocumentLeadsBackToTheList() {
        assertThat(navigate("documents/999999/qa", DocumentsView.class)).isNotNull();
    }

    private long importText(String name, String... sentences) throws Exception {
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, String.join("\n\n", sentences), StandardCharsets.UTF_8);
        return documents.importFile(file, name + ".txt", new ImportOptions(null, "en-US"), "test").document().id();
    }
}
