package org.postedit.workbench.document.okapi;

import java.util.Locale;

import org.postedit.workbench.document.SegmentStatus;

/**
 * Maps what a bilingual file says about a translation's progress to the review status. The table is in
 * docs/formats.md. An empty target is always NEW: there is nothing to review yet, whatever the file claims.
 */
final class FileStatus {

    private FileStatus() {
    }

    /**
     * XLIFF 1.2: {@code approved="yes"} on the trans-unit, else the target's {@code state}. XLIFF 1.2 has no
     * "reviewed" or "rejected" state; {@code x-reviewed} and {@code x-rejected} (and the same without "x-") are read
     * so that what the workbench writes comes back. A translated or to-be-reviewed target that a machine supplied
     * ({@code state-qualifier="mt-suggestion"}, "leveraged-...", "...-match") is still raw MT: NEW.
     */
    static SegmentStatus xliff12(String approved, String state, String stateQualifier, boolean emptyTarget) {
        if (emptyTarget) {
            return SegmentStatus.NEW;
        }
        if ("yes".equalsIgnoreCase(strip(approved))) {
            return SegmentStatus.APPROVED;
        }
        return switch (normalized(state)) {
            case "final", "signed-off" -> SegmentStatus.APPROVED;
            case "x-reviewed", "reviewed" -> SegmentStatus.REVIEWED;
            case "x-rejected", "rejected" -> SegmentStatus.REJECTED;
            case "translated", "needs-review-translation", "needs-review-l10n", "needs-review-adaptation" ->
                    isMachineSupplied(stateQualifier) ? SegmentStatus.NEW : SegmentStatus.EDITED;
            default -> SegmentStatus.NEW;  // new, needs-translation, needs-l10n, needs-adaptation, none
        };
    }

    private static boolean isMachineSupplied(String stateQualifier) {
        String qualifier = normalized(stateQualifier);
        return qualifier.equals("mt-suggestion") || qualifier.startsWith("leveraged-")
                || qualifier.endsWith("-match");
    }

    /**
     * XLIFF 2: the segment's {@code state}. Okapi 1.48 hands "reviewed" over as "signed-off"; both are read. A
     * {@code subState} ending in ":rejected" marks a rejected segment.
     */
    static SegmentStatus xliff2(String state, String subState, boolean emptyTarget) {
        if (emptyTarget) {
            return SegmentStatus.NEW;
        }
        if (subState != null && subState.toLowerCase(Locale.ROOT).endsWith(":rejected")) {
            return SegmentStatus.REJECTED;
        }
        return switch (normalized(state)) {
            case "translated" -> SegmentStatus.EDITED;
            case "reviewed", "signed-off" -> SegmentStatus.REVIEWED;
            case "final" -> SegmentStatus.APPROVED;
            default -> SegmentStatus.NEW;  // initial, none
        };
    }

    /** PO: a translated entry is EDITED unless it is marked fuzzy (Okapi: approved="no"), which stays NEW. */
    static SegmentStatus po(String approved, boolean emptyTarget) {
        if (emptyTarget || "no".equalsIgnoreCase(strip(approved))) {
            return SegmentStatus.NEW;
        }
        return SegmentStatus.EDITED;
    }

    private static String normalized(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
