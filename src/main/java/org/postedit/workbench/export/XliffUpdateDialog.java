package org.postedit.workbench.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.review.DiffText;
import org.postedit.workbench.ui.BoundedUpload;
import org.postedit.workbench.export.XliffUpdateSummary.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * "Update from XLIFF…": upload an edited export of this document; the update runs on a worker thread (as the
 * signed-in user) behind a progress bar, then the dialog shows the summary and every change with its word diff.
 */
class XliffUpdateDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(XliffUpdateDialog.class);

    private final Document document;
    private final XliffUpdateService updates;
    private final AsyncTaskExecutor executor;
    private final String user;
    private final Runnable updated;
    final Checkbox overwriteApproved = new Checkbox("Also overwrite approved segments (each as a new version)");
    final Upload upload;
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Span totals = new Span();
    final Grid<Change> changes = new Grid<>();

    XliffUpdateDialog(Document document, XliffUpdateService updates, long maxFileSize, AsyncTaskExecutor executor,
                      String user, Runnable updated) {
        this.document = document;
        this.updates = updates;
        this.executor = executor;
        this.user = user;
        this.updated = updated;
        setHeaderTitle("Update " + document.name() + " from XLIFF");
        setWidth("min(60rem, 95vw)");

        upload = new Upload(new BoundedUpload(maxFileSize, this::updateInBackground, this::refused));
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".xlf", ".xliff", ".xml", ".sdlxliff", ".mqxliff");
        upload.setDropLabel(new Span("Drop an XLIFF 1.2 or 2.x file exported from this document"));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        progress.setIndeterminate(true);
        progress.setVisible(false);
        changes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        changes.addColumn(c -> c.ordinal() == null ? "" : c.ordinal().toString()).setHeader("#").setAutoWidth(true)
                .setFlexGrow(0);
        changes.addColumn(Change::fileId).setHeader("Id in the file").setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> outcome(c.outcome())).setHeader("Result").setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> (c.statusBefore() == null ? "–" : c.statusBefore()) + " → " + c.statusAfter())
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        changes.addComponentColumn(c -> c.before() == null ? new Span(c.after()) : DiffText.of(c.diff()))
                .setHeader("Change").setFlexGrow(1);
        changes.addColumn(c -> c.message() == null ? "" : c.message()).setHeader("Note").setFlexGrow(1);
        changes.setVisible(false);
        changes.setAllRowsVisible(true);
        changes.setMaxHeight("50vh");

        add(new VerticalLayout(new Paragraph("Each changed target or status becomes a new version, as a save in "
                + "the grid would. Approved segments are kept (and listed) unless you allow overwriting them; a "
                + "segment changed here after the export and also in the file is a conflict and stays as it is."),
                overwriteApproved, upload, progress, status, totals, changes));
        getFooter().add(new Button("Close", e -> close()));
    }

    static String outcome(XliffUpdateSummary.Outcome outcome) {
        return switch (outcome) {
            case UPDATED -> "updated";
            case SKIPPED_APPROVED -> "approved: skipped";
            case CONFLICT -> "conflict";
            case UNKNOWN -> "unknown id";
        };
    }

    /** Runs on the upload request thread; the update goes to a worker with the user's security context. */
    private void updateInBackground(String fileName, Path file) {
        UI ui = UI.getCurrent() != null ? UI.getCurrent() : getUI().orElseThrow();
        boolean overwrite = overwriteApproved.getValue();
        ui.access(() -> {
            progress.setVisible(true);
            status.setText("Reading " + fileName + "…");
            totals.setText("");
            changes.setVisible(false);
        });
        Runnable work = () -> {
            try {
                XliffUpdateSummary summary = updates.update(document.id(), file, fileName, overwrite, user,
                        n -> ui.access(() -> status.setText("Reading " + fileName + ": " + n + " segments…")));
                ui.access(() -> show(summary));
            } catch (XliffUpdateRejectedException e) {
                ui.access(() -> failed(e.getMessage()));
            } catch (RuntimeException e) {
                log.error("Update of document {} from {} failed", document.id(), fileName, e);
                ui.access(() -> failed("The update failed unexpectedly: " + e.getMessage()));
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete {}", file, e);
                }
            }
        };
        executor.submit(new DelegatingSecurityContextRunnable(work, SecurityContextHolder.getContext()));
    }

    void show(XliffUpdateSummary summary) {
        progress.setVisible(false);
        status.setText(summary.fileName() + " (" + summary.format() + ")"
                + (summary.warnings().isEmpty() ? "" : ": " + String.join(" ", summary.warnings())));
        totals.setText(String.format(Locale.ROOT, "%d updated · %d unchanged · %d approved skipped · %d conflicts · "
                        + "%d unknown", summary.updated(), summary.unchanged(), summary.skippedApproved(),
                summary.conflicts(), summary.unknown()));
        changes.setItems(summary.changes());
        changes.setVisible(!summary.changes().isEmpty());
        if (summary.updated() > 0) {
            updated.run();
        }
    }

    private void failed(String message) {
        progress.setVisible(false);
        status.setText("Nothing changed: " + message);
    }

    private void refused(String message) {
        getUI().ifPresent(ui -> ui.access(() -> failed(message)));
    }
}
