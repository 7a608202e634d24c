package org.postedit.workbench.review;

import org.postedit.workbench.document.Segment;

/** Someone saved the segment after the version the user edited: nothing was written. */
public class StaleSegmentException extends RuntimeException {

    private final transient Segment current;

    public StaleSegmentException(Segment current) {
        super("Segment %d was changed by %s in the meantime (now version %d). Reload it and apply your edit again."
                .formatted(current.ordinal(), current.updatedBy() == null ? "someone else" : current.updatedBy(),
                        current.version()));
        this.current = current;
    }

    public Segment current() {
        return current;
    }
}
