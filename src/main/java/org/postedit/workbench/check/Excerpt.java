package org.postedit.workbench.check;

/**
 * A reported issue in its context: the covered text with some text either side, for the QA report. When the
 * segment changed since the check, only the covered text is known to be right.
 */
public record Excerpt(String before, String covered, String after) {

    private static final int CONTEXT = 60;

    public static Excerpt of(ReportedIssue reported) {
        Issue issue = reported.issue();
        String text = reported.target();
        if (!reported.current() || issue.offset() > text.length()) {
            return new Excerpt("", reported.coveredText(), "");
        }
        int end = Math.min(text.length(), issue.end());
        int from = Math.max(0, issue.offset() - CONTEXT);
        int to = Math.min(text.length(), end + CONTEXT);
        return new Excerpt((from > 0 ? "…" : "") + text.substring(from, issue.offset()),
                text.substring(issue.offset(), end), text.substring(end, to) + (to < text.length() ? "…" : ""));
    }

    public String plain() {
        return before + covered + after;
    }
}
