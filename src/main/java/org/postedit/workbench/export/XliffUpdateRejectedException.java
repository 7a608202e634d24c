package org.postedit.workbench.export;

/** An uploaded XLIFF that cannot update the document (not readable, not XLIFF, of another document). */
public class XliffUpdateRejectedException extends RuntimeException {
    public XliffUpdateRejectedException(String message) {
        super(message);
    }
}
