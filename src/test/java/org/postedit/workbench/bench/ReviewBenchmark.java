package org.postedit.workbench.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.ReviewService;
import org.postedit.workbench.review.StaleSegmentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: save and approve latency (p50/p95) through ReviewService with 1 and with 20 concurrent reviewers on a
 * 50,000-segment document, beside a bare JDBC transaction doing the minimum (update the segment at its version,
 * insert the version row, commit) on the same database in the same run. See docs/benchmarks.md ("Review").
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles("test")
class ReviewBenchmark {

    private static final int SEGMENTS = 50_000;
    private static final int OPERATIONS_PER_RUN = 400;

    @Autowired
    ReviewService review;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @Test
    void saveAndApproveLatency() throws Exception {
        long documentId = fiftyThousandSegments();
        List<Long> ids = jdbc.sql("select id from segment where document_id = ? order by ordinal").param(documentId)
                .query(Long.class).list();
        System.out.printf(Locale.ROOT, "%nBENCH review: document %d with %d segments%n", documentId, ids.size());

        run("warm-up", 4, ids, 100); // JIT, connection pool, caches: not reported
        for (int reviewers : new int[] {1, 20}) {
            Result bare = bareJdbc(reviewers, ids);
            Result service = run("service", reviewers, ids, OPERATIONS_PER_RUN);
            System.out.printf(Locale.ROOT, "BENCH %2d reviewer(s): bare JDBC save p50 %.1f ms p95 %.1f ms | "
                            + "ReviewService save p50 %.1f ms p95 %.1f ms, approve p50 %.1f ms p95 %.1f ms | "
                            + "ratio save/bare p50 %.2f p95 %.2f | %d conflicts%n", reviewers,
                    bare.p(50, bare.saves), bare.p(95, bare.saves), service.p(50, service.saves),
                    service.p(95, service.saves), service.p(50, service.approvals), service.p(95, service.approvals),
                    service.p(50, service.saves) / bare.p(50, bare.saves),
                    service.p(95, service.saves) / bare.p(95, bare.saves), service.conflicts.get());
        }
    }

    /** Latencies in ms of saves and approvals. */
    record Result(double[] saves, double[] approvals, AtomicInteger conflicts) {
        double p(int percentile, double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1,
                    (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
        }
    }

    private Result run(String label, int reviewers, List<Long> ids, int operations) throws Exception {
        int each = Math.max(1, operations / reviewers);
        double[] saves = new double[each * reviewers];
        double[] approvals = new double[each * reviewers];
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(reviewers);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            int reviewer = r;
            done.add(pool.submit(() -> TestSecurity.runAs(context, "bench" + reviewer, () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < each; i++) {
                    long id = ids.get(random.nextInt(ids.size()));
                    Segment seen = review.segment(id);
                    try {
                        long t0 = System.nanoTime();
                        Segment saved = review.save(id, seen.version(), TaggedText.plain(seen.mt().plainText()
                                + " (edited by " + reviewer + ")"), "bench" + reviewer);
                        long t1 = System.nanoTime();
                        review.approve(id, saved.version(), "bench" + reviewer);
                        long t2 = System.nanoTime();
                        saves[reviewer * each + i] = (t1 - t0) / 1e6;
                        approvals[reviewer * each + i] = (t2 - t1) / 1e6;
                    } catch (StaleSegmentException raced) {
                        conflicts.incrementAndGet();
                    }
                }
                return null;
            }, "APPROVER", "REVIEWER")));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return new Result(saves, approvals, conflicts);
    }

    /** The floor: one transaction that updates the segment at its version and appends the version row. */
    private Result bareJdbc(int reviewers, List<Long> ids) throws Exception {
        int each = Math.max(1, OPERATIONS_PER_RUN / reviewers);
        double[] saves = new double[each * reviewers];
        ExecutorService pool = Executors.newFixedThreadPool(reviewers);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            int reviewer = r;
            done.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < each; i++) {
                    long id = ids.get(random.nextInt(ids.size()));
                    int version = jdbc.sql("select version from segment where id = ?").param(id)
                            .query(Integer.class).single();
                    long t0 = System.nanoTime();
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        try (PreparedStatement update = c.prepareStatement("update segment set target_text = ?,"
                                + " version = version + 1, updated_by = ?, updated_at = ? where id = ? and version = ?");
                             PreparedStatement insert = c.prepareStatement("insert into segment_version (segment_id,"
                                     + " version, target_text, status, author, created_at) values (?, ?, ?, ?, ?, ?)")) {
                            Timestamp now = Timestamp.from(Instant.now());
                            update.setString(1, "bare " + reviewer + " " + i);
                            update.setString(2, "bare");
                            update.setTimestamp(3, now);
                            update.setLong(4, id);
                            update.setInt(5, version);
                            if (update.executeUpdate() == 1) {
                                insert.setLong(1, id);
                                insert.setInt(2, version + 1);
                                insert.setString(3, "bare " + reviewer + " " + i);
                                insert.setString(4, "EDITED");
                                insert.setString(5, "bare");
                                insert.setTimestamp(6, now);
                                insert.executeUpdate();
                                c.commit();
                            } else {
                                c.rollback();
                            }
                        } catch (java.sql.SQLException e) {
                            c.rollback();
                        }
                    }
                    saves[reviewer * each + i] = (System.nanoTime() - t0) / 1e6;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return new Result(saves, new double[0], new AtomicInteger());
    }

    /** A 50,000-segment MT-only document, inserted in batches (import speed is ImportBenchmark's subject). */
    private long fiftyThousandSegments() {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into document (name, format, target_language, original_size, original_sha256, segment_count,"
                        + " imported_by, imported_at) values ('bench-review-50k.txt', 'PLAIN_TEXT', 'en-US', 0, '', ?,"
                        + " 'bench', ?)")
                .params(SEGMENTS, Timestamp.from(Instant.now())).update(key, "id");
        long documentId = key.getKey().longValue();
        String[] subjects = {"The delegation", "The committee", "Our partners", "The new policy", "The summit"};
        String[] verbs = {"discussed", "approved", "reviewed", "postponed", "welcomed"};
        String[] objects = {"the trade agreement", "the climate report", "the budget for 2024",
                "the cooperation plan", "the joint statement"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= SEGMENTS; i++) {
            String text = subjects[i % 5] + " " + verbs[(i / 5) % 5] + " " + objects[(i / 25) % 5] + " on day " + i + ".";
            rows.add(new Object[] {documentId, i, "u" + i, "s" + i, text, text, "NEW", Timestamp.from(Instant.now())});
            if (rows.size() == 1000 || i == SEGMENTS) {
                new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("insert into segment"
                        + " (document_id, ordinal, unit_id, segment_key, mt_text, target_text, status, version,"
                        + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, 'bench', ?)", rows);
                rows.clear();
            }
        }
        return documentId;
    }
}
