package org.postedit.workbench.check.typography;

import java.util.List;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;

/**
 * "world‘s": an opening single quote (or a backtick) between two letters, where only an apostrophe can stand. A
 * quote opening after a space ("‘quoted’") or the apostrophe itself ("world’s") is left alone.
 */
final class OpeningQuoteApostrophe implements TypographyRule {

    @Override
    public String id() {
        return "opening-quote-apostrophe";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        String text = typed.text();
        for (int i = 1; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '‘' || c == '‛' || c == '`') && Character.isLetter(text.charAt(i - 1))
                    && Character.isLetter(text.charAt(i + 1))) {
                issues.add(issue(IssueSeverity.ERROR, i, 1, "“" + c + "” opens a quote; an apostrophe is “’”.",
                        List.of("’")));
            }
        }
    }
}
