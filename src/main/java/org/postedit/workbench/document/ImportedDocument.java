package org.postedit.workbench.document;

import java.util.List;

/**
 * A file read by an importer: its languages and segments in document order.
 *
 * @param sourceLanguage BCP 47 code of the source, or null for MT-only documents
 * @param targetLanguage BCP 47 code of the MT/target ("en-US" unless the file or the user says otherwise)
 */
public record ImportedDocument(DocumentFormat format, String sourceLanguage, String targetLanguage,
                               List<ImportedSegment> segments) {
    public ImportedDocument {
        segments = List.copyOf(segments);
    }

    public boolean hasSource() {
        return segments.stream().anyMatch(s -> s.source() != null);
    }
}
