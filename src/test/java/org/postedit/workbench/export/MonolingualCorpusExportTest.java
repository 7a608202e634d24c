package org.postedit.workbench.export;

/** The corpus's and seeds' text, HTML, Markdown, DOCX and ODT documents in every export format. */
class MonolingualCorpusExportTest extends CorpusExports {

    @Override
    boolean covers(String fileName) {
        return fileName.matches("(?i).*\\.(txt|html?|md|docx|odt)$");
    }
}
