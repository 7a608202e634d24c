package org.postedit.workbench.glossary.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.postedit.workbench.check.LanguageToolLemmatizer;

/**
 * Prints matching throughput with a generated 10,000-term glossary over 50,000 generated English segments: the
 * {@link TermMatcher} (without a dictionary, and with LanguageTool's tagger as the application runs it) against the
 * naive approach, one case-insensitive {@code \b...\b} pattern per term, in the same run. Not a test: it asserts
 * nothing and runs only with {@code ./mvnw -Pbench verify} (or
 * {@code ./mvnw -o -Pbench test -Dtest=TermMatcherBenchmark -Dsurefire.failIfNoSpecifiedTests=false}).
 *
 * <p>The regex loop reads every segment once per term, so it gets a time budget and its segments/s come from the
 * segments it finished; the matcher reads all 50,000.
 */
@Tag("bench")
class TermMatcherBenchmark {

    private static final int TERMS = 10_000;
    private static final int SEGMENTS = 50_000;
    private static final long REGEX_BUDGET_NANOS = 20_000_000_000L;

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tor", "ba", "sel", "vi", "dun", "qua",
            "pel", "os", "tri", "ne", "gal", "ru", "fen", "si", "mor", "zha", "lin", "cu", "dra", "po"};
    private static final String[] FILLER = ("the of and to in a is that for on with as by at from development "
            + "system projects country countries industry open source software men children innovation market "
            + "promote build support community communities improve will has have been more new high-quality "
            + "cooperation platform policy technology economic national world people's").split(" ");

    @Test
    void matcherAgainstRegexLoop() {
        Random random = new Random(42);
        List<String> vocabulary = vocabulary(random);
        List<MatchableTerm> terms = terms(random, vocabulary);
        List<String> segments = segments(random, vocabulary, terms);
        long characters = segments.stream().mapToLong(String::length).sum();
        System.out.printf(Locale.ROOT, "%n[term matcher benchmark] %,d terms, %,d segments, %,d characters (%.0f per segment)%n",
                terms.size(), segments.size(), characters, (double) characters / segments.size());

        long start = System.nanoTime();
        TermMatcher plain = new TermMatcher(terms, Lemmatizer.NONE);
        long plainBuild = System.nanoTime() - start;

        LanguageToolLemmatizer languageTool = new LanguageToolLemmatizer();
        languageTool.tokenize("en-US", "warm up the tagger");
        start = System.nanoTime();
        TermMatcher lemmatized = new TermMatcher(terms, languageTool);
        long lemmatizedBuild = System.nanoTime() - start;

        start = System.nanoTime();
        List<Pattern> patterns = new ArrayList<>(terms.size());
        for (MatchableTerm term : terms) {
            patterns.add(Pattern.compile("\\b" + Pattern.quote(term.text()) + "\\b", Pattern.CASE_INSENSITIVE));
        }
        long regexBuild = System.nanoTime() - start;

        // warm-up, so the JIT has compiled all three before they are timed
        run(plain, segments.subList(0, 5_000));
        run(lemmatized, segments.subList(0, 2_000));
        regexLoop(patterns, segments.subList(0, 20), Long.MAX_VALUE);

        start = System.nanoTime();
        long plainMatches = run(plain, segments);
        long plainNanos = System.nanoTime() - start;

        start = System.nanoTime();
        long lemmatizedMatches = run(lemmatized, segments);
        long lemmatizedNanos = System.nanoTime() - start;

        start = System.nanoTime();
        long[] regex = regexLoop(patterns, segments, REGEX_BUDGET_NANOS);
        long regexNanos = System.nanoTime() - start;

        double plainRate = rate(segments.size(), plainNanos);
        double lemmatizedRate = rate(segments.size(), lemmatizedNanos);
        double regexRate = rate(regex[0], regexNanos);
        System.out.printf(Locale.ROOT, "build: matcher %.0f ms (no dictionary), %.0f ms (LanguageTool); %,d regexes %.0f ms%n",
                plainBuild / 1e6, lemmatizedBuild / 1e6, patterns.size(), regexBuild / 1e6);
        System.out.printf(Locale.ROOT, "matcher, no dictionary : %,12.0f segments/s  (%,d segments, %,d matches, %.2f s)%n",
                plainRate, segments.size(), plainMatches, plainNanos / 1e9);
        System.out.printf(Locale.ROOT, "matcher, LanguageTool  : %,12.0f segments/s  (%,d segments, %,d matches, %.2f s)%n",
                lemmatizedRate, segments.size(), lemmatizedMatches, lemmatizedNanos / 1e9);
        System.out.printf(Locale.ROOT, "regex loop per term    : %,12.0f segments/s  (%,d segments in the budget, %,d matches, %.2f s)%n",
                regexRate, regex[0], regex[1], regexNanos / 1e9);
        System.out.printf(Locale.ROOT, "ratio: matcher/regex %.0fx without a dictionary, %.0fx with LanguageTool%n%n",
                plainRate / regexRate, lemmatizedRate / regexRate);
    }

    private static long run(TermMatcher matcher, List<String> segments) {
        long matches = 0;
        for (String segment : segments) {
            matches += matcher.find("en-US", segment).size();
        }
        return matches;
    }

    /** @return segments done and matches found within the budget */
    private static long[] regexLoop(List<Pattern> patterns, List<String> segments, long budgetNanos) {
        long start = System.nanoTime();
        long done = 0;
        long matches = 0;
        for (String segment : segments) {
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(segment);
                while (matcher.find()) {
                    matches++;
                }
            }
            done++;
            if (System.nanoTime() - start > budgetNanos) {
                break;
            }
        }
        return new long[] {done, matches};
    }

    private static double rate(long segments, long nanos) {
        return segments / (nanos / 1e9);
    }

    private static List<String> vocabulary(Random random) {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < 4_000) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(2);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    private static List<MatchableTerm> terms(Random random, List<String> vocabulary) {
        Set<String> texts = new LinkedHashSet<>();
        while (texts.size() < TERMS) {
            int words = switch (random.nextInt(10)) {
                case 0, 1 -> 1;
                case 2, 3, 4, 5 -> 2;
                case 6, 7, 8 -> 3;
                default -> 4;
            };
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < words; i++) {
                if (i > 0) {
                    text.append(random.nextInt(8) == 0 ? " of " : " ");
                }
                String word = vocabulary.get(random.nextInt(vocabulary.size()));
                text.append(random.nextInt(6) == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            }
            texts.add(text.toString());
        }
        List<MatchableTerm> terms = new ArrayList<>(TERMS);
        long id = 0;
        TermStatus[] statuses = TermStatus.values();
        for (String text : texts) {
            id++;
            terms.add(new MatchableTerm(id, id / 2, "en", text, statuses[random.nextInt(statuses.length)],
                    random.nextInt(10) == 0));
        }
        return terms;
    }

    /** Sentences of filler words with glossary words and, now and then, a whole term (sometimes inflected). */
    private static List<String> segments(Random random, List<String> vocabulary, List<MatchableTerm> terms) {
        List<String> segments = new ArrayList<>(SEGMENTS);
        for (int s = 0; s < SEGMENTS; s++) {
            StringBuilder segment = new StringBuilder();
            int words = 12 + random.nextInt(20);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    segment.append(random.nextInt(15) == 0 ? ", " : " ");
                }
                int pick = random.nextInt(20);
                if (pick == 0) {
                    String term = terms.get(random.nextInt(terms.size())).text();
                    segment.append(random.nextInt(3) == 0 ? term + "s" : term);
                } else if (pick < 5) {
                    segment.append(vocabulary.get(random.nextInt(vocabulary.size())));
                } else {
                    segment.append(FILLER[random.nextInt(FILLER.length)]);
                }
            }
            segment.setCharAt(0, Character.toUpperCase(segment.charAt(0)));
            segments.add(segment.append('.').toString());
        }
        return segments;
    }
}
