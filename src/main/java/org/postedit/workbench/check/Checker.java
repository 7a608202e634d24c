package org.postedit.workbench.check;

import java.util.List;

/**
 * One family of checks over a segment's target text. Implementations are Spring beans, pure (no database writes,
 * no UI) and safe to call from several threads at once; {@code CheckService} runs them off the UI thread, stores and
 * caches their issues.
 */
public interface Checker {

    /** Stable id stored with every issue, e.g. {@code languagetool}, {@code glossary}, {@code typography}. */
    String id();

    /** What the UI calls these checks ("Grammar and spelling (LanguageTool en-US)"). */
    String name();

    /** Whether this checker has anything to say about texts in the target language (e.g. no LanguageTool for zh). */
    boolean appliesTo(String targetLanguage);

    /**
     * Everything besides the segment's texts this checker's result depends on for the document: a glossary version,
     * a dictionary version, a checklist version, rule settings. Results are cached under it, so it must change
     * whenever the result could.
     */
    default String settingsKey(long documentId, String targetLanguage) {
        return "";
    }

    /**
     * Whether the result depends on the MT and source as well as on the target. Context-free checkers (LanguageTool)
     * are cached by target text and language alone, so the same sentence is checked once for the whole workbench.
     */
    default boolean readsContext() {
        return true;
    }

    /** The issues in {@code text.target()}, offsets in its plain text. Never null; must not throw for odd input. */
    List<Issue> check(CheckedText text);
}
