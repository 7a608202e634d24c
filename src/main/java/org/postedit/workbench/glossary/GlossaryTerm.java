package org.postedit.workbench.glossary;

/**
 * One term of a concept in one language.
 *
 * @param conceptKey    groups the terms of one concept (the official name and the renderings to avoid)
 * @param status        preferred, admitted, deprecated or forbidden
 * @param caseSensitive whether matching must respect case ("OpenAtom" but not "openatom")
 */
public record GlossaryTerm(long id, String conceptKey, String language, String term, TermStatus status,
                           boolean caseSensitive, String note) {

    public enum TermStatus {
        PREFERRED, ADMITTED, DEPRECATED, FORBIDDEN;

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase();
        }
    }
}
