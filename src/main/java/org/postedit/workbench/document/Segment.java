package org.postedit.workbench.document;

import java.time.Instant;

/**
 * A sentence (or the file's own segment) under review.
 *
 * @param source  the source text, null for MT-only documents
 * @param mt      the machine translation as imported; never changed
 * @param target  the current target text
 * @param version optimistic-locking version: a save must name the version it edited
 * @param spaceAfter     whitespace between this segment and the next one of its unit in the file
 * @param fileSegmentKey the key of the file's segment whose text this segment holds: its own {@code segmentKey},
 *                       except for the later parts of a split segment (see docs/split-merge.md)
 */
public record Segment(long id, long documentId, int ordinal, String unitId, String segmentKey, TaggedText source,
                      TaggedText mt, TaggedText target, SegmentStatus status, boolean locked, String note,
                      int version, String updatedBy, Instant updatedAt, String spaceAfter, String fileSegmentKey) {

    public Segment {
        spaceAfter = spaceAfter == null ? "" : spaceAfter;
        fileSegmentKey = fileSegmentKey == null ? segmentKey : fileSegmentKey;
    }
}
