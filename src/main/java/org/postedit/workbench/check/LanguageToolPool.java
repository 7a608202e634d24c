package org.postedit.workbench.check;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.rules.RuleMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@code JLanguageTool} instances to borrow, per language. An instance is not thread-safe, but it is cheap once its
 * language is loaded (about 40 ms and 3 MB for English, against seconds for the first one), so a thread borrows one
 * for a check and gives it back; more concurrent checks simply create more. Borrowing rather than one instance per
 * thread ({@code ThreadLocal}) keeps the number of instances at the number of checks running at once, whoever runs
 * them: the CheckService's executor, request threads or virtual threads (which would each get a fresh instance from
 * a {@code ThreadLocal}). docs/benchmarks.md compares both: the borrowing costs nothing measurable.
 *
 * <p>The first instance of a language is created and run once under a lock: LanguageTool loads dictionaries and
 * rule data lazily and without locking, so two threads must not race through that first load.
 *
 * <p>Also owns the worker threads that check many texts at once ({@link #inParallel}).
 */
@Component
public class LanguageToolPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LanguageToolPool.class);
    /** Runs every sentence-level and text-level rule once and loads the speller, so later checks are warm. */
    static final String WARM_UP_TEXT = "This are a exampel text for warm up , it has has some mistakes.Its done. "
            + "The colour of the centre is grey and and the results was good.";

    private final LanguageToolProperties properties;
    private final Map<String, Instances> byLanguage = new ConcurrentHashMap<>();
    private final ForkJoinPool workers;
    private final int maxIdle;

    public LanguageToolPool(LanguageToolProperties properties) {
        this.properties = properties;
        int threads = properties.workerThreads();
        AtomicInteger names = new AtomicInteger();
        this.workers = new ForkJoinPool(threads, pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("languagetool-" + names.incrementAndGet());
            return thread;
        }, null, false);
        // idle instances beyond this are dropped: a burst of request threads should not pin memory for good
        this.maxIdle = Math.max(4, 2 * threads);
    }

    /**
     * Texts longer than this are checked a few sentences at a time: LanguageTool analyses a whole text before its
     * first rule runs, so a time limit on one huge check would stop it with nothing found. Real segments are far
     * shorter, and for them the result is exactly LanguageTool's.
     */
    static final int LONG_TEXT = 10_000;
    /** About how much of a long text one check takes. */
    static final int CHUNK = 3_000;

    /** A match and where the part of the text it was found in starts. */
    record Found(RuleMatch match, int shift) {
    }

    /** What one check found, and whether it ran out of time and stopped early. */
    record Checked(List<Found> matches, boolean cutShort, long nanos) {
    }

    /**
     * Checks a text with a borrowed instance, stopping between sentences or rules once {@code limit} is over (then
     * the matches found so far are returned).
     */
    Checked check(Language language, String text, Duration limit) throws IOException {
        Instances instances = instances(language);
        Instance instance = instances.borrow();
        boolean healthy = false;
        long start = System.nanoTime();
        try {
            instance.deadline = start + limit.toNanos();
            List<Found> found = new ArrayList<>();
            boolean complete = true;
            List<String> parts = text.length() <= LONG_TEXT ? List.of(text) : parts(instance.tool, text);
            int shift = 0;
            for (String part : parts) {
                List<RuleMatch> matches = instance.cancelled() ? null : checkPart(instance, part);
                if (matches == null) {
                    complete = false;
                    break;
                }
                int partStart = shift;
                matches.forEach(match -> found.add(new Found(match, partStart)));
                shift += part.length();
            }
            // an instance LanguageTool gave up on half-way is not trusted with another text
            healthy = complete;
            long nanos = System.nanoTime() - start;
            return new Checked(found, !complete || nanos > limit.toNanos(), nanos);
        } finally {
            if (healthy) {
                instances.giveBack(instance);
            }
        }
    }

    /**
     * The matches in one part, or null when the time ran out inside LanguageTool. Cancelled while it analyses the
     * sentences, LanguageTool 6.8 fails with an IndexOutOfBoundsException (it expects every sentence analysed)
     * rather than returning what it has; that failure is the time limit, not a bug in the text.
     */
    private static List<RuleMatch> checkPart(Instance instance, String part) throws IOException {
        try {
            return instance.tool.check(part);
        } catch (IndexOutOfBoundsException e) {
            if (instance.cancelled()) {
                return null;
            }
            throw e;
        }
    }

    /** Runs of whole sentences of about {@link #CHUNK} characters that make up the text exactly. */
    private static List<String> parts(JLanguageTool tool, String text) {
        List<String> sentences = tool.sentenceTokenize(text);
        if (sentences.stream().mapToInt(String::length).sum() != text.length()) {
            sentences = List.of(text); // cannot happen with LanguageTool's SRX splitter; cut by length then
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String sentence : sentences) {
            for (String piece : byLength(sentence)) {
                if (!part.isEmpty() && part.length() + piece.length() > CHUNK) {
                    parts.add(part.toString());
                    part.setLength(0);
                }
                part.append(piece);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    /** A sentence longer than a chunk (a list without full stops) is cut after a space, or anywhere. */
    private static List<String> byLength(String sentence) {
        if (sentence.length() <= CHUNK) {
            return List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        int from = 0;
        while (sentence.length() - from > CHUNK) {
            int cut = sentence.lastIndexOf(' ', from + CHUNK);
            cut = cut <= from ? from + CHUNK : cut + 1;
            if (Character.isHighSurrogate(sentence.charAt(cut - 1))) {
                cut--;
            }
            pieces.add(sentence.substring(from, cut));
            from = cut;
        }
        pieces.add(sentence.substring(from));
        return pieces;
    }

    /** Runs {@code work} on every item with all worker threads; results in the order of the items. */
    <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        if (items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        return workers.submit(() -> items.parallelStream().map(work).toList()).join();
    }

    int workerThreads() {
        return workers.getParallelism();
    }

    /**
     * Loads a language and creates {@code count} instances at once, each run on a worker thread, so the first
     * checks of the day find warm instances (and JIT-compiled rules) for every core.
     */
    void warm(Language language, int count) {
        Instances instances = instances(language);
        List<Instance> borrowed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            borrowed.add(instances.borrow());
        }
        try {
            inParallel(borrowed, instance -> {
                instance.deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                try {
                    instance.tool.check(WARM_UP_TEXT);
                } catch (IOException e) {
                    log.warn("LanguageTool warm-up of {} failed: {}", LanguageToolLanguages.code(language), e.toString());
                }
                return instance;
            });
        } finally {
            borrowed.forEach(instances::giveBack);
        }
    }

    /** Instances ever created for a language (for tests and the benchmark). */
    int created(Language language) {
        Instances instances = byLanguage.get(LanguageToolLanguages.code(language));
        return instances == null ? 0 : instances.created.get();
    }

    private Instances instances(Language language) {
        return byLanguage.computeIfAbsent(LanguageToolLanguages.code(language), code -> new Instances(language));
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** A {@code JLanguageTool} and the deadline its cancel callback reads. Used by one thread at a time. */
    private static final class Instance {
        final JLanguageTool tool;
        volatile long deadline;

        boolean cancelled() {
            return System.nanoTime() - deadline > 0;
        }

        Instance(Language language, LanguageToolProperties properties) {
            tool = new JLanguageTool(language);
            properties.disabledRules().forEach(tool::disableRule);
            properties.enabledRules().forEach(tool::enableRule);
            tool.setCheckCancelledCallback(this::cancelled);
        }
    }

    private final class Instances {
        final Language language;
        final ConcurrentLinkedDeque<Instance> idle = new ConcurrentLinkedDeque<>();
        final AtomicInteger created = new AtomicInteger();
        private volatile boolean loaded;

        Instances(Language language) {
            this.language = language;
        }

        Instance borrow() {
            if (!loaded) {
                load();
            }
            Instance instance = idle.pollFirst();
            return instance != null ? instance : create();
        }

        void giveBack(Instance instance) {
            if (idle.size() < maxIdle) {
                idle.offerFirst(instance); // last in, first out: the warmest instance is used next
            }
        }

        private synchronized void load() {
            if (loaded) {
                return;
            }
            long start = System.nanoTime();
            Instance first = create();
            first.deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            try {
                first.tool.check(WARM_UP_TEXT);
            } catch (IOException e) {
                log.warn("LanguageTool {} could not check its warm-up text: {}", LanguageToolLanguages.code(language),
                        e.toString());
            }
            idle.offerFirst(first);
            loaded = true;
            log.info("LanguageTool {} loaded in {} ms", LanguageToolLanguages.code(language),
                    (System.nanoTime() - start) / 1_000_000);
        }

        private Instance create() {
            created.incrementAndGet();
            return new Instance(language, properties);
        }
    }
}
