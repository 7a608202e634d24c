package org.postedit.workbench.check;

/**
 * Where the checks of a document stand.
 *
 * @param checked segments checked in the current run (all of them when idle)
 * @param total   segments in the current run (the document's segment count when idle)
 * @param running whether checks of the document are queued or under way
 */
public record CheckProgress(long documentId, int checked, int total, boolean running) {

    /** 0..1, for a progress bar. */
    public double share() {
        return total == 0 ? 1 : Math.min(1, (double) checked / total);
    }
}
