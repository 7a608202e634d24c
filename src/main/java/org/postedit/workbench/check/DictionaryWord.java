package org.postedit.workbench.check;

import java.time.Instant;

/**
 * A word of the project dictionary: LanguageTool's spelling rules do not report it in documents of its language.
 *
 * @param language BCP 47 tag; a bare language ("en") holds for all its variants, "en-GB" for British documents only
 */
public record DictionaryWord(long id, String language, String word, String addedBy, Instant addedAt) {
}
