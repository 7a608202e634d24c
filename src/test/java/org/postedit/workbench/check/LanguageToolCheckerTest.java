package org.postedit.workbench.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.postedit.workbench.document.TaggedText;
import org.slf4j.LoggerFactory;

/** The LanguageTool checker on real LanguageTool: languages and variants, the issue mapping, odd input, threads. */
class LanguageToolCheckerTest {

    private static LanguageToolPool pool;
    private static LanguageToolChecker checker;

    /** Time enough for the functional tests on a machine shared by many builds; the limit has tests of its own. */
    static final LanguageToolProperties PATIENT = new LanguageToolProperties(Duration.ofMinutes(3), 0, false,
            List.of(), List.of());

    @BeforeAll
    static void load() {
        pool = new LanguageToolPool(PATIENT);
        checker = new LanguageToolChecker(pool, KnownWords.NONE, PATIENT);
    }

    @AfterAll
    static void close() {
        pool.destroy();
    }

    @Test
    void englishIssuesCarryCategorySeverityCleanMessagesAndSuggestions() {
        String text = "He go to school and buy a apple. The colour is nice.Improve it.";
        List<Issue> issues = checker.check(text("en-US", text));

        Issue agreement = only(issues, "HE_VERB_AGR");
        assertThat(agreement.in(text)).isEqualTo("go");
        assertThat(agreement.category()).isEqualTo(IssueCategory.GRAMMAR);
        assertThat(agreement.severity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(agreement.suggestions()).contains("goes", "went");
        assertThat(agreement.checker()).isEqualTo("languagetool");

        Issue article = only(issues, "EN_A_VS_AN");
        assertThat(article.message()).contains("\u201Can\u201D").doesNotContain("<suggestion>");
        assertThat(article.category()).isEqualTo(IssueCategory.GRAMMAR);

        Issue spelling = only(issues, "MORFOLOGIK_RULE_EN_US");
        assertThat(spelling.in(text)).isEqualTo("colour");
        assertThat(spelling.category()).isEqualTo(IssueCategory.SPELLING);
        assertThat(spelling.severity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(spelling.suggestions()).first().isEqualTo("color");
        assertThat(spelling.suggestions()).hasSizeLessThanOrEqualTo(5);

        Issue name = only(checker.check(text("en-US", "The Open Atom Foundation met Zhang Yunming.")),
                "EN_MULTITOKEN_SPELLING_TWO");
        assertThat(name.category()).isEqualTo(IssueCategory.SPELLING);

        Issue runTogether = only(issues, "SENTENCE_WHITESPACE");
        assertThat(runTogether.category()).isEqualTo(IssueCategory.TYPOGRAPHY);
        assertThat(runTogether.severity()).isEqualTo(IssueSeverity.WARNING);
    }

    @Test
    void styleRulesAreStyleAndNeverErrors() {
        String text = "He returned back home, each and every one of them.";
        List<Issue> issues = checker.check(text("en-US", text));

        assertThat(issues).isNotEmpty().allSatisfy(issue -> {
            assertThat(issue.category()).isEqualTo(IssueCategory.STYLE);
            assertThat(issue.severity()).isNotEqualTo(IssueSeverity.ERROR);
        });
    }

    @Test
    void britishAndAmericanSpellingFollowTheDocumentsVariant() {
        String british = "The colour of the centre is grey.";
        String american = "The color of the center is gray.";

        assertThat(spelling("en-US", british)).containsExactly("colour", "centre", "grey");
        assertThat(spelling("en", british)).containsExactly("colour", "centre", "grey");
        assertThat(spelling("en-GB", british)).isEmpty();
        assertThat(spelling("en-GB", american)).contains("color", "center");
        assertThat(spelling("en-US", american)).isEmpty();
        assertThat(spelling("en-IN", british)).as("Indian English spells British").isEmpty();
        assertThat(spelling("en_AU", british)).isEmpty();
        assertThat(checker.check(text("en-GB", american))).extracting(Issue::ruleId).contains("MORFOLOGIK_RULE_EN_GB");
        assertThat(checker.settingsKey(1, "en-GB")).isNotEqualTo(checker.settingsKey(1, "en-US"))
                .contains("en-GB");
        assertThat(checker.settingsKey(1, "en")).isEqualTo(checker.settingsKey(1, "en-US"));
    }

    @Test
    void germanAndFrenchAndPortugueseDocumentsGetTheirOwnRules() {
        String german = "Ich habe einen Auto gekauft.";
        List<Issue> de = checker.check(text("de-DE", german));
        assertThat(de).extracting(Issue::ruleId).contains("DE_AGREEMENT");
        assertThat(de.stream().filter(i -> i.ruleId().equals("DE_AGREEMENT")).findFirst().orElseThrow().in(german))
                .contains("einen Auto");
        assertThat(checker.check(text("de", "Das ist ein Fehller."))).extracting(Issue::ruleId)
                .contains("GERMAN_SPELLER_RULE");

        List<Issue> fr = checker.check(text("fr-FR", "Les enfant sont partis."));
        assertThat(fr).isNotEmpty();
        assertThat(fr).extracting(Issue::ruleId).doesNotContain("MORFOLOGIK_RULE_EN_US", "HE_VERB_AGR");
        assertThat(fr).extracting(Issue::ruleId).contains("D_N");

        List<Issue> pt = checker.check(text("pt-BR", "Eles foi ao mercado."));
        assertThat(pt).extracting(Issue::ruleId).isNotEmpty().doesNotContain("DE_AGREEMENT");
        assertThat(checker.name("de")).isEqualTo("Grammar and spelling (LanguageTool de-DE)");
    }

    @Test
    void otherLanguagesAreNotLanguageToolsBusiness() {
        for (String tag : List.of("zh-CN", "zh", "ja", "ko", "ru", "es", "", "x", "not a tag at all")) {
            assertThat(checker.appliesTo(tag)).as(tag).isFalse();
            assertThat(checker.check(text(tag, "这是一个测试。 The are a error."))).as(tag).isEmpty();
            assertThat(checker.settingsKey(1, tag)).isEmpty();
        }
        for (String tag : List.of("en", "en-US", "en-GB", "EN-gb", "en-CA", "en-AU", "en-IE", "de", "de-AT",
                "de-CH", "fr", "fr-CA", "pt", "pt-BR")) {
            assertThat(checker.appliesTo(tag)).as(tag).isTrue();
        }
        assertThat(checker.readsContext()).isFalse();
    }

    @Test
    void oddInputNeverThrowsAndOffsetsStayInTheText() {
        List<String> odd = List.of("", "   ", "\n\n", "\u0000\u0007Hello\u001B wrld\u0008 \uFFFF\uFFFE.",
                "The 开源 projct is 很好 and Привет мир is fine, שלום too: مرحبا.",
                "\uD800 lone surrogates \uDC00 in a sentense \uD83D\uDE00 emoji 👍🏽.",
                "\u200B\u200Bzero\u00ADwidth\u2028line\u2029para \uFEFF bom", "!!!???...,,,;;;",
                "a".repeat(5000), "1234567890 ".repeat(300), "<b>tags</b> &amp; entities &#x41; <suggestion>x</suggestion>");
        for (String text : odd) {
            List<Issue> issues = checker.check(text("en-US", text));
            assertThat(issues).allSatisfy(issue -> assertThat(issue.end()).isLessThanOrEqualTo(text.length()));
        }
    }

    @Test
    void aHundredKilobyteSegmentIsCheckedInBoundedTime() {
        String sentence = "This are a long segment with a speling error and and a repeated word. ";
        int sentences = 100_000 / sentence.length() + 1;
        String text = sentence.repeat(sentences);
        assertThat(text.length()).isGreaterThan(100_000);
        LanguageToolChecker limited = new LanguageToolChecker(pool, KnownWords.NONE, LanguageToolProperties.defaults());
        limited.check(text("en-US", "Loaded before the clock starts."));

        long start = System.nanoTime();
        List<Issue> issues;
        try {
            issues = limited.check(text("en-US", text));
        } catch (IncompleteCheckException cutShort) {
            issues = cutShort.found();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // four issues a sentence when the machine keeps up; fewer if the time limit cut the check short
        assertThat(issues).isNotEmpty().hasSizeLessThanOrEqualTo(4 * sentences);
        assertThat(issues).allSatisfy(issue -> assertThat(issue.end()).isLessThanOrEqualTo(text.length()));
        assertThat(issues).extracting(i -> i.in(text)).containsOnly("This", "are", "speling", "and and");
        assertThat(took).isLessThan(LanguageToolProperties.defaults().timeLimit().plusSeconds(30));
    }

    @Test
    void aCheckOverItsTimeLimitSaysItIsIncompleteWithWhatItFound() {
        LanguageToolProperties hurried = new LanguageToolProperties(Duration.ofMillis(200), 0, false, List.of(),
                List.of());
        LanguageToolChecker limited = new LanguageToolChecker(pool, KnownWords.NONE, hurried);
        String sentence = "This are a long segment with a speling error and and a repeated word. ";
        int sentences = 1000;
        String text = sentence.repeat(sentences);
        limited.check(text("en-US", "Loaded before the clock starts."));

        long start = System.nanoTime();
        // a partial result must not pass for a complete one: CheckService would cache it as the segment's issues
        IncompleteCheckException cutShort = catchThrowableOfType(IncompleteCheckException.class,
                () -> limited.check(text("en-US", text)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(cutShort).isNotNull();
        assertThat(cutShort.getMessage()).contains("LanguageTool stopped after").contains("limit 200 ms");
        assertThat(cutShort.found().size()).isLessThan(4 * sentences);
        assertThat(cutShort.found()).allSatisfy(issue -> assertThat(issue.end()).isLessThanOrEqualTo(text.length()));
        // the pool goes on with sound instances (one LanguageTool gave up on half-way is dropped)
        assertThat(checker.check(text("en-US", "He go home."))).extracting(Issue::ruleId).contains("HE_VERB_AGR");
    }

    @Test
    void spellingIssuesOnKnownWordsAreDroppedOthersKept() {
        String text = "The OpenAtom Foundaton helps Gitee developers.";
        KnownWords knowsOpenAtom = new KnownWords() {
            @Override
            public InText in(long documentId, String language, String t) {
                return (offset, length, word) -> word.equalsIgnoreCase("openatom");
            }

            @Override
            public String version(long documentId, String language) {
                return "test 1";
            }
        };
        LanguageToolChecker knowing = new LanguageToolChecker(pool, knowsOpenAtom, PATIENT);

        assertThat(spellingOf(checker, text)).contains("OpenAtom", "Foundaton");
        assertThat(spellingOf(knowing, text)).doesNotContain("OpenAtom").contains("Foundaton");
        assertThat(knowing.settingsKey(1, "en")).endsWith("test 1");
    }

    @Test
    void eightThreadsGetTheSameIssuesAsOne() throws Exception {
        List<String> texts = new ArrayList<>(EnglishSentences.seeds());
        texts.addAll(EnglishSentences.corpus().subList(0, 60));
        // LanguageTool's EN_DATE_WEEKDAY_CURRENTYEAR answers differently on surefire's main thread than on any
        // other thread (raw LanguageTool too), so the single-thread reference runs on a thread of its own
        List<List<Issue>> expected;
        try (ExecutorService one = Executors.newSingleThreadExecutor()) {
            expected = one.submit(() -> texts.stream().map(t -> checker.check(text("en-US", t))).toList()).get();
        }

        List<Future<List<List<Issue>>>> runs = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int thread = 0; thread < 8; thread++) {
                int shift = thread;
                runs.add(threads.submit(() -> {
                    List<List<Issue>> results = new ArrayList<>(texts.size());
                    for (int i = 0; i < texts.size(); i++) {
                        // each thread walks the texts from another start, so different texts run at the same time
                        results.add(null);
                    }
                    for (int k = 0; k < texts.size(); k++) {
                        int i = (k + shift * 17) % texts.size();
                        results.set(i, checker.check(text("en-US", texts.get(i))));
                    }
                    return results;
                }));
            }
            List<String> differences = new ArrayList<>();
            for (Future<List<List<Issue>>> run : runs) {
                List<List<Issue>> got = run.get();
                for (int i = 0; i < texts.size(); i++) {
                    if (!got.get(i).equals(expected.get(i))) {
                        differences.add(texts.get(i) + "\n  one thread: " + expected.get(i) + "\n  eight:      "
                                + got.get(i));
                    }
                }
            }
            assertThat(differences).as("texts checked differently by eight threads").isEmpty();
        }
        assertThat(checker.checkAll(texts.stream().map(t -> text("en-US", t)).toList())).isEqualTo(expected);
        assertThat(pool.created(Languages.getLanguageForShortCode("en-US"))).isLessThanOrEqualTo(8 + 1 + 2);
    }

    @Test
    void theRawLanguageToolBaselineFindsTheSameAsTheCheckerOnTheSample() throws Exception {
        JLanguageTool raw = new JLanguageTool(Languages.getLanguageForShortCode("en-US"));
        for (String paragraph : EnglishSentences.seedParagraphs()) {
            assertThat(checker.check(text("en-US", paragraph))).extracting(i -> i.ruleId() + "@" + i.offset())
                    .containsExactlyElementsOf(raw.check(paragraph).stream()
                            .map(m -> m.getRule().getId() + "@" + m.getFromPos()).toList());
        }
    }

    private static List<String> spelling(String language, String text) {
        return checker.check(text(language, text)).stream().filter(i -> i.category() == IssueCategory.SPELLING)
                .map(i -> i.in(text)).toList();
    }

    private static List<String> spellingOf(LanguageToolChecker checker, String text) {
        return checker.check(text("en-US", text)).stream().filter(i -> i.category() == IssueCategory.SPELLING)
                .map(i -> i.in(text)).toList();
    }

    private static Issue only(List<Issue> issues, String ruleId) {
        List<Issue> found = issues.stream().filter(i -> i.ruleId().equals(ruleId)).toList();
        assertThat(found).as("issues of %s in %s", ruleId, issues).hasSize(1);
        return found.getFirst();
    }

    static CheckedText text(String language, String text) {
        return new CheckedText(1, 1, language.isEmpty() ? "und" : language, null, TaggedText.plain(text),
                TaggedText.plain(text), null);
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    @SuppressWarnings("unused")
    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
