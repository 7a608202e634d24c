package org.postedit.workbench.review;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.review.effort.SegmentEffort;
import org.postedit.workbench.review.effort.EffortService;

/**
 * The grid's narrow "info" column: who else is editing the segment, how many repetitions it has, and its
 * post-editing effort (TER and time, details on hover). Repetition counts and effort are read for a whole page in
 * two queries when the grid fetches it ({@link #prefetch}), not row by row.
 */
final class SegmentInfoColumn {

    private final DocumentService documents;
    private final EffortService effort;
    private final Map<Long, Integer> repetitions = new ConcurrentHashMap<>();
    /** effort by segment id, with the segment version it was read at */
    private final Map<Long, Cached> efforts = new ConcurrentHashMap<>();
    private Function<Long, Optional<String>> editedBy = id -> Optional.empty();

    private record Cached(int version, SegmentEffort effort) {
    }

    SegmentInfoColumn(Grid<Segment> grid, DocumentService documents, EffortService effort) {
        this.documents = documents;
        this.effort = effort;
        grid.addColumn(LitRenderer.<Segment>of("""
                        <div class="segment-info">
                          <span class="editing-by" ?hidden=${!item.editing} title="${item.editingTitle}">✎ ${item.editing}</span>
                          <span class="repetition" ?hidden=${!item.repetitions} title="${item.repetitionTitle}">⟳ ${item.repetitions}</span>
                          <span class="effort" ?hidden=${!item.effort} title="${item.effortTitle}">${item.effort}</span>
                        </div>""")
                        .withProperty("editing", s -> editedBy.apply(s.id()).orElse(""))
                        .withProperty("editingTitle", s -> editedBy.apply(s.id())
                                .map(u -> "Being edited by " + u).orElse(""))
                        .withProperty("repetitions", s -> repetitionCount(s) > 1 ? repetitionCount(s) : null)
                        .withProperty("repetitionTitle", s -> "Repetition: " + repetitionCount(s)
                                + " segments have this " + (s.source() == null ? "MT" : "source"))
                        .withProperty("effort", s -> effortOf(s).map(SegmentInfoColumn::shortEffort).orElse(""))
                        .withProperty("effortTitle", s -> effortOf(s).map(SegmentInfoColumn::effortDetails)
                                .orElse("")))
                .setHeader("Info").setKey("info").setWidth("7rem").setFlexGrow(0);
    }

    void editedBy(Function<Long, Optional<String>> editedBy) {
        this.editedBy = editedBy;
    }

    /** Reads repetition counts and effort for a page the grid fetched; returns the page. */
    List<Segment> prefetch(List<Segment> page) {
        if (page.isEmpty()) {
            return page;
        }
        List<Long> ids = page.stream().map(Segment::id).toList();
        Map<Long, Integer> counts = documents.repetitionCounts(ids);
        Map<Long, SegmentEffort> found = effort.forSegments(ids);
        for (Segment s : page) {
            repetitions.put(s.id(), counts.getOrDefault(s.id(), 1));
            efforts.put(s.id(), new Cached(s.version(), found.get(s.id())));
        }
        return page;
    }

    int repetitionCount(Segment segment) {
        return repetitions.computeIfAbsent(segment.id(),
                id -> documents.repetitionCounts(List.of(id)).getOrDefault(id, 1));
    }

    private Optional<SegmentEffort> effortOf(Segment segment) {
        Cached cached = efforts.get(segment.id());
        if (cached == null || cached.version() != segment.version()) {
            // a row refreshed after a save: read its new effort
            cached = new Cached(segment.version(), effort.forSegments(List.of(segment.id())).get(segment.id()));
            efforts.put(segment.id(), cached);
        }
        return Optional.ofNullable(cached.effort()).filter(e -> e.postEdited() || e.editingMillis() > 0);
    }

    static String shortEffort(SegmentEffort e) {
        String time = e.editingMillis() > 0 ? duration(e.editingMillis()) : "";
        if (!e.postEdited() || e.targetWords() < 0) {
            return time;
        }
        String ter = e.unchanged() ? "=MT" : String.format(Locale.ROOT, "TER %.2f", e.ter());
        return time.isEmpty() ? ter : ter + " · " + time;
    }

    static String effortDetails(SegmentEffort e) {
        StringBuilder text = new StringBuilder();
        if (e.unchanged()) {
            text.append("Target unchanged from the MT. ");
        } else if (e.targetWords() >= 0) {
            text.append("%d character edits; %d word edits (TER %.2f, shifts included) for %d words. "
                    .formatted(e.charEdits(), e.wordEdits(), e.ter(), e.targetWords()));
        }
        text.append("Time in the editor: ").append(duration(e.editingMillis()))
                .append(" (idle gaps over a minute count one minute).");
        return text.toString();
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        return d.toMinutes() > 0 ? "%dm %02ds".formatted(d.toMinutes(), d.toSecondsPart())
                : "%ds".formatted(Math.max(d.toSeconds(), millis > 0 ? 1 : 0));
    }
}
