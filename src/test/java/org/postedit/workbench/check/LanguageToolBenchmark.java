package org.postedit.workbench.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.RuleMatch;
import org.postedit.workbench.document.TaggedText;

/**
 * Not a test: raw LanguageTool against the {@link LanguageToolChecker} on the same 5,000+ English sentences, with
 * one thread and with all cores, in one JVM. Raw LanguageTool on all cores keeps one {@code JLanguageTool} per
 * thread (the {@code ThreadLocal} way); the checker borrows pooled instances, so the all-core ratio also compares
 * the two ways of sharing. Run with {@code ./mvnw -o -Pbench test -Dtest=LanguageToolBenchmark}.
 */
@Tag("bench")
class LanguageToolBenchmark {

    private static final int VARIANTS = 17;

    @Test
    void rawLanguageToolVersusTheChecker() throws Exception {
        List<String> sentences = sentences();
        int cores = Runtime.getRuntime().availableProcessors();
        Language english = Languages.getLanguageForShortCode("en-US");
        System.out.printf(Locale.ROOT, "%nBENCH %d English sentences (%d characters), %d cores, -Xmx%d MB%n",
                sentences.size(), sentences.stream().mapToInt(String::length).sum(), cores,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));

        LanguageToolPool pool = new LanguageToolPool(LanguageToolProperties.defaults());
        LanguageToolChecker checker = new LanguageToolChecker(pool, KnownWords.NONE, LanguageToolProperties.defaults());
        List<CheckedText> texts = sentences.stream()
                .map(s -> new CheckedText(1, 1, "en-US", null, TaggedText.plain(s), TaggedText.plain(s), null))
                .toList();
        List<String> warm = sentences.subList(0, 400);

        // warm every path once (class loading, dictionaries, JIT) so none is measured cold
        raw(english, warm, 1, false);
        raw(english, warm, cores, true);
        pool.warm(english, cores);
        checker.checkAll(texts.subList(0, 400));

        Result raw1 = raw(english, sentences, 1, false);
        Result rawSuggest1 = raw(english, sentences, 1, true);
        Result checker1 = timed("checker, 1 thread", () -> texts.stream().mapToInt(t -> checker.check(t).size()).sum(),
                sentences.size());
        Result rawAll = raw(english, sentences, cores, true);
        Result checkerAll = timed("checker, all cores (checkAll)",
                () -> checker.checkAll(texts).stream().mapToInt(List::size).sum(), sentences.size());

        for (Result r : List.of(raw1, rawSuggest1, checker1, rawAll, checkerAll)) {
            System.out.printf(Locale.ROOT, "BENCH %-52s %6.1f s  %7.1f sentences/s  %d issues%n", r.name(),
                    r.seconds(), r.perSecond(), r.issues());
        }
        System.out.printf(Locale.ROOT, "BENCH checker / raw LanguageTool, 1 thread: %.2f (raw without suggestions "
                + "%.2f)%n", checker1.perSecond() / rawSuggest1.perSecond(), checker1.perSecond() / raw1.perSecond());
        System.out.printf(Locale.ROOT, "BENCH checker / raw LanguageTool, all cores: %.2f%n",
                checkerAll.perSecond() / rawAll.perSecond());
        System.out.printf(Locale.ROOT, "BENCH all cores / 1 thread: raw %.2f, checker %.2f; %d en-US instances "
                + "created by the pool%n", rawAll.perSecond() / rawSuggest1.perSecond(),
                checkerAll.perSecond() / checker1.perSecond(), pool.created(english));
        pool.destroy();
    }

    record Result(String name, double seconds, int sentences, int issues) {
        double perSecond() {
            return sentences / seconds;
        }
    }

    interface Work {
        int run() throws Exception;
    }

    private static Result timed(String name, Work work, int sentences) throws Exception {
        long start = System.nanoTime();
        int issues = work.run();
        return new Result(name, (System.nanoTime() - start) / 1e9, sentences, issues);
    }

    /**
     * Raw LanguageTool: one {@code JLanguageTool} per thread, each thread a contiguous share of the sentences.
     * With {@code suggestions}, every match's replacements are asked for, as the checker does (LanguageTool
     * computes spelling suggestions lazily, on that call).
     */
    private static Result raw(Language language, List<String> sentences, int threads, boolean suggestions)
            throws Exception {
        String name = "raw LanguageTool, " + (threads == 1 ? "1 thread" : threads + " threads, one instance each")
                + (suggestions ? ", with suggestions" : "");
        ToIntFunction<List<String>> share = part -> {
            JLanguageTool tool = new JLanguageTool(language);
            int issues = 0;
            try {
                for (String sentence : part) {
                    for (RuleMatch match : tool.check(sentence)) {
                        issues++;
                        if (suggestions) {
                            match.getSuggestedReplacements();
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return issues;
        };
        return timed(name, () -> {
            if (threads == 1) {
                return share.applyAsInt(sentences);
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<Integer>> parts = new ArrayList<>();
                int size = (sentences.size() + threads - 1) / threads;
                for (int from = 0; from < sentences.size(); from += size) {
                    List<String> part = sentences.subList(from, Math.min(sentences.size(), from + size));
                    parts.add(pool.submit(() -> share.applyAsInt(part)));
                }
                int issues = 0;
                for (Future<Integer> part : parts) {
                    issues += part.get();
                }
                return issues;
            }
        }, sentences.size());
    }

    /**
     * The shared corpus and the seeds in {@value #VARIANTS} variants each, with the slips MT makes (lower-case
     * start, run-together or doubled words, CJK full stop, doubled spaces, changed numbers), so LanguageTool has
     * errors to find, not only clean text.
     */
    static List<String> sentences() {
        List<String> base = new ArrayList<>(EnglishSentences.corpus());
        base.addAll(EnglishSentences.seeds());
        List<String> sentences = new ArrayList<>(base.size() * VARIANTS);
        for (int variant = 0; variant < VARIANTS; variant++) {
            for (String sentence : base) {
                sentences.add(vary(sentence, variant));
            }
        }
        return sentences;
    }

    private static String vary(String sentence, int variant) {
        return switch (variant % 8) {
            case 0 -> sentence;
            case 1 -> Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
            case 2 -> sentence.replaceFirst(" the ", " the the ");
            case 3 -> sentence.replaceAll("[.]$", "\u3002");
            case 4 -> sentence.replaceFirst(" ", "  ");
            case 5 -> sentence.replaceAll("\\d", String.valueOf(variant));
            case 6 -> sentence.replaceFirst(" a ", " an ").replaceFirst(" an ", " a ");
            default -> sentence.replaceFirst("s ", " ");
        } + (variant >= 8 ? " It is done." : "");
    }
}
