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
     * so that other writers using them round-trip. The workbench's own export writes reviewed as
     * {@code state="signed-off"} with {@code approved="no"} and rejected as a {@code rejected-*} state-qualifier,
     * both read back here (docs/export.md). A translated or to-be-reviewed target that a machine supplied
     * ({@code state-qualifier="mt-suggestion"}, "leveraged-...", "...-match") is still raw MT: NEW.
     */
    static SegmentStatus xliff12(String approved, String state, String stateQualifier, boolean emptyTarget) {
        if (emptyTarget) {
            return SegmentStatus.NEW;
        }
        if ("yes".equalsIgnoreCase(strip(approved))) {
            return SegmentStatus.APPROVED;
        }
        String normalizedState = normalized(state);
        if ("no".equalsIgnoreCase(strip(approved)) && normalizedState.equals("signed-off")) {
            return SegmentStatus.REVIEWED;  // signed off by a reviewer, explicitly not approved: the export's reviewed
        }
        if (normalized(stateQualifier).startsWith("rejected-") && !normalizedState.equals("final")
                && !normalizedState.equals("signed-off")) {
            return SegmentStatus.REJECTED;  // rejected-inaccurate, -grammar, -length, -spelling
        }
        return switch (normalizedState) {
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
