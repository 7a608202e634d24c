package org.postedit.workbench.check;

import java.util.Set;

/**
 * Told when the issues of a document's segments changed or its check progressed. Called on a check worker thread,
 * never on a UI thread: a view hands the call to its UI (Vaadin {@code UI.access}) and must return quickly.
 */
@FunctionalInterface
public interface IssuesListener {

    /**
     * @param segmentIds segments whose open issues changed (may be empty when only the progress moved)
     * @param progress   the document's check progress after the change
     */
    void issuesChanged(Set<Long> segmentIds, CheckProgress progress);
}
