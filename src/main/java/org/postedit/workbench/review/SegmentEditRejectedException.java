package org.postedit.workbench.review;

/** An edit the workbench refuses to store (a lost inline code, a locked segment); nothing was written. */
public class SegmentEditRejectedException extends RuntimeException {
    public SegmentEditRejectedException(String message) {
        super(message);
    }
}
