package org.postedit.workbench.glossary;

/** One reason a file is refused: the line (TBX) or row (CSV; the header is row 1) and what is wrong. */
public record ImportProblem(int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
