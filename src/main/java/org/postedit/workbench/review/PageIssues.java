package org.postedit.workbench.review;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.check.CheckService;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.document.Segment;

/**
 * The open issues of the grid rows the client has fetched, read with one query per page as the data provider
 * fetches it (never one per row), so the count column and the underlines render from memory. Bounded: a reviewer
 * scrolling through 50,000 segments keeps only the most recent rows; a row rendered after its entry was dropped
 * reads its own issues.
 */
final class PageIssues {

    private static final int MAX_ROWS = 2_000;

    private final CheckService checks;
    /** Issues per segment id, for the segment's target as it was read (same version). */
    private final Map<Long, Row> rows = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Row> eldest) {
            return size() > MAX_ROWS;
        }
    };

    private record Row(int version, List<Issue> issues) {
    }

    PageIssues(CheckService checks) {
        this.checks = checks;
    }

    /** Reads the issues of a page of rows in one query; returns the page for the data provider. */
    List<Segment> prefetch(List<Segment> page) {
        if (!page.isEmpty()) {
            Map<Long, List<Issue>> found = checks.openIssuesOfCurrentTexts(page);
            for (Segment segment : page) {
                rows.put(segment.id(), new Row(segment.version(), found.getOrDefault(segment.id(), List.of())));
            }
        }
        return page;
    }

    /** Reads the issues of these rows again (their checks finished), in one query. */
    void reload(Collection<Segment> segments) {
        prefetch(List.copyOf(segments));
    }

    /** Takes the issues a draft check found in exactly the text just saved, until the stored check confirms them. */
    void remember(Segment saved, List<Issue> issues) {
        rows.put(saved.id(), new Row(saved.version(), List.copyOf(issues)));
    }

    /** The open issues of a row's current target. */
    List<Issue> issues(Segment segment) {
        Row entry = rows.get(segment.id());
        if (entry == null || entry.version() != segment.version()) {
            prefetch(List.of(segment));
            entry = rows.get(segment.id());
        }
        return entry.issues();
    }

    boolean isLoaded(long segmentId) {
        return rows.containsKey(segmentId);
    }

    void forgetAll() {
        rows.clear();
    }
}
