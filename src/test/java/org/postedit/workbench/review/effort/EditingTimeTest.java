package org.postedit.workbench.review.effort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class EditingTimeTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void sumsTheGapsBetweenEventsAndCapsIdleGapsAtAMinute() {
        HandClock clock = new HandClock();
        EditingTime time = new EditingTime(clock);
        time.open(7);
        clock.advance(Duration.ofSeconds(5));
        time.activity();                       // 5 s
        clock.advance(Duration.ofSeconds(20));
        time.activity();                       // 20 s
        clock.advance(Duration.ofMinutes(30)); // lunch: counts 60 s
        time.activity();
        clock.advance(Duration.ofSeconds(3));
        EditingTime.Spent spent = time.close(); // 3 s
        assertThat(spent.segmentId()).isEqualTo(7);
        assertThat(spent.millis()).isEqualTo(Duration.ofSeconds(5 + 20 + 60 + 3).toMillis());
        assertThat(time.isOpen()).isFalse();
        assertThat(time.close()).isEqualTo(EditingTime.Spent.NOTHING);
    }

    @Test
    void openingAnotherSegmentClosesTheFirst() {
        HandClock clock = new HandClock();
        EditingTime time = new EditingTime(clock);
        time.open(1);
        clock.advance(Duration.ofSeconds(12));
        EditingTime.Spent first = time.open(2);
        assertThat(first).isEqualTo(new EditingTime.Spent(1, 12_000));
        clock.advance(Duration.ofSeconds(2));
        assertThat(time.close()).isEqualTo(new EditingTime.Spent(2, 2_000));
        time.activity(); // nothing open: ignored
        assertThat(time.close()).isEqualTo(EditingTime.Spent.NOTHING);
    }
}
