package org.postedit.workbench.review.effort;

import java.util.Locale;

/** The per-segment effort of a document as CSV (RFC 4180, comma, header row), for spreadsheets. */
public final class EffortCsv {

    static final String HEADER = "ordinal,segment_id,status,unchanged,char_edits,word_edits,mt_words,target_words,"
            + "ter,editing_seconds";

    private EffortCsv() {
    }

    public static String write(EffortReport report) {
        StringBuilder csv = new StringBuilder(64 * (report.segments().size() + 1));
        csv.append(HEADER).append("\r\n");
        for (SegmentEffort s : report.segments()) {
            csv.append(s.ordinal()).append(',')
                    .append(s.segmentId()).append(',')
                    .append(s.status().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(s.unchanged()).append(',')
                    .append(s.charEdits()).append(',')
                    .append(s.wordEdits()).append(',')
                    .append(Math.max(0, s.mtWords())).append(',')
                    .append(Math.max(0, s.targetWords())).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", s.ter())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", s.editingMillis() / 1000.0))
                    .append("\r\n");
        }
        return csv.toString();
    }
}
