package org.postedit.workbench.glossary;

/**
 * One term of a concept in one language.
 *
 * @param id            database id (0 for a term not stored yet)
 * @param language      BCP 47 tag, e.g. zh-CN, en, en-US
 * @param status        preferred, admitted, deprecated or forbidden
 * @param partOfSpeech  e.g. noun, verb (free text, TBX-Basic picklist values recommended); may be null
 * @param caseSensitive whether matching must respect case ("OpenAtom" but not "openatom")
 * @param example       an optional usage example (TBX {@code descrip type="context"})
 */
public record Term(long id, String language, String text, TermStatus status, String partOfSpeech,
                   boolean caseSensitive, String note, String example) {

    public static Term of(String language, String text, TermStatus status) {
        return new Term(0, language, text, status, null, false, null, null);
    }

    /** The same term without its database id, to compare contents. */
    Term withoutId() {
        return id == 0 ? this : new Term(0, language, text, status, partOfSpeech, caseSensitive, note, example);
    }
}
