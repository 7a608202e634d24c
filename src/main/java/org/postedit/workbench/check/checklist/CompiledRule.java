package org.postedit.workbench.check.checklist;

import java.util.regex.Pattern;

/** A rule with its pattern compiled once per checklist version. */
record CompiledRule(ChecklistRule rule, Pattern pattern) {

    static CompiledRule of(ChecklistRule rule) {
        return new CompiledRule(rule, Pattern.compile(rule.pattern()));
    }
}
