package org.postedit.workbench.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.postedit.workbench.document.SegmentsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who is looking at which document right now: which segment each open editor is on, and a fan-out of committed
 * changes to every open grid of the document. In memory, per application instance: grids served by another
 * instance behind a load balancer see these changes only when they reload (docs/operations.md).
 */
@Component
public class ReviewActivity {

    private static final Logger log = LoggerFactory.getLogger(ReviewActivity.class);

    /** What an open grid is told. Called on the thread that committed; implementations hand over, never block. */
    public interface Listener {
        void segmentsChanged(SegmentsChanged change);

        /** Someone started or stopped editing these segments. */
        void editingChanged(Set<Long> segmentIds);
    }

    /** An open editor: who, on which segment; {@code editorKey} tells two tabs of one user apart. */
    public record Editing(long documentId, long segmentId, String user, String editorKey) {
    }

    private final Map<Long, List<Subscription>> listeners = new ConcurrentHashMap<>();
    /** editorKey -> what that editor is on */
    private final Map<String, Editing> editing = new ConcurrentHashMap<>();

    private record Subscription(String editorKey, Listener listener) {
    }

    /** @return call it to stop listening (the grid's detach) */
    public Runnable subscribe(long documentId, String editorKey, Listener listener) {
        Subscription subscription = new Subscription(editorKey, listener);
        listeners.computeIfAbsent(documentId, id -> new CopyOnWriteArrayList<>()).add(subscription);
        return () -> {
            listeners.computeIfPresent(documentId, (id, list) -> {
                list.remove(subscription);
                return list.isEmpty() ? null : list;
            });
            stopEditing(editorKey);
        };
    }

    public void startEditing(long documentId, long segmentId, String user, String editorKey) {
        Editing previous = editing.put(editorKey, new Editing(documentId, segmentId, user, editorKey));
        if (previous != null && previous.documentId() != documentId) {
            tellEditing(previous.documentId(), Set.of(previous.segmentId()), editorKey);
            tellEditing(documentId, Set.of(segmentId), editorKey);
        } else {
            tellEditing(documentId, previous == null || previous.segmentId() == segmentId ? Set.of(segmentId)
                    : Set.of(previous.segmentId(), segmentId), editorKey);
        }
    }

    public void stopEditing(String editorKey) {
        Editing previous = editing.remove(editorKey);
        if (previous != null) {
            tellEditing(previous.documentId(), Set.of(previous.segmentId()), editorKey);
        }
    }

    /** Who else (not the editor with {@code editorKey}) has this segment open, if anyone. */
    public Optional<String> editedBy(long segmentId, String exceptEditorKey) {
        return editing.values().stream()
                .filter(e -> e.segmentId() == segmentId && !e.editorKey().equals(exceptEditorKey))
                .map(Editing::user).sorted().distinct().reduce((a, b) -> a + ", " + b);
    }

    /** After the transaction that changed segments commits (or at once outside a transaction). */
    @TransactionalEventListener(fallbackExecution = true)
    public void on(SegmentsChanged change) {
        for (Subscription s : listeners.getOrDefault(change.documentId(), List.of())) {
            try {
                s.listener().segmentsChanged(change);
            } catch (RuntimeException e) {
                // one broken grid (a closed session) must not stop the others from hearing of the change
                log.debug("A grid of document {} could not be told of a change", change.documentId(), e);
            }
        }
    }

    private void tellEditing(long documentId, Set<Long> segmentIds, String editorKey) {
        for (Subscription s : listeners.getOrDefault(documentId, List.of())) {
            if (s.editorKey().equals(editorKey)) {
                continue;
            }
            try {
                s.listener().editingChanged(segmentIds);
            } catch (RuntimeException e) {
                log.debug("A grid of document {} could not be told who edits", documentId, e);
            }
        }
    }
}
