package org.postedit.workbench.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Small checkers with known behaviour, to test {@link CheckService} without the real ones: one that flags words
 * and counts its calls, one that fails, one that ignores interrupts and overruns its time, one that waits at a
 * gate, one that does not apply to Chinese, and a whole-document one. Words that trigger them are unusual enough
 * that the shipped samples (checked too) never contain them.
 */
@TestConfiguration
public class TestCheckers {

    @Bean
    FlagWords flagWords() {
        return new FlagWords();
    }

    @Bean
    Failing failing() {
        return new Failing();
    }

    @Bean
    Stubborn stubborn() {
        return new Stubborn();
    }

    @Bean
    Partial partial() {
        return new Partial();
    }

    @Bean
    Gate gate() {
        return new Gate();
    }

    @Bean
    NotForChinese notForChinese() {
        return new NotForChinese();
    }

    @Bean
    Repeats repeats() {
        return new Repeats();
    }

    /** "teh" is a spelling error (suggest "the"), "very unique" a style warning; counts calls per text. */
    public static class FlagWords implements Checker {
        static final String ID = "test-flag";
        private static final Pattern TEH = Pattern.compile("\\bteh\\b", Pattern.CASE_INSENSITIVE);
        private static final Pattern VERY_UNIQUE = Pattern.compile("\\bvery unique\\b");
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        volatile String settings = "v1";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String name() {
            return "Test words";
        }

        @Override
        public boolean appliesTo(String targetLanguage) {
            return true;
        }

        @Override
        public String settingsKey(long documentId, String targetLanguage) {
            return settings;
        }

        @Override
        public boolean readsContext() {
            return false;
        }

        @Override
        public List<Issue> check(CheckedText text) {
            calls.computeIfAbsent(text.text(), t -> new AtomicInteger()).incrementAndGet();
            List<Issue> issues = new ArrayList<>();
            Matcher teh = TEH.matcher(text.text());
            while (teh.find()) {
                issues.add(new Issue(ID, "TEH", IssueCategory.SPELLING, IssueSeverity.ERROR, teh.start(), 3,
                        "Possible spelling mistake", List.of("the")));
            }
            Matcher unique = VERY_UNIQUE.matcher(text.text());
            while (unique.find()) {
                issues.add(new Issue(ID, "VERY_UNIQUE", IssueCategory.STYLE, IssueSeverity.WARNING, unique.start(),
                        unique.end() - unique.start(), "Unique is absolute", List.of("unique")));
            }
            return issues;
        }

        int calls(String text) {
            AtomicInteger n = calls.get(text);
            return n == null ? 0 : n.get();
        }
    }

    /** Throws on any text with "explode". */
    public static class Failing implements Checker {
        @Override
        public String id() {
            return "test-failing";
        }

        @Override
        public String name() {
            return "Test failing";
        }

        @Override
        public boolean appliesTo(String targetLanguage) {
            return true;
        }

        @Override
        public List<Issue> check(CheckedText text) {
            if (text.text().contains("explode")) {
                throw new IllegalStateException("test checker failing on purpose");
            }
            return List.of();
        }
    }

    /** Stops half-way on "halfway" texts, as LanguageTool does over its time limit: one issue found so far. */
    public static class Partial implements Checker {
        static final String ID = "test-partial";
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        int calls(String text) {
            AtomicInteger n = calls.get(text);
            return n == null ? 0 : n.get();
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String name() {
            return "Test partial";
        }

        @Override
        public boolean appliesTo(String targetLanguage) {
            return true;
        }

        @Override
        public List<Issue> check(CheckedText text) {
            int at = text.text().indexOf("halfway");
            if (at < 0) {
                return List.of();
            }
            calls.computeIfAbsent(text.text(), t -> new AtomicInteger()).incrementAndGet();
            throw new IncompleteCheckException("stopped half-way on purpose", List.of(new Issue(ID, "HALF",
                    IssueCategory.STYLE, IssueSeverity.INFO, at, "halfway".length(), "found before stopping",
                    List.of())));
        }
    }

    /** Spins for three seconds on "dawdle", deaf to interrupts, like a catastrophic regular expression. */
    public static class Stubborn implements Checker {
        static final Duration SPIN = Duration.ofSeconds(3);
        private final Map<String, AtomicInteger> finished = new ConcurrentHashMap<>();

        int finished(String text) {
            AtomicInteger n = finished.get(text);
            return n == null ? 0 : n.get();
        }

        @Override
        public String id() {
            return "test-stubborn";
        }

        @Override
        public String name() {
            return "Test stubborn";
        }

        @Override
        public boolean appliesTo(String targetLanguage) {
            return true;
        }

        @Override
        public List<Issue> check(CheckedText text) {
            if (text.text().contains("dawdle")) {
                long until = System.nanoTime() + SPIN.toNanos();
                long spins = 0;
                while (System.nanoTime() < until) {
                    spins++;
                }
                finished.computeIfAbsent(text.text(), t -> new AtomicInteger()).incrementAndGet();
                return List.of(new Issue(id(), "LATE", IssueCategory.STYLE, IssueSeverity.INFO, 0, 1,
                        "too late to count " + spins, List.of()));
            }
            return List.of();
        }
    }

    /** Waits on "gated" texts until the gate opens (interruptibly). */
    public static class Gate implements Checker {
        volatile CountDownLatch gate = new CountDownLatch(0);

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public String id() {
            return "test-gate";
        }

        @Override
        public String name() {
            return "Test gate";
        }

        @Override
        public boolean appliesTo(String targetLanguage) {
            return true;
        }

        @Override
        public List<Issue> check(CheckedText text) {
            if (text.text().contains("gated")) {
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of();
        }
    }

    /** A Latin-script check that has nothing to say about Chinese targets. */
    public static class NotForChinese implements Checker {
        @Override
        public String id() {
            return "test-latin";
        }

        @Override
        public String name() {
            return "Test Latin script";
        }

        @Override
        public boolean appliesTo(String targetLanguage) {
            return !targetLanguage.toLowerCase(Locale.ROOT).startsWith("zh");
        }

        @Override
        public List<Issue> check(CheckedText text) {
            return List.of();
        }
    }

    /** Whole-document: a target that repeats an earlier one word for word, when it says "repeat". */
    public static class Repeats implements DocumentChecker {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String id() {
            return "test-repeats";
        }

        @Override
        public String name() {
            return "Test repeats";
        }

        @Override
        public List<SegmentIssue> check(List<CheckedText> segments) {
            runs.incrementAndGet();
            Map<String, Long> first = new HashMap<>();
            List<SegmentIssue> issues = new ArrayList<>();
            for (CheckedText s : segments) {
                String text = s.text();
                if (!text.contains("repeat")) {
                    continue;
                }
                Long earlier = first.putIfAbsent(text, s.segmentId());
                if (earlier != null) {
                    issues.add(new SegmentIssue(s.segmentId(), new Issue(id(), "REPEAT", IssueCategory.CONSISTENCY,
                            IssueSeverity.INFO, 0, text.length(), "Same text as an earlier segment", List.of())));
                }
            }
            return issues;
        }
    }
}
