package org.postedit.workbench.review.effort;

import org.postedit.workbench.document.SegmentStatus;

/**
 * The post-editing effort of one segment: how far its current target is from the MT and how long reviewers
 * spent in its editor.
 *
 * @param unchanged      the target is still exactly the MT
 * @param charEdits      Levenshtein distance MT -> target, in characters
 * @param wordEdits      TER edits MT -> target (insertions, deletions, substitutions, shifts), in words
 * @param mtWords        words of the MT; -1 when not measured yet
 * @param targetWords    words of the target (TER's reference length); -1 when not measured yet
 * @param editingMillis  time in the editor, idle gaps capped (see EditingTime), summed over sessions
 */
public record SegmentEffort(long segmentId, int ordinal, SegmentStatus status, boolean unchanged, int charEdits,
                            int wordEdits, int mtWords, int targetWords, int targetChars, long editingMillis) {

    boolean measured() {
        return targetWords >= 0;
    }

    public boolean postEdited() {
        return status != SegmentStatus.NEW;
    }

    /** TER of this segment: word edits per target word. */
    public double ter() {
        return new TranslationEditRate.Result(wordEdits, 0, Math.max(0, targetWords)).score();
    }

    SegmentEffort withDistances(EditDistances d) {
        return new SegmentEffort(segmentId, ordinal, status, unchanged, d.charEdits(), d.wordEdits(), d.mtWords(),
                d.targetWords(), d.targetChars(), editingMillis);
    }
}
