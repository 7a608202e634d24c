package org.postedit.workbench.check.checklist;

import java.util.List;

/** A rule (or an import) the checklist refuses, with every problem in words the user can act on. */
public class ChecklistValidationException extends RuntimeException {

    private final List<String> problems;

    public ChecklistValidationException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
