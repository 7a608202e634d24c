package org.postedit.workbench.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.postedit.workbench.glossary.matching.Token;

/** The lemmas the glossary relies on really come out of LanguageTool's dictionaries, and offsets fit the text. */
class LanguageToolLemmatizerTest {

    private static LanguageToolLemmatizer lemmatizer;

    @BeforeAll
    static void load() {
        lemmatizer = new LanguageToolLemmatizer();
    }

    @Test
    void englishPluralsAndIrregularFormsHaveTheirLemmas() {
        List<Token> tokens = lemmatizer.tokenize("en-US", "men in countries with projects and children");

        assertThat(lemmasOf(tokens, "men")).contains("man");
        assertThat(lemmasOf(tokens, "countries")).contains("country");
        assertThat(lemmasOf(tokens, "projects")).contains("project");
        assertThat(lemmasOf(tokens, "children")).contains("child");
    }

    @Test
    void tokensAreWordsAndPunctuationAtTheirOffsetsNeverWhitespace() {
        String text = "  Open\u00A0source,  projects.\n";
        List<Token> tokens = lemmatizer.tokenize("en", text);

        assertThat(tokens).extracting(Token::surface).containsExactly("Open", "source", ",", "projects", ".");
        for (Token token : tokens) {
            assertThat(text.substring(token.start(), token.end())).isEqualTo(token.surface());
        }
    }

    @Test
    void otherLanguagesLoadOnDemandAndUnknownOnesAreReadPlainly() {
        assertThat(lemmasOf(lemmatizer.tokenize("de-DE", "Die Männer kommen"), "Männer")).contains("Mann");
        assertThat(lemmasOf(lemmatizer.tokenize("fr", "les enfants"), "enfants")).contains("enfant");
        assertThat(lemmatizer.tokenize("zh-CN", "开源项目")).extracting(Token::surface)
                .containsExactly("开", "源", "项", "目");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        String text = "The vice ministers of many countries met the men and children of open source projects.";
        List<Token> expected = lemmatizer.tokenize("en", text);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<Token>>> results = pool.invokeAll(java.util.Collections.nCopies(64,
                    () -> lemmatizer.tokenize("en", text)));
            for (Future<List<Token>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }

    private static java.util.Set<String> lemmasOf(List<Token> tokens, String surface) {
        return tokens.stream().filter(t -> t.surface().equals(surface)).findFirst().orElseThrow().lemmas();
    }
}
