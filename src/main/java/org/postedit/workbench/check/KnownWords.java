package org.postedit.workbench.check;

/**
 * Words a project knows that LanguageTool's dictionaries do not: glossary terms and project dictionary words. A
 * spelling issue on one of them is not reported.
 */
public interface KnownWords {

    /** Knows nothing: LanguageTool's own results, as the parity test and the benchmark want them. */
    KnownWords NONE = new KnownWords() {
        @Override
        public InText in(long documentId, String language, String text) {
            return (offset, length, word) -> false;
        }

        @Override
        public String version(long documentId, String language) {
            return "none";
        }
    };

    /** What is known in one text of a document; asked only when LanguageTool reports a spelling issue there. */
    InText in(long documentId, String language, String text);

    /** Changes whenever {@link #in} could answer differently for the document (part of the checker's cache key). */
    String version(long documentId, String language);

    /** Whether the word at a range of the text is known. */
    @FunctionalInterface
    interface InText {
        boolean knows(int offset, int length, String word);
    }
}
