package org.postedit.workbench.review;

import java.time.Instant;

/** One comment of a segment's thread; resolved comments stay, marked with who resolved them and when. */
public record SegmentComment(long id, long segmentId, String author, String text, Instant createdAt,
                             boolean resolved, String resolvedBy, Instant resolvedAt) {
}
