package org.postedit.workbench.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives segments imported before repetition keys existed their key, once, at start-up. The normalisation is Java
 * (Unicode NFC), which portable SQL cannot do, so the migration only adds the column and this fills it.
 */
@Component
class RepetitionKeys {

    private static final Logger log = LoggerFactory.getLogger(RepetitionKeys.class);
    private static final int BATCH = 1000;

    private final SegmentRepository segments;

    RepetitionKeys(SegmentRepository segments) {
        this.segments = segments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillMissing() {
        int filled = 0;
        for (List<Segment> batch = segments.withoutRepetitionKey(BATCH); !batch.isEmpty();
             batch = segments.withoutRepetitionKey(BATCH)) {
            Map<Long, String> keys = new HashMap<>();
            for (Segment segment : batch) {
                keys.put(segment.id(), RepetitionKey.of(segment.source(), segment.mt()));
            }
            segments.setRepetitionKeys(keys);
            filled += batch.size();
        }
        if (filled > 0) {
            log.info("Repetition keys written for {} segments imported before they existed", filled);
        }
    }
}
