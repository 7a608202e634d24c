package org.postedit.workbench.document;

/**
 * A stored segment with the whitespace the importer cut away around it, so that
 * {@code spaceBefore + Σ(text + spaceAfter)} over a unit's segments is the paragraph again (see
 * {@link ImportedSegment}).
 */
public record SpacedSegment(Segment segment, String spaceBefore, String spaceAfter) {
    public SpacedSegment {
        spaceBefore = spaceBefore == null ? "" : spaceBefore;
        spaceAfter = spaceAfter == null ? "" : spaceAfter;
    }
}
