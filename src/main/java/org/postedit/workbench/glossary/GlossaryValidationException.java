package org.postedit.workbench.glossary;

import java.util.List;

/** A concept or an import breaks a rule (empty term, duplicate preferred term...): the messages say which. */
public class GlossaryValidationException extends RuntimeException {

    private final List<String> problems;

    public GlossaryValidationException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
