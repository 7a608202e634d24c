package org.postedit.workbench.check.checklist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;

/**
 * Applies checklist rules to one text under time limits: each rule gets {@code ruleLimit}, all together
 * {@code segmentLimit}. A rule that runs out of time is reported once, as an info issue on the segment, and
 * skipped; the rules after it still run while the segment's time lasts.
 */
final class ChecklistRun {

    /** The issues found, and the rules that ran out of time (for the log). */
    record Result(List<Issue> issues, List<ChecklistRule> timedOut) {
    }

    private ChecklistRun() {
    }

    static Result apply(List<CompiledRule> rules, String text, Duration ruleLimit, Duration segmentLimit,
                        int maxMatches) {
        List<Issue> issues = new ArrayList<>();
        List<ChecklistRule> timedOut = new ArrayList<>();
        long segmentDeadline = System.nanoTime() + segmentLimit.toNanos();
        for (CompiledRule compiled : rules) {
            long now = System.nanoTime();
            if (now - segmentDeadline >= 0) {
                timedOut.add(compiled.rule());
                issues.add(timeout(compiled.rule(), "The checklist ran out of time on this segment before rule “"
                        + compiled.rule().name() + "”; it was skipped."));
                continue;
            }
            long deadline = Math.min(now + ruleLimit.toNanos(), segmentDeadline);
            List<Issue> found = new ArrayList<>();
            try {
                Matcher m = compiled.pattern().matcher(new DeadlineText(text, deadline));
                while (found.size() < maxMatches && m.find()) {
                    if (m.end() > m.start()) {
                        found.add(issue(compiled, m));
                    }
                }
                issues.addAll(found);
            } catch (DeadlineText.TimedOut | StackOverflowError e) {
                // a deeply nested pattern on a long text may overflow the stack instead of running long
                timedOut.add(compiled.rule());
                issues.add(timeout(compiled.rule(), "The checklist rule “" + compiled.rule().name()
                        + "” took too long on this segment and was skipped."));
            }
        }
        return new Result(issues, timedOut);
    }

    private static Issue issue(CompiledRule compiled, Matcher m) {
        ChecklistRule rule = compiled.rule();
        List<String> suggestions = rule.replacement() == null ? List.of()
                : List.of(Replacement.expand(rule.replacement(), m, compiled.pattern()));
        return new Issue(ChecklistChecker.ID, rule.key(), IssueCategory.CUSTOM, rule.severity(), m.start(),
                m.end() - m.start(), rule.message(), suggestions);
    }

    private static Issue timeout(ChecklistRule rule, String message) {
        return new Issue(ChecklistChecker.ID, rule.key(), IssueCategory.CUSTOM, IssueSeverity.INFO, 0, 0, message,
                List.of());
    }
}
