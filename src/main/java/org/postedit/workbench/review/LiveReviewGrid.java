package org.postedit.workbench.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentsChanged;
import org.postedit.workbench.review.effort.EditingTime;
import org.postedit.workbench.review.effort.EffortService;

/**
 * Makes a review grid live (pushed, see {@code ui.AppShell}): rows other people save refresh and flash, segments
 * someone else has open show who, and this grid's own editor announces which segment it is on. It also times
 * the editor for the post-editing effort. The row in this user's open editor is never replaced under them: their
 * draft stays, they are told, and their save meets the usual conflict dialog.
 */
final class LiveReviewGrid implements ReviewActivity.Listener {

    /** Bulk changes beyond this many rows refresh the whole grid instead of row by row. */
    private static final int ROW_REFRESH_LIMIT = 100;
    static final Duration FLASH = Duration.ofSeconds(4);

    private final Grid<Segment> grid;
    private final ReviewService review;
    private final ReviewActivity activity;
    private final EffortService effort;
    private final EditingTime stopwatch;
    private final Clock clock;
    private final String user;
    private final String editorKey = UUID.randomUUID().toString();
    /** rows changed by others, with when: their row flashes for a moment */
    private final Map<Long, Instant> changedByOthers = new ConcurrentHashMap<>();
    private long documentId = -1;
    private Runnable unsubscribe = () -> { };
    private UI ui;
    /** rows still to refresh: the one in this user's open editor waits until it closes */
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private boolean refreshAllLater;

    LiveReviewGrid(Grid<Segment> grid, SegmentEditor editor, SegmentInfoColumn info, ReviewService review,
                   ReviewActivity activity, EffortService effort, Clock clock, String user) {
        this.grid = grid;
        this.review = review;
        this.activity = activity;
        this.effort = effort;
        this.stopwatch = effort.stopwatch();
        this.clock = clock;
        this.user = user;
        info.editedBy(id -> activity.editedBy(id, editorKey));
        grid.setPartNameGenerator(this::partNames);
        grid.getEditor().addOpenListener(e -> opened(e.getItem()));
        grid.getEditor().addCloseListener(e -> closed());
        editor.addInputListener(e -> stopwatch.activity());
        editor.addSaveListener(e -> stopwatch.activity());
        grid.addAttachListener(e -> {
            ui = e.getUI();
            subscribe();
        });
        grid.addDetachListener(e -> {
            flushTime();
            unsubscribe.run();
            unsubscribe = () -> { };
        });
    }

    /** The grid now shows this document. */
    void watch(long documentId) {
        this.documentId = documentId;
        subscribe();
    }

    private void subscribe() {
        unsubscribe.run();
        unsubscribe = () -> { };
        if (documentId >= 0 && grid.isAttached()) {
            ui = grid.getUI().orElse(ui);
            unsubscribe = activity.subscribe(documentId, editorKey, this);
        }
    }

    private void opened(Segment segment) {
        record(stopwatch.open(segment.id()));
        if (documentId >= 0) {
            activity.startEditing(documentId, segment.id(), user, editorKey);
        }
    }

    private void closed() {
        activity.stopEditing(editorKey);
        flushTime();
        refreshPending();
    }

    private void flushTime() {
        record(stopwatch.close());
    }

    private void record(EditingTime.Spent spent) {
        if (spent.segmentId() >= 0 && spent.millis() > 0) {
            try {
                effort.addEditingTime(spent.segmentId(), Duration.ofMillis(spent.millis()));
            } catch (RuntimeException e) {
                // the segment may be gone with its document; losing a few seconds of timing must not hurt the edit
                org.slf4j.LoggerFactory.getLogger(LiveReviewGrid.class)
                        .warn("Editing time of segment {} not recorded", spent.segmentId(), e);
            }
        }
    }

    @Override
    public void segmentsChanged(SegmentsChanged change) {
        if (ui != null && UI.getCurrent() == ui) {
            // committed by this very page: the view refreshes its own rows
            return;
        }
        access(() -> {
            Segment editing = grid.getEditor().isOpen() ? grid.getEditor().getItem() : null;
            boolean byOthers = !user.equals(change.user());
            if (change.wholeDocument() || change.reordered() || change.segmentIds().size() > ROW_REFRESH_LIMIT) {
                refreshAllLater = true;
                refreshPending();
                return;
            }
            for (long id : change.segmentIds()) {
                if (editing != null && editing.id() == id && byOthers) {
                    Notification.show(change.user() + " just saved segment " + editing.ordinal()
                            + ". Your draft stays; saving it will show both versions.", 6000,
                            Notification.Position.TOP_CENTER);
                }
                if (byOthers) {
                    changedByOthers.put(id, clock.instant());
                }
                pending.add(id);
            }
            refreshPending();
        });
    }

    @Override
    public void editingChanged(Set<Long> segmentIds) {
        access(() -> {
            pending.addAll(segmentIds);
            refreshPending();
        });
    }

    /**
     * Refreshes the rows that changed, also while this user's editor is open ({@link RowRedraw}: the open editor
     * keeps its caret, draft, undo history and focus). The row in the editor itself waits until the editor closes
     * (re-rendering it would replace the draft; the user's save meets the conflict dialog instead), and so does a
     * refresh of the whole grid, which re-renders every row.
     */
    private void refreshPending() {
        Segment editing = grid.getEditor().isOpen() ? grid.getEditor().getItem() : null;
        if (refreshAllLater && editing == null) {
            refreshAllLater = false;
            pending.clear();
            grid.getDataProvider().refreshAll();
            return;
        }
        for (Long id : List.copyOf(pending)) {
            if (editing == null || editing.id() != id) {
                pending.remove(id);
                refresh(id);
            }
        }
    }

    private void refresh(long segmentId) {
        try {
            RowRedraw.of(grid, review.segment(segmentId));
        } catch (SegmentNotFoundException gone) {
            if (grid.getEditor().isOpen()) {
                refreshAllLater = true;
            } else {
                grid.getDataProvider().refreshAll();
            }
        }
    }

    private String partNames(Segment segment) {
        StringBuilder parts = new StringBuilder();
        Instant changed = changedByOthers.get(segment.id());
        if (changed != null) {
            if (Duration.between(changed, clock.instant()).compareTo(FLASH) < 0) {
                parts.append("live-changed ");
            } else {
                changedByOthers.remove(segment.id());
            }
        }
        if (activity.editedBy(segment.id(), editorKey).isPresent()) {
            parts.append("being-edited");
        }
        String names = parts.toString().strip();
        return names.isEmpty() ? null : names;
    }

    /**
     * Runs a change on this grid's UI from a worker thread: the notifying thread is serving another user's page,
     * and running this page's work inside that request (UI.access does when it can take the lock at once) would
     * disturb the other page's response, e.g. its editor opening on the next segment. Every change re-reads what it
     * shows, so the order in which they arrive does not matter.
     */
    private void access(Runnable change) {
        UI target = ui;
        if (target != null) {
            CompletableFuture.runAsync(() -> target.access(change::run));
        }
    }

    String editorKey() {
        return editorKey;
    }
}
