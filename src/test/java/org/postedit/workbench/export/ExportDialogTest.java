package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.SignedInBrowserlessTest;
import org.postedit.workbench.document.DocumentProgress;
import org.postedit.workbench.document.DocumentsView;
import org.postedit.workbench.document.SegmentStatus;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * The export dialog from the document list without a browser: two sample documents ticked, "Export selected…",
 * XLIFF 2 with chosen statuses; the file is written on a worker thread behind the progress bar, then offered as
 * a download link: a ZIP with one valid XLIFF 2 per document, named by document, languages and date.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "admin", roles = "ADMIN")
class ExportDialogTest extends SignedInBrowserlessTest {

    @Test
    void exportsTheTickedDocumentsAsOneZipWithProgress() throws Exception {
        navigate(DocumentsView.class);
        @SuppressWarnings("unchecked")
        Grid<DocumentProgress> grid = $(Grid.class).single();
        Button exportSelected = $(Button.class).all().stream()
                .filter(b -> "Export selected…".equals(b.getText())).findFirst().orElseThrow();
        assertThat(exportSelected.isEnabled()).isFalse();
        List<DocumentProgress> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rows.add(test(grid).getRow(i));
        }
        rows.forEach(grid::select);
        assertThat(exportSelected.isEnabled()).isTrue();
        test(exportSelected).click();

        ExportDialog dialog = $(ExportDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Export 2 documents (one ZIP)");
        assertThat(dialog.statuses.isVisible()).isFalse();
        dialog.format.setValue(ExportFormat.XLIFF2);
        dialog.xliffScope.setValue(ExportDialog.CHOSEN);
        assertThat(dialog.statuses.isVisible()).isTrue();
        assertThat(dialog.tmxScope.isVisible()).isFalse();
        dialog.statuses.setValue(EnumSet.allOf(SegmentStatus.class));
        test(dialog.export).click();
        assertThat(dialog.progress.isVisible()).isTrue();

        Path file = waitForTheFile(dialog);
        assertThat(dialog.progress.getValue()).isEqualTo(dialog.progress.getMax());
        Anchor download = $(Anchor.class, dialog).single();
        assertThat(download.getText()).matches("Download 2-documents_.*\\d{4}-\\d{2}-\\d{2}\\.zip");
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                ExportValidation.xliff2(zip.readAllBytes());
            }
        }
        assertThat(names).hasSize(2).allMatch(n -> n.matches(".+_\\d{4}-\\d{2}-\\d{2}\\.xliff2\\.xlf"));
        assertThat(names.stream().map(n -> n.substring(0, n.indexOf('_'))).toList())
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> stem(r.document().name())).toList());

        // a refusal shows in the dialog before anything runs: no statuses chosen
        dialog.statuses.clear();
        test(dialog.export).click();
        assertThat(dialog.status.getText()).contains("Choose at least one status");

        dialog.close();
        assertThat(file).doesNotExist();  // the temporary file goes with the dialog
    }

    private static Path waitForTheFile(ExportDialog dialog) throws InterruptedException {
        for (int i = 0; i < 600 && dialog.file() == null; i++) {
            Thread.sleep(100);
            // the test holds the session lock: run what the worker handed to the UI (progress, the finished file)
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
        }
        assertThat(dialog.file()).as(dialog.status.getText()).isNotNull();
        return dialog.file();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replace('_', '?').split("\\?")[0];
    }
}
