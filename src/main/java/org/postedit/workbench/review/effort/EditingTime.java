package org.postedit.workbench.review.effort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time one reviewer spends in one segment's editor, measured on the server from the editor's events (opened,
 * typed, saved or left): the sum of the gaps between consecutive events, each gap capped at
 * {@link #IDLE_CAP}, so a reviewer who leaves for lunch with the editor open counts one minute, not an hour.
 * One instance per open editor; not thread-safe (a Vaadin UI is used by one thread at a time).
 */
public final class EditingTime {

    public static final Duration IDLE_CAP = Duration.ofSeconds(60);

    private final Clock clock;
    private long segmentId = -1;
    private Instant last;
    private long millis;

    public EditingTime(Clock clock) {
        this.clock = clock;
    }

    /** The editor opened on a segment; a segment still open is closed first and its time returned. */
    public Spent open(long segment) {
        Spent previous = close();
        segmentId = segment;
        last = clock.instant();
        millis = 0;
        return previous;
    }

    /** Input, a shortcut, a save: the reviewer is working on the open segment. */
    public void activity() {
        if (segmentId < 0) {
            return;
        }
        Instant now = clock.instant();
        long gap = Duration.between(last, now).toMillis();
        millis += Math.max(0, Math.min(gap, IDLE_CAP.toMillis()));
        last = now;
    }

    /** The editor closed (saved, cancelled, left): the time spent on its segment, or {@link Spent#NOTHING}. */
    public Spent close() {
        if (segmentId < 0) {
            return Spent.NOTHING;
        }
        activity();
        Spent spent = new Spent(segmentId, millis);
        segmentId = -1;
        millis = 0;
        return spent;
    }

    public boolean isOpen() {
        return segmentId >= 0;
    }

    /** @param segmentId -1 for nothing */
    public record Spent(long segmentId, long millis) {
        public static final Spent NOTHING = new Spent(-1, 0);
    }
}
