package org.postedit.workbench.glossary.matching;

/**
 * The status a term has in its concept, as far as matching cares. The matcher itself treats every status alike (it
 * finds terms; what a find means is the caller's business), but it carries the status so a checker or the grid can
 * act on a match without a second lookup in the glossary.
 */
public enum TermStatus {
    PREFERRED, ADMITTED, DEPRECATED, FORBIDDEN;

    /** Whether a reviewer should replace this term with the concept's preferred one. */
    public boolean toAvoid() {
        return this == DEPRECATED || this == FORBIDDEN;
    }
}
