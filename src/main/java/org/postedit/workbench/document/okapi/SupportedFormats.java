package org.postedit.workbench.document.okapi;

/** The sentence every "unsupported format" refusal ends with, so the user knows what to upload instead. */
final class SupportedFormats {

    static final String LIST = "Supported formats: plain text (.txt), HTML (.html, .htm), Markdown (.md), "
            + "Word (.docx), OpenDocument text (.odt), XLIFF 1.2 and 2.x (.xlf, .xliff), Gettext PO (.po, .pot) "
            + "and TMX (.tmx).";

    private SupportedFormats() {
    }
}
