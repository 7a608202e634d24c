package org.postedit.workbench.glossary;

import java.util.List;

/** A glossary file is refused; nothing was imported. The problems carry line (TBX) or row (CSV) numbers. */
public class GlossaryImportException extends RuntimeException {

    /** How many problems are kept at most; the message says when there were more. */
    static final int MAX_PROBLEMS = 100;

    private final List<ImportProblem> problems;

    public GlossaryImportException(String message, List<ImportProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
    }

    public GlossaryImportException(int line, String message) {
        this(line > 0 ? "Line " + line + ": " + message : message, List.of(new ImportProblem(line, message)));
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
