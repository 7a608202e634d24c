package org.postedit.workbench.glossary.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postedit.workbench.glossary.matching.TermStatus.ADMITTED;
import static org.postedit.workbench.glossary.matching.TermStatus.DEPRECATED;
import static org.postedit.workbench.glossary.matching.TermStatus.FORBIDDEN;
import static org.postedit.workbench.glossary.matching.TermStatus.PREFERRED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.postedit.workbench.check.LanguageToolLemmatizer;

/**
 * The matcher's rules, first with a tiny dictionary (so a failure points at the matcher, not at LanguageTool), then
 * with LanguageTool's English tagger for the inflections reviewers actually meet, and on the shipped sample.
 */
class TermMatcherTest {

    /** One real tagger for the whole class: loading it is the slow part. */
    private static LanguageToolLemmatizer languageTool;

    private final AtomicLong ids = new AtomicLong();

    @BeforeAll
    static void loadTagger() {
        languageTool = new LanguageToolLemmatizer();
    }

    // ---------------------------------------------------------------- with a small dictionary

    @Test
    void findsInflectedFormsThroughTheLemmatizer() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "project", ADMITTED, false),
                term(2, "en", "country", ADMITTED, false),
                term(3, "en", "man", ADMITTED, false),
                term(4, "en", "child", ADMITTED, false)), SMALL_DICTIONARY);

        assertThat(found(matcher, "Two projects in three countries, by men and children."))
                .containsExactly("projects=project", "countries=country", "men=man", "children=child");
    }

    @Test
    void findsMultiWordTermsAcrossRepeatedAndNoBreakSpacesButNotAcrossPunctuation() {
        TermMatcher matcher = new TermMatcher(List.of(term(1, "en", "open source", PREFERRED, false)),
                Lemmatizer.NONE);

        assertThat(found(matcher, "open source")).containsExactly("open source=open source");
        assertThat(found(matcher, "open  source")).containsExactly("open  source=open source");
        assertThat(found(matcher, "open\u00A0source")).containsExactly("open\u00A0source=open source");
        assertThat(found(matcher, "open\nsource")).containsExactly("open\nsource=open source");
        assertThat(found(matcher, "open, source")).isEmpty();
        assertThat(found(matcher, "open-source")).isEmpty();
    }

    @Test
    void respectsWordBoundaries() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "art", ADMITTED, false),
                term(2, "en", "open source", PREFERRED, false)), Lemmatizer.NONE);

        assertThat(found(matcher, "start the opensource smartphone")).isEmpty();
        assertThat(found(matcher, "Art, (art) and art.")).containsExactly("Art=art", "art=art", "art=art");
    }

    @Test
    void longestMatchWinsAndTermsInsideItAreNotReported() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "Open Atom", DEPRECATED, true),
                term(2, "en", "open source", PREFERRED, false),
                term(3, "en", "Open Atom Global Open Source Summit", DEPRECATED, false),
                term(4, "en", "source summit", ADMITTED, false)), Lemmatizer.NONE);

        String text = "the 2023 Open Atom Global Open Source Summit and the Open Atom open source summit";
        assertThat(found(matcher, text)).containsExactly(
                "Open Atom Global Open Source Summit=Open Atom Global Open Source Summit",
                "Open Atom=Open Atom",
                // leftmost first: "open source" starts before "source summit", which overlaps it
                "open source=open source");
    }

    @Test
    void aShorterTermIsFoundWhenTheLongerOneIsIncomplete() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "open source", PREFERRED, false),
                term(2, "en", "open source project", DEPRECATED, false)), Lemmatizer.NONE);

        assertThat(found(matcher, "an open source product")).containsExactly("open source=open source");
        assertThat(found(matcher, "an open source project")).containsExactly("open source project=open source project");
    }

    @Test
    void appliesEachTermsOwnCaseRule() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "Vice Minister", PREFERRED, true),
                term(1, "en", "vice minister", DEPRECATED, true),
                term(2, "en", "OpenAtom Foundation", PREFERRED, false)), Lemmatizer.NONE);

        assertThat(matches(matcher, "Vice Minister Zhang")).extracting(m -> m.term().status()).containsExactly(PREFERRED);
        assertThat(matches(matcher, "the vice minister")).extracting(m -> m.term().status()).containsExactly(DEPRECATED);
        assertThat(matches(matcher, "VICE MINISTER")).isEmpty();
        assertThat(matches(matcher, "Vice minister")).isEmpty();
        assertThat(found(matcher, "the openatom foundation and the OPENATOM FOUNDATION"))
                .containsExactly("openatom foundation=OpenAtom Foundation", "OPENATOM FOUNDATION=OpenAtom Foundation");
    }

    @Test
    void caseSensitiveTermsKeepTheirCaseWhenInflected() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "Vice Minister", PREFERRED, true),
                term(1, "en", "vice minister", DEPRECATED, true)), SMALL_DICTIONARY);

        assertThat(matches(matcher, "two Vice Ministers")).extracting(m -> m.term().status()).containsExactly(PREFERRED);
        assertThat(matches(matcher, "two vice ministers")).extracting(m -> m.term().status()).containsExactly(DEPRECATED);
        assertThat(matches(matcher, "two vice ministers")).extracting(TermMatch::inflected).containsExactly(true);
    }

    @Test
    void theSameWordsInTwoConceptsAreBothReported() {
        TermMatcher matcher = new TermMatcher(List.of(
                new MatchableTerm(1, 10, "en", "bank", ADMITTED, false),
                new MatchableTerm(2, 20, "en", "bank", ADMITTED, false)), Lemmatizer.NONE);

        assertThat(matches(matcher, "the bank")).extracting(TermMatch::conceptId).containsExactly(10L, 20L);
    }

    @Test
    void foldsApostrophesAndQuotes() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "Xi Jinping's new era", DEPRECATED, false),
                term(2, "en", "\"going out\"", DEPRECATED, false)), Lemmatizer.NONE);

        for (String apostrophe : List.of("'", "\u2019", "\u2018", "`", "\u00B4", "\u2032")) {
            String text = "guidance of Xi Jinping" + apostrophe + "s new era.";
            assertThat(found(matcher, text)).as(apostrophe)
                    .containsExactly("Xi Jinping" + apostrophe + "s new era=Xi Jinping's new era");
        }
        assertThat(found(matcher, "the \u201Cgoing out\u201D and \u201Egoing out\u201C"))
                .containsExactly("\u201Cgoing out\u201D=\"going out\"", "\u201Egoing out\u201C=\"going out\"");
    }

    @Test
    void foldsUnicodeHyphensButKeepsHyphenAndSpaceApart() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "open-source project", PREFERRED, false),
                term(1, "en", "open source project", DEPRECATED, false)), Lemmatizer.NONE);

        assertThat(matches(matcher, "an open\u2010source project")).extracting(m -> m.term().status())
                .containsExactly(PREFERRED);
        assertThat(matches(matcher, "an open\u2011source project")).extracting(m -> m.term().status())
                .containsExactly(PREFERRED);
        assertThat(matches(matcher, "an open source project")).extracting(m -> m.term().status())
                .containsExactly(DEPRECATED);
    }

    @Test
    void matchesChineseCharacterByCharacterWithoutWordBoundaries() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "zh", "开放原子", PREFERRED, false),
                term(2, "zh", "开源", PREFERRED, false),
                term(3, "zh", "开放原子开源基金会", PREFERRED, false),
                term(4, "zh", "开源项目", PREFERRED, false),
                term(5, "zh", "我国", PREFERRED, false)), languageTool);

        List<TermMatch> matches = matcher.find("zh-CN", "由开放原子开源基金会主办，我国开源项目和开源。");
        assertThat(matches).extracting(m -> m.term().text())
                .containsExactly("开放原子开源基金会", "我国", "开源项目", "开源");
        assertThat(matches.getFirst().offset()).isEqualTo(1);
        assertThat(matches.getFirst().length()).isEqualTo(9);
    }

    @Test
    void looksOnlyForTermsOfTheTextsLanguage() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en-US", "open source", PREFERRED, false),
                term(2, "zh", "开源", PREFERRED, false)), Lemmatizer.NONE);

        assertThat(found(matcher, "en-GB", "open source 开源")).containsExactly("open source=open source");
        assertThat(found(matcher, "zh-Hans", "open source 开源")).containsExactly("开源=开源");
        assertThat(found(matcher, "de", "open source 开源")).isEmpty();
    }

    @Test
    void ignoresEmptyTermsAndTexts() {
        TermMatcher matcher = new TermMatcher(List.of(term(1, "en", "  ", PREFERRED, false)), Lemmatizer.NONE);

        assertThat(matcher.size()).isZero();
        assertThat(matcher.find("en", "")).isEmpty();
        assertThat(TermMatcher.empty().find("en", "anything")).isEmpty();
    }

    // ---------------------------------------------------------------- with LanguageTool's English tagger

    @Test
    void findsRegularAndIrregularEnglishInflectionWithTheTagger() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "project", ADMITTED, false),
                term(2, "en", "country", ADMITTED, false),
                term(3, "en", "man", ADMITTED, false),
                term(4, "en", "child", ADMITTED, false),
                term(5, "en", "open-source project", PREFERRED, false),
                term(6, "en", "open source project", DEPRECATED, false)), languageTool);

        assertThat(found(matcher, "Men and children of many countries start projects."))
                .containsExactly("Men=man", "children=child", "countries=country", "projects=project");
        assertThat(found(matcher, "more open-source projects"))
                .containsExactly("open-source projects=open-source project");
        assertThat(found(matcher, "more open source projects"))
                .containsExactly("open source projects=open source project");
    }

    @Test
    void inflectsEveryWordOfATermNotOnlyTheLast() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "member of the party group", DEPRECATED, false),
                term(2, "en", "Vice Minister", PREFERRED, true),
                term(2, "en", "vice minister", DEPRECATED, true)), languageTool);

        assertThat(found(matcher, "three members of the party groups"))
                .containsExactly("members of the party groups=member of the party group");
        assertThat(matches(matcher, "two Vice Ministers and two vice ministers"))
                .extracting(m -> m.term().status()).containsExactly(PREFERRED, DEPRECATED);
    }

    @Test
    void apostrophesDoNotDependOnHowTheTaggerSplitsThem() {
        TermMatcher matcher = new TermMatcher(List.of(
                term(1, "en", "Xi Jinping's new era of socialism with Chinese characteristics", DEPRECATED, false),
                term(2, "en", "my country", FORBIDDEN, false)), languageTool);

        assertThat(found(matcher, "the guidance of Xi Jinping\u2019s new era of socialism with Chinese characteristics,"))
                .containsExactly("Xi Jinping\u2019s new era of socialism with Chinese characteristics"
                        + "=Xi Jinping's new era of socialism with Chinese characteristics");
        assertThat(found(matcher, "my country\u2019s software")).containsExactly("my country=my country");
    }

    @Test
    void findsTheShippedGlossaryInTheShippedSample() throws IOException {
        TermMatcher matcher = new TermMatcher(SHIPPED_GLOSSARY, languageTool);
        String sample = Files.readString(Path.of("seeds/000_796b4e4ca0be2a4e.txt"), StandardCharsets.UTF_8);

        List<String> found = found(matcher, sample);

        assertThat(found).containsSubsequence(
                "Open Atom Global Open Source Summit=Open Atom Global Open Source Summit",
                "member of the party group=member of the party group",
                "vice minister=vice minister",
                "Ministry of Industry and Information Technology=Ministry of Industry and Information Technology",
                "18th National Congress of the Communist Party of China"
                        + "=18th National Congress of the Communist Party of China",
                "my country=my country",
                "my country=my country",
                "open source projects=open source project",
                "Xi Jinping\u2019s new era of socialism with Chinese characteristics"
                        + "=Xi Jinping's new era of socialism with Chinese characteristics",
                "one game of chess=one game of chess",
                "open source projects=open source project",
                "star open source projects=star open source project",
                "Open Atom=Open Atom",
                "bringing in=bringing in",
                "going out=going out",
                "Open Atom Open Source Foundation=Open Atom Open Source Foundation",
                "Beijing Economic and Technological Development Zone"
                        + "=Beijing Economic and Technological Development Zone");
        assertThat(found).filteredOn(f -> f.endsWith("=Vice Minister")).isEmpty();
        assertThat(found).filteredOn(f -> f.endsWith("=Open Atom")).hasSize(1);
        assertThat(found).filteredOn(f -> f.equals("my country=my country")).hasSize(2);
        // nothing the longer terms above cover is reported again
        assertThat(found).doesNotContain("Open Atom Global Open Source Summit=open source");
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        TermMatcher matcher = new TermMatcher(SHIPPED_GLOSSARY, languageTool);
        String text = "Adhere to the national \u201Cone game of chess\u201D, my\u00A0country\u2019s needs.";

        for (TermMatch match : matcher.find("en-US", text)) {
            assertThat(TypographicVariants.fold(match.in(text)).replace('\u00A0', ' '))
                    .isEqualToIgnoringCase(match.term().text());
        }
        assertThat(matcher.find("en-US", text)).hasSize(2);
    }

    @Test
    void oneMatcherServesManyThreadsAndLongTexts() throws Exception {
        TermMatcher matcher = new TermMatcher(SHIPPED_GLOSSARY, languageTool);
        String sentence = "More open source projects in my country, said the vice minister. ";
        String longText = sentence.repeat(300); // about 20 KB, a long paragraph of MT
        List<TermMatch> expected = matcher.find("en", longText);
        assertThat(expected).hasSize(3 * 300);

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var results = pool.invokeAll(java.util.Collections.nCopies(8,
                    (java.util.concurrent.Callable<List<TermMatch>>) () -> matcher.find("en", longText)));
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private MatchableTerm term(long concept, String language, String text, TermStatus status, boolean caseSensitive) {
        return new MatchableTerm(ids.incrementAndGet(), concept, language, text, status, caseSensitive);
    }

    private static List<TermMatch> matches(TermMatcher matcher, String text) {
        return matcher.find("en", text);
    }

    private static List<String> found(TermMatcher matcher, String text) {
        return found(matcher, "en", text);
    }

    /** "text as found=term as written", in text order. */
    private static List<String> found(TermMatcher matcher, String language, String text) {
        List<String> found = new ArrayList<>();
        for (TermMatch match : matcher.find(language, text)) {
            found.add(match.in(text) + "=" + match.term().text());
        }
        return found;
    }

    /** A lemmatizer that knows four plurals, so the matcher's own logic is tested without a real dictionary. */
    private static final Lemmatizer SMALL_DICTIONARY = new Lemmatizer() {
        private final Map<String, String> lemmas = Map.of("projects", "project", "countries", "country",
                "men", "man", "children", "child", "ministers", "minister");

        @Override
        public List<Token> tokenize(String language, String text) {
            return NONE.tokenize(language, text).stream()
                    .map(t -> {
                        String lemma = lemmas.get(t.surface().toLowerCase());
                        return lemma == null ? t : new Token(t.start(), t.end(), t.surface(), java.util.Set.of(lemma));
                    })
                    .toList();
        }
    };

    /**
     * The English side of glossary/seed-terms.csv, inline so the test does not depend on the shipped file's format
     * (it becomes TBX); concept ids are the CSV's rows.
     */
    private static final List<MatchableTerm> SHIPPED_GLOSSARY = shippedGlossary();

    private static List<MatchableTerm> shippedGlossary() {
        Object[][] rows = {
                {1, "OpenAtom Foundation", PREFERRED, false},
                {1, "Open Atom Open Source Foundation", DEPRECATED, false},
                {1, "Open Atom Foundation", DEPRECATED, false},
                {2, "OpenAtom Global Open Source Summit", PREFERRED, false},
                {2, "Open Atom Global Open Source Summit", DEPRECATED, false},
                {3, "OpenAtom", PREFERRED, true},
                {3, "Open Atom", DEPRECATED, true},
                {4, "China", PREFERRED, false},
                {4, "my country", FORBIDDEN, false},
                {5, "nationwide coordination", PREFERRED, false},
                {5, "one game of chess", FORBIDDEN, false},
                {6, "Ministry of Industry and Information Technology", PREFERRED, false},
                {7, "member of the Leading Party Members' Group", PREFERRED, false},
                {7, "member of the party group", DEPRECATED, false},
                {8, "Vice Minister", PREFERRED, true},
                {8, "vice minister", DEPRECATED, true},
                {9, "China Association for Science and Technology", PREFERRED, false},
                {10, "Beijing Municipal Bureau of Economy and Information Technology", PREFERRED, false},
                {11, "Beijing Economic-Technological Development Area", PREFERRED, false},
                {11, "Beijing Economic and Technological Development Zone", DEPRECATED, false},
                {12, "18th National Congress of the Communist Party of China", PREFERRED, false},
                {13, "Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era", PREFERRED, false},
                {13, "Xi Jinping's new era of socialism with Chinese characteristics", DEPRECATED, false},
                {14, "open source", PREFERRED, false},
                {15, "open-source project", PREFERRED, false},
                {15, "open source project", DEPRECATED, false},
                {16, "flagship project", PREFERRED, false},
                {16, "star project", DEPRECATED, false},
                {16, "star open source project", DEPRECATED, false},
                {17, "industry, academia and research institutes", PREFERRED, false},
                {18, "bringing in", PREFERRED, false},
                {19, "going global", PREFERRED, false},
                {19, "going out", DEPRECATED, false},
        };
        List<MatchableTerm> terms = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            Object[] row = rows[i];
            terms.add(new MatchableTerm(i + 1, (Integer) row[0], "en", (String) row[1], (TermStatus) row[2],
                    (Boolean) row[3]));
        }
        return List.copyOf(terms);
    }
}
