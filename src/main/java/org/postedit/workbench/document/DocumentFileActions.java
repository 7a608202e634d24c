package org.postedit.workbench.document;

import java.util.List;

/**
 * What the export feature offers on documents: the export dialog and the update from an edited XLIFF. The
 * document list and the review grid hold this interface, not the export package (which reads from them), so
 * the features stay free of cycles; the export package provides the one implementation.
 */
public interface DocumentFileActions {

    /** Opens the export dialog (format, statuses, progress, download) for one document or several (one ZIP). */
    void openExport(List<Document> documents);

    /**
     * Opens "Update from XLIFF…" for a document.
     *
     * @param updated runs on the UI thread after segments changed, so the caller can refresh what it shows
     */
    void openXliffUpdate(Document document, Runnable updated);

    /** Whether the signed-in user may update documents from a file (reviewers, approvers, administrators). */
    boolean mayUpdateFromXliff();
}
