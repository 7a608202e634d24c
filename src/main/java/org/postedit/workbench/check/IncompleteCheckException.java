package org.postedit.workbench.check;

import java.util.List;

/**
 * Thrown by a {@link Checker} that stopped before it had checked the whole text (its time limit ran out): the issues
 * found so far are still shown, but the result is neither cached nor recorded as complete, so the segment is checked
 * again later (at start-up, or when it is next opened or saved) instead of keeping a partial result for good.
 */
public class IncompleteCheckException extends RuntimeException {

    private final transient List<Issue> found;

    public IncompleteCheckException(String message, List<Issue> found) {
        super(message, null, false, false);
        this.found = List.copyOf(found);
    }

    /** What the checker found before it stopped. */
    public List<Issue> found() {
        return found;
    }
}
