package org.postedit.workbench.glossary.matching;

import java.util.Objects;

/**
 * A term as the matcher needs it, independent of how the glossary stores concepts, so the glossary model can change
 * without touching matching.
 *
 * @param language      BCP 47 tag ("en", "en-US", "zh-CN"); only the primary subtag decides which texts it is looked
 *                      for in, so an "en" term is found in an "en-GB" document
 * @param caseSensitive when true, the text must carry the same capitalisation ("Vice Minister" is a title,
 *                      "vice minister" the MT rendering to avoid); inflection keeps the case of the text's word
 */
public record MatchableTerm(long id, long conceptId, String language, String text, TermStatus status,
                            boolean caseSensitive) {

    public MatchableTerm {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
    }
}
