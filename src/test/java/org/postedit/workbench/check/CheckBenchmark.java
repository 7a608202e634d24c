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

/**
 * Not a test: prints CheckService figures with whatever checkers the application has (see docs/benchmarks.md):
 * raw LanguageTool on the sentences as the baseline (one thread and all cores), a cold check of 5,100 distinct real English sentences (an empty result cache), the same document checked again
 * from the cache, the edit-to-issues latency after {@code ReviewService.save}, and the time to check the shipped
 * samples with an empty cache. Run with {@code ./mvnw -Pbench test -Dtest=CheckBenchmark}; it lives beside the service to build a second one
 * with an empty cache.
 */
@Tag("bench")
@SpringBootTest(properties = {"workbench.import.max-file-size=20MB", "workbench.checks.check-at-startup=false"})
@ActiveProfiles("test")
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

    @Test
    void checkServiceColdCachedAndAfterAnEdit() throws Exception {
        List<String> sentences = sentences();
        Path file = dir.resolve("bench-checks.txt");
        Files.writeString(file, String.join("\n\n", sentences), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%nBENCH checkers: %s; document checkers: %s; %d cores%n",
                context.getBeanProvider(Checker.class).orderedStream().map(Checker::id).toList(),
                context.getBeanProvider(DocumentChecker.class).orderedStream().map(DocumentChecker::id).toList(),
                Runtime.getRuntime().availableProcessors());

        // the import queues a check of every segment; waiting for it warms the JIT and every checker's threads
        DocumentProgress imported = documents.importFile(file, "bench-checks.txt", new ImportOptions(null, "en-US"),
                "bench");
        long id = imported.document().id();
        int count = imported.document().segmentCount();
        long warmStart = System.nanoTime();
        awaitChecked(checks, id);
        System.out.printf(Locale.ROOT, "BENCH %d segments; first check after import (warm-up): %.2f s%n", count,
                seconds(warmStart));

        double rawAllCores = rawLanguageTool(sentences, Runtime.getRuntime().availableProcessors());
        rawLanguageTool(sentences, 1);

        // cold: a second service over the same beans and database, whose result cache is empty
        CheckService cold = freshService();
        try {
            long coldStart = System.nanoTime();
            cold.recheck(id);
            awaitChecked(cold, id);
            double coldSeconds = seconds(coldStart);
            long cachedStart = System.nanoTime();
            cold.recheck(id);
            awaitChecked(cold, id);
            double cachedSeconds = seconds(cachedStart);
            System.out.printf(Locale.ROOT, "BENCH cold check:     %.2f s (%.0f sentences/s), raw LanguageTool "
                    + "on all cores took %.0f%% of that time for the same text%n", coldSeconds, count / coldSeconds,
                    100 * rawAllCores / coldSeconds);
            System.out.printf(Locale.ROOT, "BENCH from the cache: %.2f s (%.0f sentences/s); %.1fx faster; cache %s%n",
                    cachedSeconds, count / cachedSeconds, coldSeconds / cachedSeconds, cold.cacheStatistics());
        } finally {
            closeQuietly(cold);
        }

        editLatency(id);
        samples();
    }

    /**
     * The baseline: LanguageTool itself with its default rules for en-US on the same sentences, one
     * {@code JLanguageTool} per thread (created and warmed before the clock starts), nothing stored.
     *
     * @return seconds for all sentences
     */
    private static double rawLanguageTool(List<String> sentences, int threads) throws Exception {
        org.languagetool.Language english = org.languagetool.Languages.getLanguageForShortCode("en-US");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<org.languagetool.JLanguageTool> tools = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                org.languagetool.JLanguageTool tool = new org.languagetool.JLanguageTool(english);
                for (String warm : sentences.subList(0, 50)) {
                    tool.check(warm);
                }
                tools.add(tool);
            }
            long start = System.nanoTime();
            List<java.util.concurrent.Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                org.languagetool.JLanguageTool tool = tools.get(t);
                int first = t;
                parts.add(pool.submit(() -> {
                    int matches = 0;
                    for (int i = first; i < sentences.size(); i += threads) {
                        matches += tool.check(sentences.get(i)).size();
                    }
                    return matches;
                }));
            }
            int matches = 0;
            for (java.util.concurrent.Future<Integer> part : parts) {
                matches += part.get();
            }
            double seconds = seconds(start);
            System.out.printf(Locale.ROOT, "BENCH raw LanguageTool en-US, %d thread(s): %.2f s (%.0f sentences/s, "
                    + "%d matches)%n", threads, seconds, sentences.size() / seconds, matches);
            return seconds;
        } finally {
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
