package org.postedit.workbench.document;

/**
 * A stored segment with the whitespace the importer cut away before it (on a unit's first segment), so that
 * {@code spaceBefore + Σ(text + spaceAfter)} over a unit's segments is the paragraph again (see
 * {@link ImportedSegment}); the space after it is the segment's own ({@link Segment#spaceAfter()}).
 */
public record SpacedSegment(Segment segment, String spaceBefore) {
    public SpacedSegment {
        spaceBefore = spaceBefore == null ? "" : spaceBefore;
    }

    public String spaceAfter() {
        return segment.spaceAfter();
    }
}
