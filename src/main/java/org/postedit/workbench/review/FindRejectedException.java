package org.postedit.workbench.review;

/** A search the workbench cannot run as asked (an empty or invalid pattern, one that takes too long). */
public class FindRejectedException extends RuntimeException {
    public FindRejectedException(String message) {
        super(message);
    }
}
