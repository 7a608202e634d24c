package org.postedit.workbench.check.typography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.document.TaggedText;

/**
 * Every typography rule, table-driven: true positives with the covered text and the fix, and the near-misses each
 * rule must leave alone. MT-only English texts unless a case says otherwise.
 */
class TypographyRulesTest {

    /** "Plan A" stands for a glossary term in the target, exempt from the capitalisation rule. */
    private static final String GLOSSARY_NAME = "Made In Europe";

    private final TypographyChecker checker = new TypographyChecker(text -> {
        int at = text.text().indexOf(GLOSSARY_NAME);
        return at < 0 ? List.of() : List.of(new int[] {at, at + GLOSSARY_NAME.length()});
    }, () -> 7);

    static List<Issue> check(TypographyChecker checker, String language, String target) {
        return checker.check(new CheckedText(1, 1, language, null, TaggedText.plain(target), TaggedText.plain(target),
                null));
    }

    static Stream<Arguments> truePositives() {
        return Stream.of(
                // rule, language, target, covered, first suggestion
                Arguments.of("run-together-sentences", "en-US", "promote development.Improve the layout", ".", ". "),
                Arguments.of("run-together-sentences", "en-US", "the national “one game”.Face the world", ".", ". "),
                Arguments.of("run-together-sentences", "en-US", "Is it ready?Yes, it is.", "?", "? "),
                Arguments.of("run-together-sentences", "en-GB", "held in 2023.The summit", ".", ". "),
                Arguments.of("run-together-sentences", "de-DE", "Das ist gut.Wir gehen.", ".", ". "),
                Arguments.of("cjk-punctuation", "en-US", "open source applications。Give full play", "。", ". "),
                Arguments.of("cjk-punctuation", "en-US", "open source applications。", "。", "."),
                Arguments.of("cjk-punctuation", "en-US", "first，second", "，", ", "),
                Arguments.of("cjk-punctuation", "en-US", "theme：inclusive", "：", ": "),
                Arguments.of("cjk-punctuation", "en-US", "a；b", "；", "; "),
                Arguments.of("cjk-punctuation", "en-US", "Great！", "！", "!"),
                Arguments.of("cjk-punctuation", "fr-FR", "Pourquoi？", "？", "?"),
                Arguments.of("cjk-punctuation", "en-US", "the 「School Source Tour」", "「", "\""),
                Arguments.of("cjk-punctuation", "en-US", "the book 《Open Source》", "《", "\""),
                Arguments.of("cjk-punctuation", "en-US", "the summit （Beijing）", "（", "("),
                Arguments.of("opening-quote-apostrophe", "en-US", "face the world‘s cutting-edge science", "‘", "’"),
                Arguments.of("opening-quote-apostrophe", "en-US", "the people`s life", "`", "’"),
                Arguments.of("space-before-punctuation", "en-US", "open source culture , appeal", " ,", ","),
                Arguments.of("space-before-punctuation", "en-US", "the end .", " .", "."),
                Arguments.of("space-before-punctuation", "en-US", "Really ?", " ?", "?"),
                Arguments.of("space-before-punctuation", "en-US", "as follows : one", " :", ":"),
                Arguments.of("space-before-punctuation", "fr-FR", "le projet , la communauté", " ,", ","),
                Arguments.of("double-space", "en-US", "open  source", "  ", " "),
                Arguments.of("double-space", "en-US", "the end.   Next", "   ", " "),
                Arguments.of("capitalised-function-word", "en-US", "and create A better policy environment", "A", "a"),
                Arguments.of("capitalised-function-word", "en-US", "it was developed In the past", "In", "in"),
                Arguments.of("capitalised-function-word", "en-US", "innovation And development", "And", "and"),
                Arguments.of("capitalised-function-word", "en-US", "the power Of the people", "Of", "of"),
                Arguments.of("capitalised-function-word", "en-US", "visit The city today", "The", "the"),
                Arguments.of("lower-case-sentence-start", "en-US", "Open source development. my country has become",
                        "my", "My"),
                Arguments.of("lower-case-sentence-start", "en-US", "the summit opened.", "the", "The"),
                Arguments.of("lower-case-sentence-start", "en-US", "Is it? yes it is.", "yes", "Yes"),
                Arguments.of("lower-case-sentence-start", "en-US", "It ended. “the next one", "the", "The"),
                Arguments.of("dateline-run-in", "en-US", " date 2023-06-13 On June 11, the summit was held.",
                        "date 2023-06-13 ", "date 2023-06-13 — "),
                Arguments.of("dateline-run-in", "en-US", "2023/06/13 The summit opened.", "2023/06/13 ",
                        "2023/06/13 — "),
                Arguments.of("dateline-run-in", "en-US", "Beijing, 13.06.2023 The summit opened.",
                        "Beijing, 13.06.2023 ", "Beijing, 13.06.2023 — "),
                Arguments.of("unbalanced-pairs", "en-US", "the theme (open source is great", "(", null),
                Arguments.of("unbalanced-pairs", "en-US", "the theme open source) is great", ")", null),
                Arguments.of("unbalanced-pairs", "en-US", "the “one game of chess is over", "“", null),
                Arguments.of("unbalanced-pairs", "en-US", "one game of chess” is over", "”", null),
                Arguments.of("unbalanced-pairs", "en-US", "a [b (c] d", "(", null),
                Arguments.of("unbalanced-pairs", "en-US", "he said \"yes and \"no\" twice", "\"", null),
                Arguments.of("unbalanced-pairs", "de-DE", "Er sagte „ja und ging.", "„", null));
    }

    @ParameterizedTest(name = "{0} fires on [{2}]")
    @MethodSource("truePositives")
    void firesWithTheFix(String rule, String language, String target, String covered, String suggestion) {
        List<Issue> found = check(checker, language, target).stream().filter(i -> i.ruleId().equals(rule)).toList();
        // a bracket pair in CJK form is two issues, one per character; the first is the one under test
        assertThat(found).as("%s in %s", rule, target).hasSizeBetween(1, 2);
        Issue issue = found.getFirst();
        assertThat(issue.in(target)).isEqualTo(covered);
        assertThat(issue.checker()).isEqualTo("typography");
        assertThat(issue.category()).isEqualTo(IssueCategory.TYPOGRAPHY);
        assertThat(issue.message()).isNotBlank();
        if (suggestion == null) {
            assertThat(issue.suggestions()).isEmpty();
        } else {
            assertThat(issue.suggestions()).first().isEqualTo(suggestion);
        }
    }

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                Arguments.of("run-together-sentences", "en-US", "Built with Node.js and Vue.js today."),
                Arguments.of("run-together-sentences", "en-US", "Version 3.5 was released; pi is 3.14159."),
                Arguments.of("run-together-sentences", "en-US", "The U.S. economy and the U.S.Army grew."),
                Arguments.of("run-together-sentences", "en-US", "Some tools, e.g. Linux, i.e. Free ones."),
                Arguments.of("run-together-sentences", "en-US", "See www.example.com or Example.Com/Path for more."),
                Arguments.of("run-together-sentences", "en-US", "Open README.md, report.PDF or Setup.Exe now."),
                Arguments.of("run-together-sentences", "en-US", "Call System.Console.WriteLine(x) or Foo.Bar()."),
                Arguments.of("run-together-sentences", "en-US", "Upgrade to v2.0.1 and 1.2.3.Final builds."),
                Arguments.of("run-together-sentences", "en-US", "Ask Mr.Smith and Dr.Jones about it."),
                Arguments.of("run-together-sentences", "en-US", "Mail info@Example.Org or J.R.R.Tolkien fans."),
                Arguments.of("run-together-sentences", "zh-CN", "使用Node.js开发。Improve不适用。"),
                Arguments.of("cjk-punctuation", "zh-CN", "开源发展。我国，已成为：第二！"),
                Arguments.of("cjk-punctuation", "ja-JP", "オープンソース。「サミット」"),
                Arguments.of("cjk-punctuation", "ko-KR", "오픈 소스。"),
                Arguments.of("cjk-punctuation", "en-US", "The “School Source Tour” (Beijing): done, ok; yes!"),
                Arguments.of("opening-quote-apostrophe", "en-US", "the world’s science and ‘quoted’ words"),
                Arguments.of("opening-quote-apostrophe", "en-US", "rock ‘n’ roll, ‘tis, and `code` here"),
                Arguments.of("space-before-punctuation", "en-US", "Wait ... and think …"),
                Arguments.of("space-before-punctuation", "en-US", "Use .NET and .5 mm screws."),
                Arguments.of("space-before-punctuation", "en-US", "Nice :) and wink ;) and :D"),
                Arguments.of("space-before-punctuation", "fr-FR", "Pourquoi ? Voici : la liste ; oui !"),
                Arguments.of("space-before-punctuation", "fr-FR", "Pourquoi\u202F? Voici\u00A0: oui"),
                Arguments.of("space-before-punctuation", "en-US", "First line\n, second"),
                Arguments.of("double-space", "en-US", " leading and trailing  "),
                Arguments.of("double-space", "en-US", "line one\n    indented\ttab\t\tx"),
                Arguments.of("double-space", "en-US", "one space only, and a no-break\u00A0 space"),
                Arguments.of("capitalised-function-word", "en-US", "The Ministry Of Industry And Technology."),
                Arguments.of("capitalised-function-word", "en-US", "They chose Plan A. Vitamin A is good."),
                Arguments.of("capitalised-function-word", "en-US", "lack of vitamin A deficiency; an A in maths"),
                Arguments.of("capitalised-function-word", "en-US", "the theme: A better future. In the end."),
                Arguments.of("capitalised-function-word", "en-US", "he said “The end is near”"),
                Arguments.of("capitalised-function-word", "en-US", "we read The Economist and The Guardian"),
                Arguments.of("capitalised-function-word", "en-US", "products labelled Made In Europe are fine"),
                Arguments.of("capitalised-function-word", "en-US", "use AND or OR operators"),
                Arguments.of("capitalised-function-word", "de-DE", "wir gehen In den Park"),
                Arguments.of("lower-case-sentence-start", "en-US", "Use e.g. the tools, i.e. the best ones."),
                Arguments.of("lower-case-sentence-start", "en-US", "The U.S. officials met. The iPhone sold."),
                Arguments.of("lower-case-sentence-start", "en-US", "iPhone sales grew. eBay too. x86 chips."),
                Arguments.of("lower-case-sentence-start", "en-US", "Visit www.example.com. npm/install works."),
                Arguments.of("lower-case-sentence-start", "en-US", "Wait... then it worked."),
                Arguments.of("lower-case-sentence-start", "en-US", "J. smith and Mr. jones arrived."),
                Arguments.of("lower-case-sentence-start", "zh-CN", "开源。test"),
                Arguments.of("dateline-run-in", "en-US", "2023-06-13 — On June 11, the summit was held."),
                Arguments.of("dateline-run-in", "en-US", "date 2023-06-13. On June 11, it opened."),
                Arguments.of("dateline-run-in", "en-US", "On 2023-06-13 The Summit opened."),
                Arguments.of("dateline-run-in", "en-US", "The summit of 2023-06-13 was held."),
                Arguments.of("unbalanced-pairs", "en-US", "Steps: 1) open, 2) close; a) yes b) no :) ;)"),
                Arguments.of("unbalanced-pairs", "en-US", "The (open [source] {world}) and “one ‘game’ of chess”."),
                Arguments.of("unbalanced-pairs", "en-US", "He said \"yes\" and \"no\"."),
                Arguments.of("unbalanced-pairs", "de-DE", "Er sagte „ja“ und ging."),
                Arguments.of("unbalanced-pairs", "fr-FR", "Il a dit « oui » et partit."));
    }

    @ParameterizedTest(name = "{0} stays silent on [{2}]")
    @MethodSource("nearMisses")
    void leavesNearMissesAlone(String rule, String language, String target) {
        assertThat(check(checker, language, target)).filteredOn(i -> i.ruleId().equals(rule)).isEmpty();
    }
}
