package org.postedit.workbench.export;

import java.util.List;

import org.postedit.workbench.review.WordDiff;

/**
 * What an update from an edited XLIFF did: counts, then one entry per segment it changed, skipped or could not
 * place (unchanged segments are only counted). The API answers with it as JSON; the view shows it.
 *
 * @param warnings things the user should know that are not about one segment (no stamp, so no conflict check)
 */
public record XliffUpdateSummary(long documentId, String document, String fileName, String format, int updated,
                                 int unchanged, int skippedApproved, int conflicts, int unknown,
                                 List<Change> changes, List<String> warnings) {

    /** How one segment of the file was handled. */
    public enum Outcome { UPDATED, SKIPPED_APPROVED, CONFLICT, UNKNOWN }

    /**
     * @param fileId    the id the segment has in the file
     * @param segmentId the segment it matched, null when unknown
     * @param before    the workbench's text before (codes shown by their labels), null when unknown
     * @param after     the file's text
     * @param diff      word diff from {@code before} to {@code after}
     * @param message   why it was skipped or not placed, or what was adjusted; null for a plain update
     */
    public record Change(String fileId, Long segmentId, Integer ordinal, Outcome outcome, String statusBefore,
                         String statusAfter, String before, String after, List<WordDiff.Part> diff,
                         String message) {
    }
}
