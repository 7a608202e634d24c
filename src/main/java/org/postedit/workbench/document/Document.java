package org.postedit.workbench.document;

import java.time.Instant;

/**
 * An imported file: its languages and where it stands. The original file is kept beside it for export.
 *
 * @param oneStepReview reviewers approve directly (no separate approver pass)
 */
public record Document(long id, String name, DocumentFormat format, String sourceLanguage, String targetLanguage,
                       long originalSize, int segmentCount, boolean archived, String importedBy,
                       Instant importedAt, boolean oneStepReview) {

    public boolean hasSource() {
        return sourceLanguage != null;
    }
}
