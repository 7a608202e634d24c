package org.postedit.workbench.document;

/**
 * One segment as an importer read it, before it is stored.
 *
 * @param unitId     the id of the file's unit (XLIFF unit/trans-unit id, PO msgctxt+msgid key, TMX tuid,
 *                   or the text unit id Okapi gives monolingual files), stable across re-imports
 * @param segmentKey the segment's id within its unit ("0", "1", ... or the file's own segment id)
 * @param source     the source text, or null when the document is MT alone
 * @param mt         the machine translation to review (for monolingual files: the file's text)
 * @param status     the status the file declares (XLIFF state/approved), NEW when it says nothing
 * @param locked     true for units the file marks as not to translate, and for monolingual segments without a word
 *                   to review (a "=====" underline, a lone URL): shown read-only
 * @param note       the file's notes for the unit, or null
 * @param spaceAfter whitespace between this segment and the next one in the same paragraph (monolingual files),
 *                   so the paragraph can be rebuilt exactly; empty when none
 * @param spaceBefore whitespace that opens the paragraph (an indented line), on its first segment only, so that
 *                   {@code spaceBefore + (mt + spaceAfter)...} over a unit's segments is the paragraph; empty when none
 */
public record ImportedSegment(String unitId, String segmentKey, TaggedText source, TaggedText mt,
                              SegmentStatus status, boolean locked, String note, String spaceAfter,
                              String spaceBefore) {
    public ImportedSegment {
        status = status == null ? SegmentStatus.NEW : status;
        spaceAfter = spaceAfter == null ? "" : spaceAfter;
        spaceBefore = spaceBefore == null ? "" : spaceBefore;
        mt = mt == null ? TaggedText.EMPTY : mt;
    }

    public ImportedSegment(String unitId, String segmentKey, TaggedText source, TaggedText mt,
                           SegmentStatus status, boolean locked, String note, String spaceAfter) {
        this(unitId, segmentKey, source, mt, status, locked, note, spaceAfter, "");
    }
}
