package org.postedit.workbench.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.DocumentProgress;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentRepository;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Not a test: prints CheckService figures with whatever checkers the application has (see docs/benchmarks.md). On
 * 5,100 distinct real English sentences in four documents: raw LanguageTool on all cores (the baseline) and a cold
 * CheckService (an empty result cache) take turns document by document, so that a change in the machine's load
 * falls on both, and both the clock and the process's CPU time are compared; then the same documents again from the
 * cache; raw LanguageTool on one thread for one document; the edit-to-issues latency after
 * {@code ReviewService.save}; and the time to check the shipped samples with an empty cache. Run with
 * {@code ./mvnw -Pbench test -Dtest=CheckBenchmark}; it lives beside the service to build a second one with an
 * empty cache.
 */
@Tag("bench")
@SpringBootTest(properties = {"workbench.import.max-file-size=20MB", "workbench.checks.check-at-startup=false"})
@ActiveProfiles("test")
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "bench", roles = "APPROVER")
class CheckBenchmark {

    /** Openers that make 17 distinct, still natural sentences of each of the 300 reference sentences. */
    private static final String[] OPENERS = {"", "According to the report, ", "On Monday, ", "Officials said that ",
            "In a statement, ", "As reported earlier, ", "Meanwhile, ", "In the capital, ", "By contrast, ",
            "Last week, ", "In addition, ", "For the second time, ", "Separately, ", "Earlier today, ",
            "As a result, ", "At the same time, ", "In recent days, "};
    private static final int EDITS = 60;

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    CheckService checks;

    @TempDir
    Path dir;

    /** Rounds of raw LanguageTool and cold CheckService taking turns, so a change in the machine's load hits both. */
    private static final int ROUNDS = 4;

    @Test
    void checkServiceColdCachedAndAfterAnEdit() throws Exception {
        List<String> sentences = sentences();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%nBENCH checkers: %s; document checkers: %s; %d cores; %d sentences in %d "
                        + "rounds%n", context.getBeanProvider(Checker.class).orderedStream().map(Checker::id).toList(),
                context.getBeanProvider(DocumentChecker.class).orderedStream().map(DocumentChecker::id).toList(),
                cores, sentences.size(), ROUNDS);

        // one document per round; the import queues a check of every segment, and waiting for it warms the JIT and
        // every checker's threads
        List<List<String>> parts = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int size = (sentences.size() + ROUNDS - 1) / ROUNDS;
        long warmStart = System.nanoTime();
        int count = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<String> part = sentences.subList(round * size, Math.min(sentences.size(), (round + 1) * size));
            Path file = dir.resolve("bench-checks-" + round + ".txt");
            Files.writeString(file, String.join("\n\n", part), StandardCharsets.UTF_8);
            DocumentProgress imported = documents.importFile(file, file.getFileName().toString(),
                    new ImportOptions(null, "en-US"), "bench");
            parts.add(part);
            ids.add(imported.document().id());
            count += imported.document().segmentCount();
        }
        for (long id : ids) {
            awaitChecked(checks, id);
        }
        System.out.printf(Locale.ROOT, "BENCH %d segments; first check after import (warm-up): %.2f s%n", count,
                seconds(warmStart));
        RawLanguageTool raw = new RawLanguageTool(cores, sentences.subList(0, 50));

        // raw LanguageTool and a cold CheckService (a second service over the same beans and database, its result
        // cache empty) take turns on the same sentences, the order swapped every round; then the same service again
        // from its cache
        Timing rawTime = new Timing();
        Timing coldTime = new Timing();
        Timing cachedTime = new Timing();
        CheckService cold = freshService();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<String> part = parts.get(round);
                long id = ids.get(round);
                if (round % 2 == 0) {
                    rawTime.add(() -> raw.check(part));
                    coldTime.add(() -> checkAgain(cold, id));
                } else {
                    coldTime.add(() -> checkAgain(cold, id));
                    rawTime.add(() -> raw.check(part));
                }
                cachedTime.add(() -> checkAgain(cold, id));
            }
            System.out.printf(Locale.ROOT, "BENCH raw LanguageTool en-US, %d threads: %s, %.0f sentences/s "
                    + "(%d matches)%n", cores, rawTime, sentences.size() / rawTime.wall, raw.matches.get());
            System.out.printf(Locale.ROOT, "BENCH cold CheckService:         %s, %.0f segments/s%n", coldTime,
                    count / coldTime.wall);
            System.out.printf(Locale.ROOT, "BENCH cold throughput / raw LanguageTool on all cores: %.2f by the clock,"
                            + " %.2f by CPU time used (per text: raw %.2f ms, service %.2f ms of CPU)%n",
                    rawTime.wall / coldTime.wall, rawTime.cpu / coldTime.cpu, 1000 * rawTime.cpu / sentences.size(),
                    1000 * coldTime.cpu / count);
            System.out.printf(Locale.ROOT, "BENCH from the cache:           %s, %.0f segments/s; %.1fx faster than "
                            + "cold by the clock, %.1fx by CPU time; cache %s%n", cachedTime, count / cachedTime.wall,
                    coldTime.wall / cachedTime.wall, coldTime.cpu / cachedTime.cpu, cold.cacheStatistics());
        } finally {
            closeQuietly(cold);
        }
        RawLanguageTool single = new RawLanguageTool(1, sentences.subList(0, 50));
        Timing singleTime = new Timing();
        singleTime.add(() -> single.check(parts.getFirst()));
        System.out.printf(Locale.ROOT, "BENCH raw LanguageTool en-US, 1 thread, round 1 only: %s, %.0f sentences/s; "
                + "all cores / 1 thread %.2f%n", singleTime, parts.getFirst().size() / singleTime.wall,
                (sentences.size() / rawTime.wall) / (parts.getFirst().size() / singleTime.wall));
        raw.close();
        single.close();

        editLatency(ids.getFirst());
        samples();
    }

    private static void checkAgain(CheckService service, long id) throws InterruptedException {
        service.recheck(id);
        awaitChecked(service, id);
    }

    /** Wall-clock and process CPU seconds summed over several timed runs. */
    private static final class Timing {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean();
        double wall;
        double cpu;

        interface Run {
            void run() throws Exception;
        }

        void add(Run run) throws Exception {
            long cpuStart = OS.getProcessCpuTime();
            long start = System.nanoTime();
            run.run();
            wall += seconds(start);
            cpu += (OS.getProcessCpuTime() - cpuStart) / 1e9;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f s (%.2f s CPU)", wall, cpu);
        }
    }

    /**
     * The baseline: LanguageTool itself with its default rules for en-US, one {@code JLanguageTool} per thread
     * (created and warmed before any clock starts), nothing stored.
     */
    private static final class RawLanguageTool implements AutoCloseable {
        private final java.util.concurrent.ExecutorService pool;
        private final List<org.languagetool.JLanguageTool> tools = new ArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger matches = new java.util.concurrent.atomic.AtomicInteger();

        RawLanguageTool(int threads, List<String> warm) throws Exception {
            org.languagetool.Language english = org.languagetool.Languages.getLanguageForShortCode("en-US");
            pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                org.languagetool.JLanguageTool tool = new org.languagetool.JLanguageTool(english);
                for (String sentence : warm) {
                    tool.check(sentence);
                }
                tools.add(tool);
            }
        }

        void check(List<String> sentences) throws Exception {
            int threads = tools.size();
            List<java.util.concurrent.Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                org.languagetool.JLanguageTool tool = tools.get(t);
                int first = t;
                parts.add(pool.submit(() -> {
                    int found = 0;
                    for (int i = first; i < sentences.size(); i += threads) {
                        found += tool.check(sentences.get(i)).size();
                    }
                    return found;
                }));
            }
            for (java.util.concurrent.Future<Integer> part : parts) {
                matches.addAndGet(part.get());
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /** Saves edits one after another and times each until the check service reports the segment checked. */
    private void editLatency(long id) throws Exception {
        List<Segment> segments = documents.segments(id).stream().filter(s -> !s.locked()).toList();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < EDITS; i++) {
            Segment segment = segments.get((i * 83) % segments.size());
            Segment current = review.segment(segment.id());
            CompletableFuture<Long> told = new CompletableFuture<>();
            long start;
            try (CheckSubscription ignored = checks.subscribe(id, (changed, progress) -> {
                if (!told.isDone()) {
                    told.complete(System.nanoTime());
                }
            })) {
                start = System.nanoTime();
                review.save(segment.id(), current.version(), TaggedText.plain(current.target().plainText()
                        .replaceFirst("\\.$", "") + " in edit " + i + " ."), "bench");
                long notified = told.get(30, TimeUnit.SECONDS);
                millis.add((notified - start) / 1_000_000);
            }
            awaitChecked(checks, id);
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "BENCH edit -> issues stored and listeners told (%d edits): p50 %d ms, "
                + "p95 %d ms, max %d ms%n", sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                sorted[sorted.length - 1]);
    }

    /** The shipped samples with an empty cache, as after a start-up. */
    private void samples() {
        CheckService fresh = freshService();
        try {
            List<DocumentProgress> samples = documents.list(false).stream()
                    .filter(p -> !p.document().name().startsWith("bench")).toList();
            long start = System.nanoTime();
            int segments = 0;
            for (DocumentProgress sample : samples) {
                fresh.recheck(sample.document().id());
                segments += sample.document().segmentCount();
            }
            for (DocumentProgress sample : samples) {
                awaitChecked(fresh, sample.document().id());
            }
            System.out.printf(Locale.ROOT, "BENCH shipped samples (%d documents, %d segments), empty cache: %.2f s%n",
                    samples.size(), segments, seconds(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(fresh);
        }
    }

    private CheckService freshService() {
        return new CheckService(context.getBeanProvider(Checker.class), context.getBeanProvider(DocumentChecker.class),
                documents, context.getBean(SegmentRepository.class), context.getBean(IssueRepository.class),
                context.getBean(CheckProperties.class), context.getBean(Clock.class));
    }

    private static void closeQuietly(CheckService service) {
        service.close();
    }

    private static void awaitChecked(CheckService service, long id) throws InterruptedException {
        while (service.progress(id).running()) {
            Thread.sleep(5);
        }
    }

    private static List<String> sentences() throws Exception {
        List<String> english = Files.readAllLines(Path.of("../shared/corpus/parallel/tico19-zh-en.tsv"),
                StandardCharsets.UTF_8).stream().skip(1).map(l -> l.split("\t")[2].strip())
                .filter(s -> !s.isEmpty()).toList();
        List<String> sentences = new ArrayList<>(english.size() * OPENERS.length);
        for (String opener : OPENERS) {
            for (String s : english) {
                String body = opener.isEmpty() || s.startsWith("I ") || s.length() < 2 ? s
                        : Character.toLowerCase(s.charAt(0)) + s.substring(1);
                sentences.add(opener + body);
            }
        }
        return sentences;
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
