package org.postedit.workbench.glossary;

public class ConceptNotFoundException extends RuntimeException {

    public ConceptNotFoundException(long id) {
        super("Concept " + id + " does not exist (it may have been deleted).");
    }
}
