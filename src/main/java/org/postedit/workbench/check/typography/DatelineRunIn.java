package org.postedit.workbench.check.typography;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueSeverity;

/**
 * "date 2023-06-13 On June 11, ...": a dateline (a few words and a numeric date) at the start of a segment that runs
 * straight into the first sentence. A dateline set off by a dash, a full stop or a line break is fine.
 */
final class DatelineRunIn implements TypographyRule {

    /** Up to three words (a place, "date"; not a preposition: "On 2023-06-13 The..." is a sentence), a date. */
    private static final Pattern DATELINE = Pattern.compile("^\\s*("
            + "(?:(?!(?i:on|in|at|of|since|by|from|until|till|before|after|to|for|and|the)\\b)\\p{L}{1,20}[ ,]{1,2}){0,3}?"
            + "(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}))"
            + "[ \\t]+(?=\\p{Lu})");

    @Override
    public String id() {
        return "dateline-run-in";
    }

    @Override
    public boolean appliesTo(String targetLanguage) {
        return true;
    }

    /** Where the run-in dateline ends (after its spaces), or -1 when the text starts with none. */
    static int end(String text) {
        Matcher m = DATELINE.matcher(text.length() > 200 ? text.substring(0, 200) : text);
        return m.find() ? m.end() : -1;
    }

    @Override
    public void check(TypographyText typed, List<Issue> issues) {
        String text = typed.text();
        Matcher m = DATELINE.matcher(text.length() > 200 ? text.substring(0, 200) : text);
        if (!m.find()) {
            return;
        }
        String dateline = m.group(1);
        issues.add(issue(IssueSeverity.WARNING, m.start(1), m.end() - m.start(1),
                "The dateline “" + dateline + "” runs into the first sentence.", List.of(dateline + " — ")));
    }
}
