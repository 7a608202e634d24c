package org.postedit.workbench.check.typography;

import java.util.List;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;

/**
 * Two or more spaces between words. Leading and trailing white space (which may separate segments), indentation
 * after a line break and tabs are left alone.
 */
final class DoubleSpace implements TypographyRule {

    @Override
    public String id() {
        return "double-space";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        String text = typed.text();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != ' ') {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) == ' ') {
                end++;
            }
            if (end - i >= 2 && i > 0 && end < text.length() && !Character.isWhitespace(text.charAt(i - 1))
                    && !Character.isWhitespace(text.charAt(end))) {
                issues.add(issue(IssueSeverity.WARNING, i, end - i, (end - i) + " spaces in a row.", List.of(" ")));
            }
            i = end;
        }
    }
}
