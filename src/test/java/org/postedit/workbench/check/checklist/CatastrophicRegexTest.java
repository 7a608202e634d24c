package org.postedit.workbench.check.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;

/**
 * A user's regular expression cannot hang the checks: it is stopped at its time limit, the other rules run. Java 25's
 * regex engine memoizes simple nested quantifiers, so the textbook {@code (a+)+$} finishes at once; a backreference
 * defeats that ({@code ^(a+)+\1$} on 40 "a"s and a "b" would take hours), so the tests use both.
 */
class CatastrophicRegexTest {

    private static CompiledRule rule(String key, String pattern, String replacement) {
        return CompiledRule.of(ChecklistRule.draft(key, key, "found " + key, pattern, replacement,
                IssueSeverity.WARNING, true, null));
    }

    @Test
    @Timeout(10)
    void aCatastrophicPatternTimesOutOnceAndTheOtherRulesStillRun() {
        String text = "a".repeat(40) + "b and a doubled doubled word";
        long start = System.nanoTime();
        ChecklistRun.Result result = ChecklistRun.apply(List.of(rule("textbook", "(a+)+$", null),
                        rule("evil", "^(a+)+\\1$", null), rule("doubled", "\\b(\\w+) \\1\\b", "$1")), text,
                Duration.ofMillis(100), Duration.ofSeconds(1), 50);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(2_000);
        assertThat(result.timedOut()).extracting(ChecklistRule::key).containsExactly("evil");
        List<Issue> issues = result.issues();
        assertThat(issues).filteredOn(i -> i.ruleId().equals("evil")).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(IssueSeverity.INFO);
            assertThat(i.message()).contains("took too long");
            assertThat(i.length()).isZero();
        });
        assertThat(issues).filteredOn(i -> i.ruleId().equals("doubled")).singleElement()
                .satisfies(i -> assertThat(i.in(text)).isEqualTo("doubled doubled"));
    }

    @Test
    @Timeout(10)
    void theSegmentLimitBoundsManySlowRulesTogether() {
        String text = "a".repeat(40) + "b";
        List<CompiledRule> rules = List.of(rule("e1", "^(a+)+\\1$", null), rule("e2", "((a+)+)\\2c", null),
                rule("e3", "(.*a){15}c", null), rule("e4", "^(a+)+\\1c", null), rule("fine", "b", "B"));
        long start = System.nanoTime();
        ChecklistRun.Result result = ChecklistRun.apply(rules, text, Duration.ofMillis(200), Duration.ofMillis(300),
                50);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        assertThat(result.timedOut()).hasSizeGreaterThanOrEqualTo(2);
        // one issue per rule at most: a timed-out rule is reported once, not per attempt
        assertThat(result.issues().stream().map(Issue::ruleId).distinct().count())
                .isEqualTo(result.issues().size());
    }

    @Test
    void aRuleMatchingEverythingIsCappedAndEmptyMatchesAreIgnored() {
        String text = "x".repeat(100_000);
        ChecklistRun.Result result = ChecklistRun.apply(List.of(rule("each", "x", null), rule("empty", "y*", null)),
                text, Duration.ofMillis(500), Duration.ofSeconds(1), 50);
        assertThat(result.issues()).filteredOn(i -> i.ruleId().equals("each")).hasSize(50);
        assertThat(result.issues()).noneMatch(i -> i.ruleId().equals("empty"));
    }
}
