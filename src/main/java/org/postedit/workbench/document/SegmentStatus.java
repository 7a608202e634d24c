package org.postedit.workbench.document;

/**
 * Where a segment stands in review. Mirrors XLIFF so every status survives a round trip:
 * new (raw MT) -> edited (post-editor) -> reviewed -> approved, or rejected.
 */
public enum SegmentStatus {
    NEW, EDITED, REVIEWED, APPROVED, REJECTED;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
