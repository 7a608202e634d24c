package org.postedit.workbench.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.postedit.workbench.document.SpacedSegment;

/**
 * A document's stored segments, unit by unit, read in ordinal order while Okapi's filter goes through the original.
 * The importer numbered the segments in the order the same filter emits its text units, so every text unit the
 * filter emits again is either the next stored unit or one the importer left out (no words, nothing to
 * translate): a merge of two sequences in the same order. Holds one unit, and the repository one chunk, never the
 * document.
 */
final class StoredUnits {

    private final Iterator<SpacedSegment> segments;
    private SpacedSegment next;
    private int taken;

    StoredUnits(Iterable<SpacedSegment> segments) {
        this.segments = segments.iterator();
        this.next = advance();
    }

    /** The segments of {@code unitId} when it is the next stored unit, else none (the importer left it out). */
    List<SpacedSegment> take(String unitId) {
        if (next == null || !next.segment().unitId().equals(unitId)) {
            return List.of();
        }
        List<SpacedSegment> unit = new ArrayList<>(2);
        while (next != null && next.segment().unitId().equals(unitId)) {
            unit.add(next);
            next = advance();
        }
        taken++;
        return unit;
    }

    /**
     * Fails loudly when stored units are left once the file has no more: the file's order and the stored order
     * differ (the filter or its configuration changed since the import), and the edits of the units left would be
     * missing from the rebuilt file.
     */
    void requireAllTaken(long documentId) {
        if (next != null) {
            throw new IllegalStateException("Original-format export of document " + documentId + ": stored unit \""
                    + next.segment().unitId() + "\" (ordinal " + next.segment().ordinal() + ") was not met in the "
                    + "file's order after " + taken + " units; the file was not rebuilt with every edit");
        }
    }

    private SpacedSegment advance() {
        return segments.hasNext() ? segments.next() : null;
    }
}
