package org.postedit.workbench.export;

/** The corpus's and seeds' XLIFF 1.2, XLIFF 2, PO and TMX documents in every export format. */
class BilingualCorpusExportTest extends CorpusExports {

    @Override
    boolean covers(String fileName) {
        return !fileName.matches("(?i).*\\.(txt|html?|md|docx|odt)$");
    }
}
