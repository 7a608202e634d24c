package org.postedit.workbench.review;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import org.postedit.workbench.check.CheckService;
import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Issue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the editor's draft off the UI thread each time the reviewer stops typing and pushes the result to the UI.
 * Only the newest draft's result is shown: an older draft's check that finishes late is dropped, so the underlines
 * never jump back to a text the reviewer has already changed.
 */
final class DraftChecks {

    private static final Logger log = LoggerFactory.getLogger(DraftChecks.class);

    private final CheckService checks;
    private final AtomicLong latest = new AtomicLong();

    DraftChecks(CheckService checks) {
        this.checks = checks;
    }

    /**
     * Checks the draft in the background and hands the issues to {@code onResult} on the UI's thread (under its
     * lock), unless a newer draft was sent meanwhile or {@link #cancel()} was called.
     */
    void check(UI ui, CheckedText draft, Consumer<List<Issue>> onResult) {
        long request = latest.incrementAndGet();
        Thread.ofVirtual().name("draft-check").start(() -> {
            List<Issue> found;
            try {
                found = checks.checkDraft(draft);
            } catch (RuntimeException e) {
                log.warn("Draft check of segment {} of document {} failed", draft.segmentId(), draft.documentId(), e);
                found = List.of();
            }
            if (latest.get() != request) {
                return;
            }
            List<Issue> result = found;
            ui.access(() -> {
                if (latest.get() == request) {
                    onResult.accept(result);
                }
            });
        });
    }

    /** Drops the results of checks under way (the editor closed or moved to another segment). */
    void cancel() {
        latest.incrementAndGet();
    }
}
