package org.postedit.workbench.check;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The checks of one document under way: segments queued and not yet started (so a segment is never queued twice),
 * counts for the progress bar, whether whole-document checks must run again, and who listens.
 */
final class DocumentRun {

    final long documentId;
    final Set<Long> queued = ConcurrentHashMap.newKeySet();
    final List<IssuesListener> listeners = new CopyOnWriteArrayList<>();
    private int total;
    private int checked;
    private int pendingTasks;
    private boolean documentChecksDue;
    /** Fingerprint of everything the whole-document checks last read, to skip a run that would change nothing. */
    volatile String documentInput;
    /** The document's segment count, what the progress shows when nothing runs. */
    volatile int segmentCount;

    DocumentRun(long documentId) {
        this.documentId = documentId;
    }

    /** Counts {@code segments} more to check in {@code tasks} tasks; a run that had finished starts again at 0. */
    synchronized void add(int segments, int tasks) {
        if (pendingTasks == 0) {
            total = 0;
            checked = 0;
        }
        total += segments;
        pendingTasks += tasks;
        documentChecksDue = true;
    }

    /**
     * One task is over.
     *
     * @return whether whole-document checks should now be queued (the last segment task of a run ended); the
     *         caller then queues exactly one
     */
    synchronized boolean taskDone(int segments, boolean hasDocumentChecks) {
        checked += segments;
        pendingTasks--;
        if (pendingTasks == 0 && hasDocumentChecks && documentChecksDue) {
            documentChecksDue = false;
            pendingTasks++;
            return true;
        }
        return false;
    }

    synchronized boolean running() {
        return pendingTasks > 0;
    }

    synchronized CheckProgress progress(int segmentCount) {
        if (pendingTasks == 0) {
            return new CheckProgress(documentId, segmentCount, segmentCount, false);
        }
        return new CheckProgress(documentId, Math.min(checked, total), total, true);
    }
}
