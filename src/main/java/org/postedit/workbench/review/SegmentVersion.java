package org.postedit.workbench.review;

import java.time.Instant;

import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;

/** One saved state of a segment's target. Versions are only ever appended. */
public record SegmentVersion(long id, long segmentId, int version, TaggedText target, SegmentStatus status,
                             String author, Instant createdAt, String comment) {
}
