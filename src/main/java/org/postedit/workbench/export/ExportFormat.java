package org.postedit.workbench.export;

import java.util.Locale;

/** The ways a document leaves the workbench. The query value is what the API's {@code format} parameter takes. */
public enum ExportFormat {
    XLIFF12("xliff12", "XLIFF 1.2", ".xlf", "application/xliff+xml"),
    XLIFF2("xliff2", "XLIFF 2.0", ".xliff2.xlf", "application/xliff+xml"),
    TMX("tmx", "TMX 1.4b", ".tmx", "application/x-tmx+xml"),
    ORIGINAL("original", "original format", null, "application/octet-stream");

    private final String queryValue;
    private final String label;
    private final String extension;
    private final String mediaType;

    ExportFormat(String queryValue, String label, String extension, String mediaType) {
        this.queryValue = queryValue;
        this.label = label;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String queryValue() {
        return queryValue;
    }

    public String label() {
        return label;
    }

    /** The file extension, or null for the original format (the original file's own extension). */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** @throws ExportRejectedException naming the formats there are, for an unknown value */
    public static ExportFormat of(String value) {
        if (value == null || value.isBlank()) {
            throw new ExportRejectedException("Name the export format: format=xliff12, xliff2, tmx or original.");
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.queryValue.equals(wanted)) {
                return format;
            }
        }
        throw new ExportRejectedException("Unknown export format \"" + value
                + "\". Use one of: xliff12, xliff2, tmx, original.");
    }
}
