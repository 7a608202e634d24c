package org.postedit.workbench.glossary;

/** A term found by a search, with what the list shows of its concept. */
public record TermHit(Term term, long conceptId, String conceptKey, long glossaryId, String domain,
                      String conceptNote) {
}
