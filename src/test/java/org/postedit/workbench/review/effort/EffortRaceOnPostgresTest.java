package org.postedit.workbench.review.effort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.OnPostgres;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first effort row of a segment written by two transactions at once, on PostgreSQL: the editor's time and a
 * save's edit distances. PostgreSQL refuses the second insert and aborts its transaction, so the save's retry (an
 * update of the row the other inserted) only works because the first try ran in a savepoint.
 */
@SpringBootTest
@OnPostgres
class EffortRaceOnPostgresTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    EffortService effort;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    @Test
    void aSaveRacingTheFirstEditingTimeOfItsSegmentStillSucceeds() throws Exception {
        Path file = dir.resolve("race.txt");
        Files.writeString(file, "A sentence the reviewer edits.", StandardCharsets.UTF_8);
        long id = documents.importFile(file, "race.txt", new ImportOptions(null, "en-US"), "test").document().id();
        Segment segment = documents.segments(id).getFirst();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger savePid = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the editor's time arrives first and holds the segment's new effort row uncommitted
            Future<?> timing = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                effort.addEditingTime(segment.id(), Duration.ofSeconds(7));
                inserted.countDown();
                await(release);
            }));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Segment> save = pool.submit(() -> new TransactionTemplate(transactions).execute(s -> {
                savePid.set(jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
                // the service checks the signed-in user, and this worker thread has none of its own
                return TestSecurity.runAs(context, "ann", () -> review.save(segment.id(), segment.version(),
                        TaggedText.plain("A sentence the reviewer edited."), "ann"), "REVIEWER");
            }));
            awaitWaitingForLock(savePid);
            release.countDown();
            timing.get(30, TimeUnit.SECONDS);

            assertThat(save.get(30, TimeUnit.SECONDS).version()).isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        Map<String, Object> row = jdbc.sql("select char_edits, editing_millis from segment_effort where segment_id = ?")
                .param(segment.id()).query().singleRow();
        assertThat(((Number) row.get("editing_millis")).longValue()).isEqualTo(7000);
        assertThat(((Number) row.get("char_edits")).intValue()).isPositive();
    }

    /** Until the save's connection waits for the other transaction's row (its insert of the same key). */
    private void awaitWaitingForLock(AtomicInteger pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (pid.get() != 0 && jdbc.sql("select count(*) from pg_stat_activity where pid = ?"
                    + " and wait_event_type = 'Lock'").param(pid.get()).query(Integer.class).single() == 1) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the save never waited for the editing time's uncommitted row");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
