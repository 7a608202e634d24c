package org.postedit.workbench.check.checklist;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Checker;
import org.postedit.workbench.check.Issue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The project checklist on a target: each enabled rule for the target's language, its message where its pattern
 * matches, its replacement as the fix. A rule that exceeds its time limit is reported on the segment as timed out
 * and skipped (and logged once per rule and checklist version, not once per segment); the other rules still run.
 */
@Component
public class ChecklistChecker implements Checker {

    public static final String ID = "checklist";
    private static final Logger log = LoggerFactory.getLogger(ChecklistChecker.class);

    private final ChecklistService checklist;
    private final Set<String> loggedTimeouts = ConcurrentHashMap.newKeySet();

    public ChecklistChecker(ChecklistService checklist) {
        this.checklist = checklist;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Project checklist";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    @Override
    public String settingsKey(long documentId, String targetLanguage) {
        return "checklist-" + checklist.version();
    }

    /** The checklist reads the target alone: the same text is checked once for the whole workbench. */
    @Override
    public boolean readsContext() {
        return false;
    }

    @Override
    public List<Issue> check(CheckedText text) {
        List<CompiledRule> rules = checklist.enabledRules(text.targetLanguage());
        if (rules.isEmpty() || text.target().isBlank()) {
            return List.of();
        }
        ChecklistProperties limits = checklist.limits();
        ChecklistRun.Result result = ChecklistRun.apply(rules, text.text(), limits.ruleTimeout(),
                limits.segmentTimeout(), limits.maxMatches());
        for (ChecklistRule rule : result.timedOut()) {
            if (loggedTimeouts.add(rule.key() + "@" + rule.updatedAt())) {
                log.warn("Checklist rule {} ran out of time on segment {} of document {} and was skipped (logged "
                        + "once per rule version)", rule.key(), text.segmentId(), text.documentId());
            }
        }
        return result.issues();
    }
}
