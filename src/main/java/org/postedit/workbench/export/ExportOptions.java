package org.postedit.workbench.export;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.postedit.workbench.document.SegmentStatus;

/**
 * What to include in an export.
 *
 * @param statuses the statuses whose segments are written; empty means the format's default: approved only for
 *                 TMX, every segment for XLIFF. The original format always holds every segment (a file cannot
 *                 leave paragraphs out)
 * @param mtPairs  for TMX of an MT-only document (no source): export MT -> current English pairs; without it such a
 *                 document has no source to pair and the export is refused
 */
public record ExportOptions(Set<SegmentStatus> statuses, boolean mtPairs) {

    public static final ExportOptions DEFAULT = new ExportOptions(Set.of(), false);

    public ExportOptions {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** The statuses this export writes in the given format. */
    public Set<SegmentStatus> statusesFor(ExportFormat format) {
        if (!statuses.isEmpty() && format != ExportFormat.ORIGINAL) {
            return statuses;
        }
        return format == ExportFormat.TMX ? EnumSet.of(SegmentStatus.APPROVED) : EnumSet.allOf(SegmentStatus.class);
    }

    /** Parses "approved,reviewed" or "all" (case-insensitive); blank means the format's default (empty set). */
    public static Set<SegmentStatus> parseStatuses(String value) {
        Set<SegmentStatus> statuses = EnumSet.noneOf(SegmentStatus.class);
        if (value == null || value.isBlank()) {
            return statuses;
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
