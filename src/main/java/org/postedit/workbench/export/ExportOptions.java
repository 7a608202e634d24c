package org.postedit.workbench.export;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.postedit.workbench.document.SegmentStatus;

/**
 * What to include in an export.
 *
 * @param statuses for TMX: the statuses whose segments become translation units (default: approved only); the
 *                 XLIFF and original-format exports always hold every segment
 * @param mtPairs  for TMX of an MT-only document (no source): export MT -> current English pairs; without it such a
 *                 document has no source to pair and the export is refused
 */
public record ExportOptions(Set<SegmentStatus> statuses, boolean mtPairs) {

    public static final ExportOptions DEFAULT = new ExportOptions(EnumSet.of(SegmentStatus.APPROVED), false);

    public ExportOptions {
        statuses = statuses == null || statuses.isEmpty() ? EnumSet.of(SegmentStatus.APPROVED)
                : EnumSet.copyOf(statuses);
    }

    /** Parses "approved,reviewed" (case-insensitive); blank means the default. */
    public static Set<SegmentStatus> parseStatuses(String value) {
        Set<SegmentStatus> statuses = EnumSet.noneOf(SegmentStatus.class);
        if (value == null || value.isBlank()) {
            return EnumSet.of(SegmentStatus.APPROVED);
        }
        for (String part : value.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("ALL")) {
                statuses.addAll(EnumSet.allOf(SegmentStatus.class));
                continue;
            }
            try {
                statuses.add(SegmentStatus.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ExportRejectedException("Unknown status \"" + part.strip()
                        + "\". Use new, edited, reviewed, approved, rejected or all, separated by commas.");
            }
        }
        return statuses;
    }
}
