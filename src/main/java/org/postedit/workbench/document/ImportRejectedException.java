package org.postedit.workbench.document;

/**
 * A file the workbench refuses, with a message the user can act on. The reason decides the HTTP status the API
 * answers with; nothing of a rejected file is stored.
 */
public class ImportRejectedException extends RuntimeException {

    public enum Reason {
        /** over the configured size limit (413) */
        TOO_LARGE,
        /** not one of the supported formats (415) */
        UNSUPPORTED_FORMAT,
        /** empty, damaged, malformed, dangerous (entity/zip bomb, external entity), encrypted (400) */
        INVALID
    }

    private final Reason reason;

    public ImportRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImportRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
