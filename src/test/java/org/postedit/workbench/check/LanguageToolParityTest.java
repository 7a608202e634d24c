package org.postedit.workbench.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.postedit.workbench.check.LanguageToolRuleExamples.Example;
import org.postedit.workbench.document.TaggedText;

/**
 * With the glossary and the project dictionary switched off ({@link KnownWords#NONE}), the checker reports exactly
 * what raw LanguageTool reports on the same text: same rule ids, offsets and lengths, same count. Texts: a spread of
 * LanguageTool's own rule examples (incorrect and correct) from the English grammar and style rules, the shared
 * TICO-19 English sentences and the shipped MT sample.
 */
class LanguageToolParityTest {

    private static LanguageToolPool pool;
    private static LanguageToolChecker checker;
    private static JLanguageTool raw;

    @BeforeAll
    static void load() {
        // no time limit to speak of: a check cut short on a busy machine would differ from raw LanguageTool
        pool = new LanguageToolPool(LanguageToolCheckerTest.PATIENT);
        checker = new LanguageToolChecker(pool, KnownWords.NONE, LanguageToolCheckerTest.PATIENT);
        raw = new JLanguageTool(Languages.getLanguageForShortCode("en-US"));
    }

    @AfterAll
    static void close() {
        pool.destroy();
    }

    @Test
    void checkerEqualsRawLanguageToolOnRuleExamplesAndRealSentences() throws IOException {
        List<Example> errors = new ArrayList<>();
        List<Example> clean = new ArrayList<>();
        spread(LanguageToolRuleExamples.read("/org/languagetool/rules/en/grammar.xml"), 240, 80, errors, clean);
        spread(LanguageToolRuleExamples.read("/org/languagetool/rules/en/style.xml"), 60, 20, errors, clean);
        List<String> real = new ArrayList<>(EnglishSentences.corpus());
        real.addAll(EnglishSentences.seeds());

        List<String> texts = new ArrayList<>();
        errors.forEach(e -> texts.add(e.text()));
        clean.forEach(e -> texts.add(e.text()));
        texts.addAll(real);

        List<String> differences = new ArrayList<>();
        int issues = 0;
        List<List<Issue>> found = new ArrayList<>();
        for (String text : texts) {
            List<Issue> mine = checker.check(english(text));
            found.add(mine);
            issues += mine.size();
            List<String> expected = raw.check(text).stream()
                    .map(m -> m.getRule().getId() + "@" + m.getFromPos() + "+" + (m.getToPos() - m.getFromPos()))
                    .toList();
            List<String> actual = mine.stream().map(i -> i.ruleId() + "@" + i.offset() + "+" + i.length()).toList();
            if (!actual.equals(expected)) {
                differences.add(text + "\n  raw:     " + expected + "\n  checker: " + actual);
            }
        }

        System.out.printf("LanguageTool parity: %d texts (%d rule error examples, %d correct examples, %d real "
                + "sentences), %d issues, %d differences%n", texts.size(), errors.size(), clean.size(), real.size(),
                issues, differences.size());
        assertThat(errors).hasSizeGreaterThanOrEqualTo(200);
        assertThat(clean).hasSizeGreaterThanOrEqualTo(50);
        assertThat(differences).as("texts where the checker and raw LanguageTool differ").isEmpty();

        // the examples do what LanguageTool's authors say: every error example is flagged, by its own rule unless
        // another rule's match on the same words won LanguageTool's overlap resolution
        List<String> unflagged = new ArrayList<>();
        List<String> otherRule = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            Example example = errors.get(i);
            List<Issue> mine = found.get(i);
            if (mine.isEmpty()) {
                unflagged.add(example.ruleId() + ": " + example.text());
            } else if (mine.stream().noneMatch(issue -> issue.ruleId().equals(example.ruleId()))) {
                otherRule.add(example.ruleId() + " -> " + mine.stream().map(Issue::ruleId).toList() + ": "
                        + example.text());
            }
        }
        System.out.printf("Error examples: %d flagged by their own rule, %d by another rule only, %d not flagged%n",
                errors.size() - otherRule.size() - unflagged.size(), otherRule.size(), unflagged.size());
        otherRule.forEach(o -> System.out.println("  other rule: " + o));
        assertThat(unflagged).as("error examples without any issue").isEmpty();
        assertThat(otherRule.size()).as("error examples not flagged by their own rule").isLessThanOrEqualTo(errors.size() / 20);

        // a correct example is never flagged by the rule it illustrates, and most have no issue at all
        int silent = 0;
        for (int i = 0; i < clean.size(); i++) {
            Example example = clean.get(i);
            List<Issue> mine = found.get(errors.size() + i);
            assertThat(mine).as("correct example of %s: %s", example.ruleId(), example.text())
                    .noneMatch(issue -> issue.ruleId().equals(example.ruleId()));
            silent += mine.isEmpty() ? 1 : 0;
        }
        assertThat(silent).as("correct examples without any issue").isGreaterThanOrEqualTo(50);
    }

    /**
     * Every n-th example of the rules that a plain check runs, spread over the whole file, so the sample covers
     * rules from all categories rather than the first few hundred of one.
     */
    private static void spread(List<Example> examples, int wantedErrors, int wantedClean, List<Example> errors,
                               List<Example> clean) {
        Set<String> seen = new LinkedHashSet<>();
        List<Example> incorrect = examples.stream().filter(e -> e.defaultOn() && e.incorrect())
                .filter(e -> seen.add(e.text())).collect(Collectors.toList());
        List<Example> correct = examples.stream().filter(e -> e.defaultOn() && !e.incorrect())
                .filter(e -> seen.add(e.text())).collect(Collectors.toList());
        pick(incorrect, wantedErrors, errors);
        pick(correct, wantedClean, clean);
    }

    private static void pick(List<Example> from, int wanted, List<Example> into) {
        double step = Math.max(1.0, from.size() / (double) wanted);
        for (double i = 0; i < from.size() && into.size() < wanted + into.size() && wanted > 0; i += step) {
            into.add(from.get((int) i));
            wanted--;
        }
    }

    static CheckedText english(String text) {
        return new CheckedText(1, 1, "en-US", null, TaggedText.plain(text), TaggedText.plain(text), null);
    }
}
