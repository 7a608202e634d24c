package org.postedit.workbench.check.typography;

import java.util.List;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.LanguageTags;

/**
 * "culture , appeal": white space before {@code , . ; : ! ?}. Left alone: an ellipsis (" ..."), a leading dot of a
 * name or number (" .NET", " .5"), emoticons (" :)"), punctuation at the start of a line, and in French targets the
 * space before {@code : ; ! ?}, which French typography requires.
 */
final class SpaceBeforePunctuation implements TypographyRule {

    @Override
    public String id() {
        return "space-before-punctuation";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        String text = typed.text();
        boolean french = LanguageTags.primary(typed.language()).equals("fr");
        for (int i = 1; i < text.length(); i++) {
            char p = text.charAt(i);
            if (",.;:!?".indexOf(p) < 0 || !isSpace(text.charAt(i - 1))) {
                continue;
            }
            int start = i - 1;
            while (start > 0 && isSpace(text.charAt(start - 1))) {
                start--;
            }
            if (start == 0 || text.charAt(start - 1) == '\n' || text.charAt(start - 1) == '\r'
                    || ",.;:!?".indexOf(text.charAt(start - 1)) >= 0) {
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (p == '.' && (next == '.' || Character.isLetterOrDigit(next))) {
                continue;
            }
            if (p != ',' && p != '.' && (french || Character.isLetterOrDigit(next) || "()-DPp|".indexOf(next) >= 0)) {
                continue;
            }
            issues.add(issue(IssueSeverity.WARNING, start, i + 1 - start, "Space before “" + p + "”.",
                    List.of(String.valueOf(p))));
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F';
    }
}
