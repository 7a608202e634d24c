package org.postedit.workbench.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.check.checklist.ChecklistChecker;
import org.postedit.workbench.check.checklist.ChecklistRule;
import org.postedit.workbench.check.checklist.ChecklistService;
import org.postedit.workbench.check.consistency.ConsistencyChecker;
import org.postedit.workbench.check.terminology.GlossaryChecker;
import org.postedit.workbench.check.typography.RunTogetherSegments;
import org.postedit.workbench.check.typography.TypographyChecker;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.TaggedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bad input for every checker of this package: 100 KB segments (prose, one endless word, digits, brackets), empty
 * and blank targets, control characters, lone surrogates, mixed scripts. No exception, and a bounded time each.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "terry", roles = "TERMINOLOGIST")
class CheckerRobustnessTest {

    /** Generous for a 2-core machine shared with other builds; a hang or a quadratic rule takes far longer. */
    private static final long LIMIT_MILLIS = 10_000;

    @Autowired
    GlossaryChecker glossary;
    @Autowired
    TypographyChecker typography;
    @Autowired
    ChecklistChecker checklistChecker;
    @Autowired
    ChecklistService checklist;
    @Autowired
    ConsistencyChecker consistency;
    @Autowired
    RunTogetherSegments joins;
    @Autowired
    DocumentService documents;
    @Autowired
    ApplicationContext context;

    private final List<Long> rules = new ArrayList<>();
    private long documentId;

    @BeforeEach
    void rulesAndADocument() {
        documentId = documents.list(true).getFirst().document().id();
        TestSecurity.useStrategyOf(context);
        String suffix = "-" + System.nanoTime();
        rules.add(checklist.create(ChecklistRule.draft("robust-doubled" + suffix, "Doubled word", null,
                "\\b(\\w+) \\1\\b", "$1", IssueSeverity.WARNING, true, null), "terry").id());
        rules.add(checklist.create(ChecklistRule.draft("robust-evil" + suffix, "Evil", null, "^(\\w+)+\\1$", null,
                IssueSeverity.INFO, true, null), "terry").id());
    }

    @AfterEach
    void removeRules() {
        TestSecurity.useStrategyOf(context);
        rules.forEach(id -> checklist.delete(id, "terry"));
    }

    private static Stream<String> badTargets() {
        String prose = "Since the 18th Congress, my country’s software industry grew.Improve the layout。Create A "
                + "better world‘s policy , with  10 trillion (yuan and “quotes. ";
        return Stream.of(
                "",
                "   \t\n ",
                prose.repeat(100_000 / prose.length() + 1),
                "a".repeat(100_000),
                "1,000.5 ".repeat(12_500),
                "((([[[“«".repeat(12_500),
                "(".repeat(50_000) + "]".repeat(50_000),
                ".".repeat(100_000),
                "\u0000\u0001\u0007\u001B\u007F my country\u0085\u2028\u2029\uFEFF\uFFFE\uFFFF",
                "\uD800 lone \uDC00 surrogates \uD83D",
                "开源 open source проект مشروع 🚀 my country。Ελληνικά 한국어 日本語のテキスト。Next",
                "\u202Eright-to-left override\u202C and \u200B zero width\u200D joiners");
    }

    private void bounded(String what, Runnable check) {
        long start = System.nanoTime();
        check.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as(what).isLessThan(LIMIT_MILLIS);
    }

    @Test
    void everySegmentCheckerHandlesBadInputQuickly() {
        List<Checker> checkers = List.of(glossary, typography, checklistChecker);
        List<String> targets = badTargets().toList();
        for (String target : targets) {
            // English runs every rule and the lemmatizer; Chinese the CJK paths; "" a tag nothing knows
            for (String language : List.of("en-US", "zh-CN", "")) {
                CheckedText mtOnly = new CheckedText(documentId, 1, language, null, TaggedText.plain(target),
                        TaggedText.plain("MT " + target), null);
                CheckedText bilingual = new CheckedText(documentId, 1, language, "zh-CN", TaggedText.plain(target),
                        TaggedText.plain(target), TaggedText.plain("我国开源项目" + target));
                for (Checker checker : checkers) {
                    for (CheckedText text : language.equals("en-US") ? List.of(mtOnly, bilingual) : List.of(mtOnly)) {
                        String what = checker.id() + " on " + target.length() + " chars in '" + language + "'";
                        bounded(what, () -> {
                            List<Issue> issues = checker.check(text);
                            assertThat(issues).as(what).isNotNull();
                            String plain = text.text();
                            assertThat(issues).as(what).allSatisfy(i -> assertThat(i.end()).isLessThanOrEqualTo(
                                    plain.length()));
                        });
                    }
                }
            }
        }
    }

    @Test
    void documentCheckersHandleBadInputQuickly() {
        List<CheckedText> segments = new ArrayList<>();
        long id = 1;
        for (String target : badTargets().toList()) {
            segments.add(new CheckedText(documentId, id++, "en-US", "zh-CN", TaggedText.plain(target),
                    TaggedText.plain(target), TaggedText.plain("同一句")));
            segments.add(new CheckedText(documentId, id++, "en-US", null, TaggedText.plain(target),
                    TaggedText.plain(target), null));
        }
        for (DocumentChecker checker : List.of(consistency, joins)) {
            bounded(checker.id(), () -> assertThat(checker.check(segments)).isNotNull());
        }
        assertThat(consistency.check(segments)).isNotEmpty();
        assertThat(joins.check(List.of())).isEmpty();
    }
}
