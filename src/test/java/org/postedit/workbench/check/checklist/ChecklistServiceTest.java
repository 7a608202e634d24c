package org.postedit.workbench.check.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.document.TaggedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The checklist against the real application and H2: validation, CRUD, version, CSV both ways, the checker. */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "terry", roles = "TERMINOLOGIST")
class ChecklistServiceTest {

    @Autowired
    ChecklistService checklist;
    @Autowired
    ChecklistChecker checker;
    @Autowired
    ApplicationContext context;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ChecklistRule create(String key, String pattern, String replacement, String language) {
        TestSecurity.useStrategyOf(context);
        return checklist.create(ChecklistRule.draft(key, "Rule " + key, "Message of " + key, pattern, replacement,
                IssueSeverity.WARNING, true, language), "terry");
    }

    private List<Issue> check(String language, String target) {
        return checker.check(new CheckedText(1, 1, language, null, TaggedText.plain(target),
                TaggedText.plain(target), null));
    }

    @Test
    void aRuleIsAppliedWithItsReplacementAndGroups_andEveryChangeBumpsTheVersion() {
        long before = checklist.version();
        String key = unique("doubled-word");
        ChecklistRule rule = create(key, "\\b(\\w+) \\1\\b", "$1", null);
        assertThat(checklist.version()).isGreaterThan(before);
        assertThat(checker.settingsKey(1, "en-US")).isEqualTo("checklist-" + checklist.version());

        String target = "the the summit was was held";
        List<Issue> issues = check("en-US", target).stream().filter(i -> i.ruleId().equals(key)).toList();
        assertThat(issues).hasSize(2).allSatisfy(i -> {
            assertThat(i.checker()).isEqualTo("checklist");
            assertThat(i.category()).isEqualTo(IssueCategory.CUSTOM);
            assertThat(i.severity()).isEqualTo(IssueSeverity.WARNING);
            assertThat(i.message()).isEqualTo("Message of " + key);
        });
        assertThat(issues.get(0).in(target)).isEqualTo("the the");
        assertThat(issues.get(0).suggestions()).containsExactly("the");
        assertThat(issues.get(1).suggestions()).containsExactly("was");

        long afterCreate = checklist.version();
        checklist.setEnabled(rule.id(), false, "terry");
        assertThat(checklist.version()).isGreaterThan(afterCreate);
        assertThat(check("en-US", target)).noneMatch(i -> i.ruleId().equals(key));

        checklist.update(rule.id(), ChecklistRule.draft(key, "Doubled", "Word twice", "\\b(?<w>\\w+) \\k<w>\\b",
                "${w}", IssueSeverity.ERROR, true, "en"), "terry");
        assertThat(check("en-GB", target)).filteredOn(i -> i.ruleId().equals(key)).hasSize(2)
                .allSatisfy(i -> assertThat(i.severity()).isEqualTo(IssueSeverity.ERROR))
                .first().satisfies(i -> assertThat(i.suggestions()).containsExactly("the"));
        assertThat(check("de-DE", target)).noneMatch(i -> i.ruleId().equals(key));

        checklist.delete(rule.id(), "terry");
        assertThat(checklist.rule(rule.id())).isEmpty();
        assertThat(check("en-GB", target)).noneMatch(i -> i.ruleId().equals(key));
    }

    @Test
    void invalidRulesAreRefusedWithReasons() {
        TestSecurity.useStrategyOf(context);
        assertThatThrownBy(() -> create(unique("bad"), "(unclosed", null, null))
                .isInstanceOf(ChecklistValidationException.class).hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> create(unique("bad"), "x".repeat(1001), null, null))
                .hasMessageContaining("longer than 1000");
        assertThatThrownBy(() -> create(unique("bad"), "(a)b", "$2", null)).hasMessageContaining("group $2");
        assertThatThrownBy(() -> create(unique("bad"), "(a)b", "${nope}", null)).hasMessageContaining("nope");
        assertThatThrownBy(() -> create(unique("bad"), "a*", null, null)).hasMessageContaining("empty text");
        assertThatThrownBy(() -> create(unique("bad"), "a", null, "not a tag")).hasMessageContaining("language tag");
        assertThatThrownBy(() -> create("has space", "a", null, null)).hasMessageContaining("rule id");
        String key = unique("dup");
        create(key, "a", null, null);
        assertThatThrownBy(() -> create(key, "b", null, null)).hasMessageContaining("exists already");
        // the name alone makes an id
        ChecklistRule named = checklist.create(ChecklistRule.draft(null, "No “Open Atom” " + key, null, "Open Atom",
                "OpenAtom", IssueSeverity.ERROR, true, null), "terry");
        assertThat(named.key()).isEqualTo("no-open-atom-" + key);
        assertThat(named.message()).isEqualTo(named.name());
    }

    @Test
    void onlyTerminologistsAndAdministratorsChangeTheChecklist() {
        String key = unique("guarded");
        ChecklistRule rule = create(key, "x", null, null);
        assertThatThrownBy(() -> TestSecurity.runAs(context, "rita", () -> checklist.create(ChecklistRule.draft(
                unique("r"), "r", null, "y", null, IssueSeverity.INFO, true, null), "rita"), "REVIEWER"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestSecurity.runAs(context, "rita", () -> {
            checklist.delete(rule.id(), "rita");
            return null;
        }, "REVIEWER")).isInstanceOf(AccessDeniedException.class);
        assertThat(TestSecurity.runAs(context, "vic", () -> checklist.rules(), "VIEWER"))
                .anyMatch(r -> r.key().equals(key));
        assertThat(TestSecurity.runAs(context, "ada", () -> checklist.setEnabled(rule.id(), false, "ada"), "ADMIN")
                .enabled()).isFalse();
    }

    @Test
    void csvRoundTripKeepsPatternsWithQuotesCommasAndBackslashes() throws Exception {
        TestSecurity.useStrategyOf(context);
        String a = unique("quotes");
        String b = unique("comma");
        String csv = "rule_id,name,message,pattern,replacement,severity,enabled,target_language\r\n"
                + a + ",Straight quotes,\"Use “curly” quotes, not \"\"straight\"\"\",\"\"\"(\\w+)\"\"\",“$1”,error,true,en\r\n"
                + b + ",\"Comma, space\",Space before comma,\" +,\",\",\",info,false,\r\n";
        ChecklistService.ImportResult result = checklist.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "terry");
        assertThat(result.problems()).isEmpty();
        assertThat(result.added()).isEqualTo(2);
        ChecklistRule quotes = checklist.rules().stream().filter(r -> r.key().equals(a)).findFirst().orElseThrow();
        assertThat(quotes.pattern()).isEqualTo("\"(\\w+)\"");
        assertThat(quotes.replacement()).isEqualTo("“$1”");
        assertThat(quotes.message()).isEqualTo("Use “curly” quotes, not \"straight\"");
        assertThat(quotes.targetLanguage()).isEqualTo("en");
        ChecklistRule comma = checklist.rules().stream().filter(r -> r.key().equals(b)).findFirst().orElseThrow();
        assertThat(comma.pattern()).isEqualTo(" +,");
        assertThat(comma.enabled()).isFalse();
        assertThat(comma.severity()).isEqualTo(IssueSeverity.INFO);
        assertThat(comma.targetLanguage()).isNull();

        String target = "he said \"hello\" twice";
        assertThat(check("en-US", target)).filteredOn(i -> i.ruleId().equals(a)).singleElement()
                .satisfies(i -> assertThat(i.suggestions()).containsExactly("“hello”"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        checklist.exportCsv(out);
        String exported = out.toString(StandardCharsets.UTF_8);
        assertThat(exported).startsWith(String.join(",", ChecklistService.COLUMNS) + "\r\n");
        // re-importing the export changes nothing but updates every rule in place
        int rules = checklist.rules().size();
        ChecklistService.ImportResult again = checklist.importCsv(new ByteArrayInputStream(out.toByteArray()), "terry");
        assertThat(again.problems()).isEmpty();
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isEqualTo(rules);
        assertThat(checklist.rules()).filteredOn(r -> r.key().equals(a)).singleElement()
                .satisfies(r -> assertThat(r.pattern()).isEqualTo(quotes.pattern()));
    }

    @Test
    void aBadCsvStoresNothingAndSaysWhichRowsAreWrong() throws Exception {
        TestSecurity.useStrategyOf(context);
        int before = checklist.rules().size();
        String csv = "name,pattern,severity\nGood one,abc,warning\nBroken,(abc,warning\nOdd,x,fatal\n";
        ChecklistService.ImportResult result = checklist.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "terry");
        assertThat(result.added()).isZero();
        assertThat(result.problems()).hasSize(2);
        assertThat(result.problems().get(0)).startsWith("Row 3:").contains("regular expression");
        assertThat(result.problems().get(1)).startsWith("Row 4:").contains("fatal");
        assertThat(checklist.rules()).hasSize(before);

        assertThat(checklist.importCsv(new ByteArrayInputStream("a,b\n\"open".getBytes(StandardCharsets.UTF_8)),
                "terry").problems()).singleElement().asString().contains("not closed");
        assertThat(checklist.importCsv(new ByteArrayInputStream(new byte[] {(byte) 0xC3, 0x28}), "terry")
                .problems()).singleElement().asString().contains("UTF-8");
        assertThat(checklist.importCsv(new ByteArrayInputStream("foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8)),
                "terry").problems()).singleElement().asString().contains("header");
    }
}
