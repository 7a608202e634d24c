package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.api.ApiTestClient;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.security.UserAccount;
import org.postedit.workbench.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Twenty simulated reviewers, ten over ReviewService and ten over the HTTP API, save and approve the same eight
 * segments for a few seconds, each from the version it last read. Afterwards: every acknowledged change is in the
 * history exactly as acknowledged; of all attempts made from the same version of a segment exactly one won and
 * every other got a conflict (StaleSegmentException / 409); approved versions are as they were approved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TwentyReviewersTest {

    private static final int SERVICE_REVIEWERS = 10;
    private static final int API_REVIEWERS = 10;
    private static final long RUN_MILLIS = 4000;
    /** HTTP Basic checks a bcrypt hash per request, slow on a loaded machine: each API reviewer makes at least these */
    private static final int MIN_API_ATTEMPTS = 4;

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    UserService users;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    /** One try: from which version, and what came of it. */
    record Attempt(long segmentId, int fromVersion, boolean approve, String text, String author, Outcome outcome,
                   int newVersion) {
    }

    enum Outcome { WON, CONFLICT }

    @Test
    void noAcknowledgedChangeIsLostAndEveryRaceHasOneWinner() throws Exception {
        Path file = dir.resolve("race.txt");
        Files.writeString(file, "Alpha one. Bravo two. Charlie three. Delta four. Echo five. Foxtrot six. "
                + "Golf seven. Hotel eight.", StandardCharsets.UTF_8);
        long documentId = documents.importFile(file, "race.txt", new ImportOptions(null, "en-US"), "test")
                .document().id();
        List<Long> segmentIds = documents.segments(documentId).stream().map(Segment::id).toList();
        assertThat(segmentIds).hasSize(8);
        TestSecurity.runAs(context, "admin", () -> users.create("racer", "racer-password",
                Set.of(UserAccount.Role.APPROVER, UserAccount.Role.REVIEWER), "admin"), "ADMIN");

        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(SERVICE_REVIEWERS + API_REVIEWERS);
        CountDownLatch start = new CountDownLatch(1);
        // the first request initialises Spring MVC and the password check: not part of the race
        assertThat(new ApiTestClient(port, "racer", "racer-password").get("/api/segments/" + segmentIds.getFirst())
                .status()).isEqualTo(200);
        long end = System.currentTimeMillis() + RUN_MILLIS;
        List<Future<?>> running = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger apiRunning = new java.util.concurrent.atomic.AtomicInteger(
                API_REVIEWERS);
        java.util.function.BooleanSupplier goOn = () -> System.currentTimeMillis() < end || apiRunning.get() > 0;
        for (int r = 0; r < SERVICE_REVIEWERS + API_REVIEWERS; r++) {
            String name = (r < SERVICE_REVIEWERS ? "svc" : "api") + r;
            boolean overApi = r >= SERVICE_REVIEWERS;
            running.add(pool.submit(() -> {
                try {
                    start.await();
                    if (overApi) {
                        try {
                            apiReviewer(name, segmentIds, end, attempts);
                        } finally {
                            apiRunning.decrementAndGet();
                        }
                    } else {
                        TestSecurity.runAs(context, name, () -> {
                            serviceReviewer(name, segmentIds, goOn, attempts);
                            return null;
                        }, "APPROVER", "REVIEWER");
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get(180, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(failures).isEmpty();

        List<Attempt> all = List.copyOf(attempts);
        long won = all.stream().filter(a -> a.outcome() == Outcome.WON).count();
        long conflicts = all.size() - won;
        long overApi = all.stream().filter(a -> a.author().equals("racer")).count();
        System.out.printf("20 reviewers: %d attempts (%d over the API), %d acknowledged, %d conflicts%n", all.size(),
                overApi, won, conflicts);
        assertThat(overApi).as("the API reviewers took part").isGreaterThanOrEqualTo(API_REVIEWERS * MIN_API_ATTEMPTS);
        assertThat(won).isGreaterThan(20);
        assertThat(conflicts).as("overlapping saves must have raced").isGreaterThan(0);

        for (long segmentId : segmentIds) {
            List<SegmentVersion> history = review.history(segmentId);
            Map<Integer, SegmentVersion> byVersion = history.stream()
                    .collect(Collectors.toMap(SegmentVersion::version, v -> v));
            // versions 1..n without gaps, and the segment is at the last one
            assertThat(byVersion.keySet()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, history.size())
                    .boxed().collect(Collectors.toSet()));
            assertThat(review.segment(segmentId).version()).isEqualTo(history.size());

            Map<Integer, List<Attempt>> fromVersion = all.stream().filter(a -> a.segmentId() == segmentId)
                    .collect(Collectors.groupingBy(Attempt::fromVersion));
            for (Map.Entry<Integer, List<Attempt>> race : fromVersion.entrySet()) {
                List<Attempt> winners = race.getValue().stream().filter(a -> a.outcome() == Outcome.WON).toList();
                assertThat(winners).as("segment %d from version %d: %s", segmentId, race.getKey(), race.getValue())
                        .hasSize(1);
                Attempt winner = winners.getFirst();
                SegmentVersion recorded = byVersion.get(race.getKey() + 1);
                assertThat(winner.newVersion()).isEqualTo(race.getKey() + 1);
                assertThat(recorded.author()).isEqualTo(winner.author());
                assertThat(recorded.status()).isEqualTo(winner.approve() ? SegmentStatus.APPROVED
                        : SegmentStatus.EDITED);
                if (winner.text() != null) {
                    assertThat(recorded.target().coded()).isEqualTo(winner.text());
                }
            }
            // every version in the history was acknowledged to someone
            assertThat(fromVersion.values().stream().flatMap(List::stream).filter(a -> a.outcome() == Outcome.WON)
                    .count()).isEqualTo(history.size());
        }
    }

    private void serviceReviewer(String name, List<Long> segmentIds, java.util.function.BooleanSupplier goOn,
                                 ConcurrentLinkedQueue<Attempt> log) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = 0;
        while (goOn.getAsBoolean()) {
            long id = segmentIds.get(random.nextInt(segmentIds.size()));
            Segment seen = review.segment(id);
            boolean approve = random.nextInt(5) == 0;
            String text = approve ? null : name + " edit " + (++n);
            try {
                Segment saved = approve ? review.approve(id, seen.version(), name)
                        : review.save(id, seen.version(), TaggedText.plain(text), name);
                log.add(new Attempt(id, seen.version(), approve, approve ? seen.target().coded() : text, name,
                        Outcome.WON, saved.version()));
            } catch (StaleSegmentException e) {
                log.add(new Attempt(id, seen.version(), approve, text, name, Outcome.CONFLICT, -1));
            }
            pause(random);
        }
    }

    private void apiReviewer(String name, List<Long> segmentIds, long end, ConcurrentLinkedQueue<Attempt> log)
            throws Exception {
        ApiTestClient api = new ApiTestClient(port, "racer", "racer-password");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = 0;
        for (int made = 0; System.currentTimeMillis() < end || made < MIN_API_ATTEMPTS; made++) {
            long id = segmentIds.get(random.nextInt(segmentIds.size()));
            JsonNode seen = api.get("/api/segments/" + id).json();
            int version = seen.get("version").asInt();
            boolean approve = random.nextInt(5) == 0;
            String text = approve ? null : name + " edit " + (++n);
            ApiTestClient.Response response = approve
                    ? api.postJson("/api/segments/" + id + "/approve", Map.of("version", version))
                    : api.putJson("/api/segments/" + id, Map.of("target", text, "version", version));
            if (response.status() == 200) {
                log.add(new Attempt(id, version, approve, approve ? seen.get("target").asString() : text, "racer",
                        Outcome.WON, response.json().get("version").asInt()));
            } else if (response.status() == 409) {
                assertThat(response.json().get("current").get("version").asInt()).isGreaterThan(version);
                log.add(new Attempt(id, version, approve, text, "racer", Outcome.CONFLICT, -1));
            } else {
                throw new AssertionError("Unexpected " + response.status() + ": " + response.body());
            }
            pause(random);
        }
    }

    /** A reviewer reads before saving again; without it ten threads in this JVM starve the HTTP ones. */
    private static void pause(ThreadLocalRandom random) {
        try {
            Thread.sleep(5 + random.nextInt(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
