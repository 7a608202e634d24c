package org.postedit.workbench.check;

import java.util.List;

/**
 * A check that needs the whole document at once, e.g. consistency (the same source translated two ways). Pure and
 * thread-safe like {@link Checker}; {@code CheckService} runs it after a document's segments were checked and again
 * when a segment changes, and stores what it returns beside the per-segment issues.
 */
public interface DocumentChecker {

    /** Stable id stored with every issue, e.g. {@code consistency}. */
    String id();

    /** What the UI calls these checks. */
    String name();

    /** Issues for any of the given segments (all segments of one document, in order). Never null. */
    List<SegmentIssue> check(List<CheckedText> segments);

    /** An issue and the segment it belongs to. */
    record SegmentIssue(long segmentId, Issue issue) {
    }
}
