package org.postedit.workbench.check.typography;

import java.util.List;
import java.util.function.Supplier;

import org.postedit.workbench.check.CheckedText;

/**
 * A target as the typography rules read it: the plain text, its language, and the spans of glossary terms in it
 * (computed once, only when a rule asks: names from the glossary are exempt from capitalisation rules).
 */
final class TypographyText {

    private final CheckedText checked;
    private final String text;
    private final Supplier<List<int[]>> termSpans;
    private List<int[]> spans;

    TypographyText(CheckedText checked, Supplier<List<int[]>> termSpans) {
        this.checked = checked;
        this.text = checked.text();
        this.termSpans = termSpans;
    }

    CheckedText checked() {
        return checked;
    }

    String text() {
        return text;
    }

    String language() {
        return checked.targetLanguage();
    }

    /** Whether {@code [start, end)} lies inside a glossary term found in the target. */
    boolean inGlossaryTerm(int start, int end) {
        if (spans == null) {
            spans = termSpans.get();
        }
        for (int[] span : spans) {
            if (span[0] <= start && end <= span[1]) {
                return true;
            }
        }
        return false;
    }
}
