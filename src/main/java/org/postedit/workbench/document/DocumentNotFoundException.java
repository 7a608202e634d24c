package org.postedit.workbench.document;

public class DocumentNotFoundException extends RuntimeException {
    public DocumentNotFoundException(long id) {
        super("There is no document " + id + ".");
    }
}
