package org.postedit.workbench.check;

import java.util.List;

/**
 * Which checks run for a target language, by name, so the UI can say what was checked and what was not.
 *
 * @param applied    names of the checkers that check texts in the language
 * @param notApplied names of the checkers that have nothing to say about it (e.g. LanguageTool for Chinese)
 */
public record LanguageChecks(String targetLanguage, List<String> applied, List<String> notApplied) {

    public LanguageChecks {
        applied = List.copyOf(applied);
        notApplied = List.copyOf(notApplied);
    }
}
