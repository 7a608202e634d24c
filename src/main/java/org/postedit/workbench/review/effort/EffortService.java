package org.postedit.workbench.review.effort;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentNotFoundException;
import org.postedit.workbench.document.DocumentRepository;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentRepository;
import org.postedit.workbench.document.TaggedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post-editing effort: edit distances between MT and target (recorded with every version the review service
 * writes) and time spent in the editor (reported by the review grid), per segment and per document.
 */
@Service
public class EffortService {

    private final EffortRepository effort;
    private final SegmentRepository segments;
    private final DocumentRepository documents;
    private final Clock clock;

    public EffortService(EffortRepository effort, SegmentRepository segments, DocumentRepository documents,
                         Clock clock) {
        this.effort = effort;
        this.segments = segments;
        this.documents = documents;
        this.clock = clock;
    }

    /** Called by the review service in the transaction that writes the new target. */
    @Transactional
    public void recordDistances(long segmentId, TaggedText mt, TaggedText target) {
        effort.saveDistances(segmentId, EditDistances.between(mt, target));
    }

    /** Adds editing time to a segment; nothing for no time. */
    @Transactional
    public void addEditingTime(long segmentId, Duration spent) {
        if (spent.isPositive()) {
            effort.addEditingTime(segmentId, spent.toMillis());
        }
    }

    /** A merge: the time spent on the absorbed segment counts for the one that holds its text now. */
    @Transactional
    public void moveEditingTime(long fromSegmentId, long toSegmentId) {
        SegmentEffort from = effort.forSegments(java.util.List.of(fromSegmentId)).get(fromSegmentId);
        if (from != null && from.editingMillis() > 0) {
            effort.addEditingTime(toSegmentId, from.editingMillis());
            effort.addEditingTime(fromSegmentId, -from.editingMillis());
        }
    }

    /** A stopwatch for one grid's editor; the grid reports what it measured with {@link #addEditingTime}. */
    public EditingTime stopwatch() {
        return new EditingTime(clock);
    }

    public Map<Long, SegmentEffort> forSegments(Collection<Long> segmentIds) {
        return effort.forSegments(segmentIds);
    }

    public EffortReport report(long documentId) {
        Document document = documents.find(documentId).orElseThrow(() -> new DocumentNotFoundException(documentId));
        List<SegmentEffort> rows = new ArrayList<>(effort.forDocument(documentId));
        for (int i = 0; i < rows.size(); i++) {
            SegmentEffort row = rows.get(i);
            if (!row.measured()) {
                // changed before effort was recorded, or never changed: measure now (unchanged ones cost nothing)
                Segment segment = row.unchanged() ? null : segments.find(row.segmentId()).orElse(null);
                EditDistances distances = segment == null ? unchangedDistances(row)
                        : EditDistances.between(segment.mt(), segment.target());
                rows.set(i, row.withDistances(distances));
            }
        }
        return new EffortReport(documentId, document.name(), rows);
    }

    private EditDistances unchangedDistances(SegmentEffort row) {
        // word counts of an untouched segment are only needed for the averages of post-edited ones
        if (!row.postEdited()) {
            return new EditDistances(0, 0, 0, 0, 0, 0);
        }
        Segment segment = segments.find(row.segmentId()).orElseThrow();
        return EditDistances.between(segment.mt(), segment.target());
    }
}
