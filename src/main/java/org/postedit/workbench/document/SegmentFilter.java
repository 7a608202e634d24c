package org.postedit.workbench.document;

import java.util.Set;

/**
 * What the review grid asks for; every part is applied in SQL.
 *
 * @param statuses only segments in these statuses; empty means all
 * @param text     text to look for in source, MT or target; null or blank means no text filter
 * @param regex    whether {@code text} is a regular expression (else a case-insensitive substring)
 */
public record SegmentFilter(Set<SegmentStatus> statuses, String text, boolean regex) {

    public static final SegmentFilter ALL = new SegmentFilter(Set.of(), null, false);

    public SegmentFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
