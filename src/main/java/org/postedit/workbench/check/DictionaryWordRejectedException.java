package org.postedit.workbench.check;

/** A word or language the project dictionary cannot take, with a message the user can act on. */
public class DictionaryWordRejectedException extends RuntimeException {

    public DictionaryWordRejectedException(String message) {
        super(message);
    }
}
