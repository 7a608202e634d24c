package org.postedit.workbench.export;

/** An export the caller asked for that cannot be made (unknown format, bad option): a 400 with this message. */
public class ExportRejectedException extends RuntimeException {

    public ExportRejectedException(String message) {
        super(message);
    }
}
