package org.postedit.workbench.check;

/** How sure and how bad: errors must be fixed before approval, warnings deserve a look, infos are hints. */
public enum IssueSeverity {
    ERROR, WARNING, INFO
}
