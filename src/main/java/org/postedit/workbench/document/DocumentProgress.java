package org.postedit.workbench.document;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A document with its segment counts per status: what the document list and the API show. */
public record DocumentProgress(Document document, Map<SegmentStatus, Integer> counts) {

    public DocumentProgress {
        EnumMap<SegmentStatus, Integer> all = new EnumMap<>(SegmentStatus.class);
        for (SegmentStatus status : SegmentStatus.values()) {
            all.put(status, counts.getOrDefault(status, 0));
        }
        counts = Collections.unmodifiableMap(all);
    }

    public int count(SegmentStatus status) {
        return counts.get(status);
    }

    /** Share of segments past raw MT (edited, reviewed or approved), 0..1. */
    public double doneShare() {
        int total = document.segmentCount();
        if (total == 0) {
            return 0;
        }
        return (double) (count(SegmentStatus.EDITED) + count(SegmentStatus.REVIEWED)
                + count(SegmentStatus.APPROVED)) / total;
    }
}
