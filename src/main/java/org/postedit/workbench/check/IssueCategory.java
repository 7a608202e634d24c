package org.postedit.workbench.check;

/** What kind of problem an issue is; the grid colours underlines and the QA report groups counts by it. */
public enum IssueCategory {
    /** A word LanguageTool's (or the project's) dictionary does not know. */
    SPELLING,
    /** LanguageTool grammar rules. */
    GRAMMAR,
    /** LanguageTool style, redundancy and wording rules. */
    STYLE,
    /** Forbidden or deprecated glossary terms, missing expected target terms. */
    TERMINOLOGY,
    /** Spacing, punctuation, quotes and capitalisation errors MT makes. */
    TYPOGRAPHY,
    /** Numbers or inline codes that differ between source/MT and the target. */
    ACCURACY,
    /** The same source (or MT) translated differently within a document. */
    CONSISTENCY,
    /** A rule of the project's own checklist. */
    CUSTOM
}
