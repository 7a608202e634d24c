package org.postedit.workbench.review.effort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Post-editing effort of a document: what a manager reads to judge the MT. Segments still "new" have not been
 * post-edited and are left out of the averages and the distribution.
 */
public record EffortReport(long documentId, String documentName, List<SegmentEffort> segments) {

    /** Upper bounds (inclusive) of the TER bands in {@link #terDistribution()}; the last band is open. */
    static final double[] TER_BANDS = {0, 0.1, 0.3, 0.5, 1.0};

    public EffortReport {
        segments = List.copyOf(segments);
    }

    public List<SegmentEffort> postEdited() {
        return segments.stream().filter(SegmentEffort::postEdited).toList();
    }

    public int postEditedCount() {
        return postEdited().size();
    }

    /** Post-edited (confirmed) segments whose target is still exactly the MT: the MT was right. */
    public int unchangedCount() {
        return (int) postEdited().stream().filter(SegmentEffort::unchanged).count();
    }

    public long charEdits() {
        return postEdited().stream().mapToLong(SegmentEffort::charEdits).sum();
    }

    public long wordEdits() {
        return postEdited().stream().mapToLong(SegmentEffort::wordEdits).sum();
    }

    public long targetWords() {
        return postEdited().stream().mapToLong(s -> Math.max(0, s.targetWords())).sum();
    }

    /** Document-level TER: all word edits over all target words of the post-edited segments (as tercom sums). */
    public double ter() {
        long words = targetWords();
        return words == 0 ? 0 : (double) wordEdits() / words;
    }

    /** The mean of the segments' own TER: weighs short and long segments alike. */
    public double averageSegmentTer() {
        return postEdited().stream().mapToDouble(SegmentEffort::ter).average().orElse(0);
    }

    public double averageCharEdits() {
        return postEdited().stream().mapToInt(SegmentEffort::charEdits).average().orElse(0);
    }

    public long editingMillis() {
        return segments.stream().mapToLong(SegmentEffort::editingMillis).sum();
    }

    /** Average time per post-edited segment. */
    public long averageEditingMillis() {
        int n = postEditedCount();
        return n == 0 ? 0 : editingMillis() / n;
    }

    /** How many post-edited segments fall in each TER band ("0", "≤ 0.1", …, "> 1"). */
    public Map<String, Integer> terDistribution() {
        Map<String, Integer> bands = new LinkedHashMap<>();
        bands.put("0 (unchanged)", 0);
        for (int i = 1; i < TER_BANDS.length; i++) {
            bands.put(label(TER_BANDS[i - 1], TER_BANDS[i]), 0);
        }
        bands.put("> " + format(TER_BANDS[TER_BANDS.length - 1]), 0);
        for (SegmentEffort s : postEdited()) {
            bands.merge(band(s.ter()), 1, Integer::sum);
        }
        return bands;
    }

    static String band(double ter) {
        if (ter <= TER_BANDS[0]) {
            return "0 (unchanged)";
        }
        for (int i = 1; i < TER_BANDS.length; i++) {
            if (ter <= TER_BANDS[i]) {
                return label(TER_BANDS[i - 1], TER_BANDS[i]);
            }
        }
        return "> " + format(TER_BANDS[TER_BANDS.length - 1]);
    }

    private static String label(double from, double to) {
        return format(from) + "–" + format(to);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((int) value) : String.valueOf(value);
    }
}
