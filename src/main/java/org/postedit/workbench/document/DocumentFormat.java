package org.postedit.workbench.document;

/** The file formats the workbench imports, and whether a file of that format carries source and target. */
public enum DocumentFormat {
    PLAIN_TEXT("Plain text", false),
    HTML("HTML", false),
    MARKDOWN("Markdown", false),
    DOCX("Word (DOCX)", false),
    ODT("OpenDocument text (ODT)", false),
    XLIFF12("XLIFF 1.2", true),
    XLIFF2("XLIFF 2.x", true),
    PO("Gettext PO", true),
    TMX("TMX", true);

    private final String label;
    private final boolean bilingual;

    DocumentFormat(String label, boolean bilingual) {
        this.label = label;
        this.bilingual = bilingual;
    }

    public String label() {
        return label;
    }

    public boolean bilingual() {
        return bilingual;
    }
}
