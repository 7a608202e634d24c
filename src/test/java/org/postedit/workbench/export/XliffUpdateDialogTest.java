package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.SignedInBrowserlessTest;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentFileActions;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.DocumentsView;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Update from XLIFF…" without a browser: an approver uploads an edited export; the update runs on a worker as
 * the approver, and the dialog shows the counts and the changes, and tells the view to refresh.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "rita", roles = "APPROVER")
class XliffUpdateDialogTest extends SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ExportService export;
    @Autowired
    ReviewService review;
    @Autowired
    DocumentFileActions actions;

    @TempDir
    Path dir;

    @Test
    void uploadsAnEditedExportAndShowsWhatChanged() throws Exception {
        Path file = dir.resolve("dialog.xlf");
        Files.writeString(file, XliffUpdateTest.FILE.replace("update.txt", "dialog.txt"), StandardCharsets.UTF_8);
        Document document = documents.importFile(file, "dialog.txt", ImportOptions.DETECT, "test").document();
        var approved = documents.segments(document.id()).get(3);
        review.approve(approved.id(), approved.version(), "ann");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(document.id(), ExportFormat.XLIFF12, ExportOptions.DEFAULT, out);
        String edited = out.toString(StandardCharsets.UTF_8).replace("Thre.</target>", "Three.</target>")
                .replace("Four.</target>", "Fourth.</target>");

        navigate(DocumentsView.class);
        assertThat(actions.mayUpdateFromXliff()).isTrue();
        AtomicBoolean refreshed = new AtomicBoolean();
        actions.openXliffUpdate(document, () -> refreshed.set(true));
        XliffUpdateDialog dialog = $(XliffUpdateDialog.class).single();
        test(dialog.upload).upload("dialog-edited.xlf", "application/xliff+xml",
                edited.getBytes(StandardCharsets.UTF_8));

        for (int i = 0; i < 300 && dialog.totals.getText().isEmpty() && !dialog.status.getText()
                .startsWith("Nothing changed"); i++) {
            Thread.sleep(100);
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
        }
        assertThat(dialog.totals.getText()).as(dialog.status.getText())
                .isEqualTo("1 updated · 4 unchanged · 1 approved skipped · 0 conflicts · 0 unknown");
        assertThat(dialog.changes.isVisible()).isTrue();
        assertThat(test(dialog.changes).size()).isEqualTo(2);
        assertThat(test(dialog.changes).getRow(0).after()).isEqualTo("Three.");
        assertThat(test(dialog.changes).getRow(1).outcome()).isEqualTo(XliffUpdateSummary.Outcome.SKIPPED_APPROVED);
        assertThat(refreshed).isTrue();
        assertThat(documents.segments(document.id()).get(2).target().plainText()).isEqualTo("Three.");
        assertThat(review.history(documents.segments(document.id()).get(2).id()).getLast().author())
                .isEqualTo("rita");
        assertThat(documents.segments(document.id()).get(3).status()).isEqualTo(SegmentStatus.APPROVED);
    }
}
