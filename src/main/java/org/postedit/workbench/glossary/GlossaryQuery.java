package org.postedit.workbench.glossary;

/**
 * What a search looks for; every field is optional (null = any).
 *
 * @param text       case-insensitive text of a term in any language (or in {@code language})
 * @param match      PREFIX or CONTAINS
 * @param language   BCP 47 tag; "en" also finds "en-US"
 * @param glossaryId one glossary, or null for all
 * @param sort       order of the results
 */
public record GlossaryQuery(String text, Match match, String language, TermStatus status, String domain,
                            Long glossaryId, Sort sort) {

    public enum Match { PREFIX, CONTAINS }

    /** TERM: alphabetical by term text (concepts: by key), DOMAIN, UPDATED: most recently changed first. */
    public enum Sort { TERM, DOMAIN, UPDATED }

    public static GlossaryQuery all() {
        return new GlossaryQuery(null, Match.CONTAINS, null, null, null, null, Sort.TERM);
    }

    public GlossaryQuery withText(String text, Match match) {
        return new GlossaryQuery(text, match, language, status, domain, glossaryId, sort);
    }

    public GlossaryQuery withGlossary(Long glossaryId) {
        return new GlossaryQuery(text, match, language, status, domain, glossaryId, sort);
    }
}
