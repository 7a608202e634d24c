package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithMockUser;

/** Versions are never lost or changed: not by the database, and not by reviewers racing each other. */
@SpringBootTest
@ActiveProfiles("test")
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "ann", roles = "APPROVER")
class VersionHistoryIntegrityTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnApprovedVersion() throws Exception {
        long id = importText("immutable.txt", "Approve this sentence.");
        Segment segment = documents.segments(id).getFirst();
        Segment approved = review.approve(segment.id(), segment.version(), "ann");
        assertThat(approved.status()).isEqualTo(SegmentStatus.APPROVED);

        assertThatThrownBy(() -> jdbc.sql("update segment_version set target_text = 'tampered' where segment_id = ?")
                .param(segment.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from segment_version where segment_id = ?")
                .param(segment.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        assertThat(review.history(segment.id())).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(SegmentStatus.APPROVED);
            assertThat(v.target().coded()).isEqualTo("Approve this sentence.");
        });
    }

    /**
     * Twenty reviewers save and approve overlapping segments at once. Every acknowledged change is in the history,
     * each version number has exactly one winner, and every loser was told (a conflict), never silently dropped.
     */
    @Test
    void twentyConcurrentReviewersLoseNothing() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            text.append("Shared sentence number ").append(i).append(". ");
        }
        long id = importText("race.txt", text.toString());
        List<Segment> segments = documents.segments(id);
        record Ack(long segmentId, int version, String text, SegmentStatus status) {
        }
        List<Ack> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        int reviewers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(reviewers);
        CountDownLatch start = new CountDownLatch(1);
        for (int r = 0; r < reviewers; r++) {
            String name = "reviewer-" + r;
            pool.submit(() -> {
                start.await();
                // each reviewer signs in on its own thread: the service checks who writes
                return TestSecurity.runAs(context, name, () -> {
                    for (int round = 0; round < 25; round++) {
                        Segment target = segments.get(ThreadLocalRandom.current().nextInt(segments.size()));
                        Segment seen = review.segment(target.id());
                        try {
                            if (round % 5 == 4) {
                                Segment done = review.approve(seen.id(), seen.version(), name);
                                acknowledged.add(new Ack(done.id(), done.version(), done.target().coded(),
                                        done.status()));
                            } else {
                                String edit = name + " round " + round;
                                Segment done = review.save(seen.id(), seen.version(), TaggedText.plain(edit), name);
                                acknowledged.add(new Ack(done.id(), done.version(), edit, SegmentStatus.EDITED));
                            }
                        } catch (StaleSegmentException e) {
                            conflicts.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            throw e;
                        }
                    }
                    return null;
                }, "APPROVER");
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        assertThat(failures.get()).isZero();
        assertThat(acknowledged.size() + conflicts.get()).isEqualTo(reviewers * 25);
        assertThat(conflicts.get()).as("overlapping saves must have collided").isPositive();
        Map<Long, Map<Integer, SegmentVersion>> history = new ConcurrentHashMap<>();
        for (Segment segment : segments) {
            Map<Integer, SegmentVersion> byVersion = new java.util.HashMap<>();
            for (SegmentVersion v : review.history(segment.id())) {
                assertThat(byVersion.put(v.version(), v)).as("one winner per version").isNull();
            }
            history.put(segment.id(), byVersion);
            // versions are 1..n without holes, and the segment shows the last one
            assertThat(byVersion.keySet()).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, byVersion.size()).boxed().toList());
            assertThat(review.segment(segment.id()).version()).isEqualTo(byVersion.size());
        }
        for (Ack ack : acknowledged) {
            SegmentVersion stored = history.get(ack.segmentId()).get(ack.version());
            assertThat(stored).as("acknowledged %s", ack).isNotNull();
            assertThat(stored.target().coded()).isEqualTo(ack.text());
            assertThat(stored.status()).isEqualTo(ack.status());
        }
        int stored = history.values().stream().mapToInt(Map::size).sum();
        assertThat(stored).isEqualTo(acknowledged.size());
    }

    private long importText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
    }
}
