package org.postedit.workbench.check.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.glossary.Concept;
import org.postedit.workbench.glossary.GlossaryService;
import org.postedit.workbench.glossary.Term;
import org.postedit.workbench.glossary.TermStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * The glossary checker end to end: the real seeded glossary, the real LanguageTool lemmatizer behind the glossary's
 * matcher. Inflection, word boundaries, case rules and apostrophes come from the matcher; this proves they reach
 * the issues, with the right severity and fix.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "terry", roles = "TERMINOLOGIST")
class GlossaryCheckerTest {

    @Autowired
    GlossaryChecker checker;
    @Autowired
    GlossaryService glossary;
    @Autowired
    DocumentService documents;
    @Autowired
    ApplicationContext context;

    /** Any stored document: without glossaries of its own it uses the shipped General glossary. */
    private long documentId;

    @BeforeEach
    void aDocument() {
        documentId = documents.list(true).getFirst().document().id();
    }

    private List<Issue> mt(String target) {
        return checker.check(new CheckedText(documentId, 1, "en-US", null, TaggedText.plain(target),
                TaggedText.plain(target), null));
    }

    private List<Issue> bilingual(String source, String target) {
        return checker.check(new CheckedText(documentId, 1, "en-US", "zh-CN", TaggedText.plain(target),
                TaggedText.plain(target), TaggedText.plain(source)));
    }

    private static String line(String text, Issue issue) {
        return issue.ruleId() + "|" + issue.in(text) + "|" + String.join("/", issue.suggestions());
    }

    private List<String> lines(String target) {
        return mt(target).stream().map(i -> line(target, i)).toList();
    }

    @Test
    void forbiddenTermsAreErrorsAndDeprecatedOnesWarningsWithThePreferredTermAsTheFix() {
        String text = "The Open Atom Open Source Foundation said my country will keep one game of chess.";
        List<Issue> issues = mt(text);
        assertThat(issues).extracting(i -> line(text, i)).containsExactly(
                "deprecated-term|Open Atom Open Source Foundation|OpenAtom Foundation",
                "forbidden-term|my country|China",
                "forbidden-term|one game of chess|nationwide coordination");
        assertThat(issues).allSatisfy(i -> {
            assertThat(i.checker()).isEqualTo("glossary");
            assertThat(i.category()).isEqualTo(IssueCategory.TERMINOLOGY);
        });
        assertThat(issues.get(0).severity()).isEqualTo(IssueSeverity.WARNING);
        assertThat(issues.get(1).severity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(issues.get(1).message()).contains("forbidden").contains("China").contains("literal MT of 我国");
    }

    @Test
    void inflectedFormsAreFoundAndTheFixTakesTheirNumber() {
        assertThat(lines("Many open source projects and my countries grew.")).containsExactly(
                "deprecated-term|open source projects|open-source projects",
                "forbidden-term|my countries|China");
        assertThat(lines("It has star open source projects.")).containsExactly(
                "deprecated-term|star open source projects|flagship projects");
    }

    @Test
    void atTheStartOfASentenceTheFixIsCapitalised() {
        assertThat(lines("One game of chess is over. my country is large.")).containsExactly(
                "forbidden-term|One game of chess|Nationwide coordination",
                "forbidden-term|my country|China");
        assertThat(lines("Done. open source project leaders met.")).containsExactly(
                "deprecated-term|open source project|Open-source project");
    }

    @Test
    void wordBoundariesCaseRulesAndApostrophesComeFromTheMatcher() {
        // boundaries: a longer word is another word
        assertThat(lines("In my countryside the Open Atomic lab works.")).isEmpty();
        // case-sensitive terms: "Open Atom" is the deprecated brand spelling, "open atom" is not the brand;
        // "vice minister" (lower case) is the deprecated form of the title "Vice Minister"
        assertThat(lines("an open atom model")).isEmpty();
        assertThat(lines("the Open Atom brand")).containsExactly("deprecated-term|Open Atom|OpenAtom");
        assertThat(lines("Vice Minister Zhang met the vice minister.")).containsExactly(
                "deprecated-term|vice minister|Vice Minister");
        // case-insensitive: any capitalisation of "my country"
        assertThat(lines("MY COUNTRY and My Country")).hasSize(2);
        // ’ and ' are one apostrophe
        String curly = "the guidance of Xi Jinping’s new era of socialism with Chinese characteristics";
        String straight = curly.replace('’', '\'');
        assertThat(lines(curly)).singleElement().asString().startsWith("deprecated-term|Xi Jinping’s new era");
        assertThat(lines(straight)).singleElement().asString().startsWith("deprecated-term|Xi Jinping's new era");
        // preferred and admitted terms are fine
        assertThat(lines("China and the OpenAtom Foundation hosted open-source projects.")).isEmpty();
    }

    @Test
    void aSourceTermWhosePreferredTargetTermIsMissingIsAWarningOnTheWholeSegment() {
        List<Issue> missing = bilingual("我国开源项目发展迅速", "The nation's projects grew quickly.");
        assertThat(missing).extracting(Issue::ruleId).containsOnly("expected-term-missing");
        assertThat(missing).hasSize(2).allSatisfy(i -> {
            assertThat(i.severity()).isEqualTo(IssueSeverity.WARNING);
            assertThat(i.offset()).isZero();
            assertThat(i.length()).isZero();
        });
        assertThat(missing).anySatisfy(i -> assertThat(i.message()).contains("我国").contains("“China”"));
        assertThat(missing).anySatisfy(i -> assertThat(i.message()).contains("开源项目")
                .contains("“open-source project”"));

        // present in any form: nothing missing
        assertThat(bilingual("我国开源项目发展迅速", "China's open-source projects grew quickly.")).isEmpty();
        // rendered with the term to avoid: reported once, as that term, not also as missing
        assertThat(bilingual("我国开源项目发展迅速", "My country's open-source projects grew."))
                .extracting(Issue::ruleId).containsExactly("forbidden-term");
        // MT-only segments have no source to compare
        assertThat(mt("The nation's projects grew quickly.")).isEmpty();
    }

    @Test
    void theSettingsKeyFollowsTheGlossaryVersion() {
        String before = checker.settingsKey(documentId, "en-US");
        TestSecurity.useStrategyOf(context);
        long own = glossary.createGlossary("checker test " + UUID.randomUUID(), null, "terry").id();
        glossary.createConcept(own, Concept.draft(null, null, null, null,
                List.of(Term.of("zh", "星云", TermStatus.PREFERRED), Term.of("en", "nebula", TermStatus.PREFERRED))),
                "terry");
        assertThat(checker.settingsKey(documentId, "en-US")).isNotEqualTo(before)
                .isEqualTo("glossary-" + glossary.glossaryVersion());
    }

    @Test
    void oddInputNeverThrows() {
        assertThat(mt("")).isEmpty();
        assertThat(mt("   ")).isEmpty();
        assertThat(mt("\u0000\u0007 my country\u001B\uFFFF \uD800")).extracting(Issue::ruleId)
                .containsExactly("forbidden-term");
        assertThat(checker.check(new CheckedText(documentId, 1, "xx-YY", null, TaggedText.plain("my country"),
                TaggedText.EMPTY, null))).isEmpty();
    }
}
