package org.postedit.workbench.document;

/**
 * What the user may say on import. Null fields mean "take it from the file, or detect it".
 *
 * @param sourceLanguage overrides the file's source language
 * @param targetLanguage overrides the file's or the detected target language
 */
public record ImportOptions(String sourceLanguage, String targetLanguage) {
    public static final ImportOptions DETECT = new ImportOptions(null, null);
}
