package org.postedit.workbench.document;

import java.time.Instant;

/**
 * A sentence (or the file's own segment) under review.
 *
 * @param source  the source text, null for MT-only documents
 * @param mt      the machine translation as imported; never changed
 * @param target  the current target text
 * @param version optimistic-locking version: a save must name the version it edited
 */
public record Segment(long id, long documentId, int ordinal, String unitId, String segmentKey, TaggedText source,
                      TaggedText mt, TaggedText target, SegmentStatus status, boolean locked, String note,
                      int version, String updatedBy, Instant updatedAt) {
}
