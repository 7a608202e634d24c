package org.postedit.workbench.review;

public class SegmentNotFoundException extends RuntimeException {
    public SegmentNotFoundException(long id) {
        super("There is no segment " + id + ".");
    }
}
