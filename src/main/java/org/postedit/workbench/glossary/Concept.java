package org.postedit.workbench.glossary;

import java.time.Instant;
import java.util.List;

/**
 * A concept of a glossary with its terms in every language.
 *
 * @param id         database id (0 for a concept not stored yet)
 * @param key        the concept's id in TBX and CSV exchange (unique per glossary; generated when null)
 * @param domain     subject field (TBX {@code descrip type="subjectField"}); may be null
 * @param definition may be null
 * @param note       a note on the concept; may be null
 * @param updatedBy  who last changed it (null for a draft)
 * @param updatedAt  when (null for a draft)
 */
public record Concept(long id, long glossaryId, String key, String domain, String definition, String note,
                      List<Term> terms, String updatedBy, Instant updatedAt) {

    public Concept {
        terms = List.copyOf(terms);
    }

    /** A concept to create or to save over an existing one. */
    public static Concept draft(String key, String domain, String definition, String note, List<Term> terms) {
        return new Concept(0, 0, key, domain, definition, note, terms, null, null);
    }

    /** The first preferred term in a language (or the first term when none is preferred), for display. */
    public String headTerm(String language) {
        return terms.stream().filter(t -> t.language().equalsIgnoreCase(language))
                .sorted((a, b) -> Integer.compare(a.status().ordinal(), b.status().ordinal()))
                .map(Term::text).findFirst().orElse(null);
    }

    /** Same content (key, descriptions, terms in order), ignoring database ids and audit fields. */
    boolean sameContent(Concept other) {
        return java.util.Objects.equals(key, other.key) && java.util.Objects.equals(domain, other.domain)
                && java.util.Objects.equals(definition, other.definition) && java.util.Objects.equals(note, other.note)
                && terms.stream().map(Term::withoutId).toList()
                .equals(other.terms.stream().map(Term::withoutId).toList());
    }
}
