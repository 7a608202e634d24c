package org.postedit.workbench.document;

import java.util.List;

/**
 * Published (as a Spring application event, after the transaction commits) whenever segments of a document were
 * created or changed: by an import, a save, a status change, a replacement. Checks re-run on it and open grids
 * refresh from it; the publisher's package never needs to know who listens.
 *
 * @param segmentIds the segments changed; empty means all segments of the document (e.g. after an import)
 * @param user       who changed them
 * @param reordered  segments were added or retired (a split, a merge), so the ordinals after them moved: open
 *                   grids refresh every row, checks still run only on the segments named
 */
public record SegmentsChanged(long documentId, List<Long> segmentIds, String user, boolean reordered) {

    public SegmentsChanged {
        segmentIds = List.copyOf(segmentIds);
    }

    public SegmentsChanged(long documentId, List<Long> segmentIds, String user) {
        this(documentId, segmentIds, user, false);
    }

    public boolean wholeDocument() {
        return segmentIds.isEmpty();
    }
}
