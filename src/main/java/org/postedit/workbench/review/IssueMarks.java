package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;

/**
 * Check issues as the segment editor underlines them, together with the glossary term marks the grid drew before
 * checks existed. The editor colours by severity only, so the category leads the message ("Spelling: …").
 */
final class IssueMarks {

    private IssueMarks() {
    }

    /** The underlines of these issues; an issue about the whole segment (no range) has none, the panel lists it. */
    static List<IssueMark> of(List<Issue> issues) {
        List<IssueMark> marks = new ArrayList<>(issues.size());
        for (Issue issue : issues) {
            if (issue.length() > 0) {
                marks.add(new IssueMark(issue.offset(), issue.length(), severity(issue.severity()),
                        label(issue.category()) + ": " + issue.message(), issue.suggestions()));
            }
        }
        return marks;
    }

    /**
     * Check marks plus the term marks no check mark overlaps: the glossary checker reports the same forbidden and
     * deprecated terms with the preferred term as a suggestion, which is the more useful of the two.
     */
    static List<IssueMark> merge(List<IssueMark> checks, List<IssueMark> terms) {
        List<IssueMark> merged = new ArrayList<>(checks);
        for (IssueMark term : terms) {
            boolean covered = checks.stream().anyMatch(c -> c.offset() < term.offset() + term.length()
                    && term.offset() < c.offset() + c.length());
            if (!covered) {
                merged.add(term);
            }
        }
        merged.sort(Comparator.comparingInt(IssueMark::offset).thenComparingInt(IssueMark::length));
        return merged;
    }

    static String severity(IssueSeverity severity) {
        return switch (severity) {
            case ERROR -> IssueMark.ERROR;
            case WARNING -> IssueMark.WARNING;
            case INFO -> IssueMark.INFO;
        };
    }

    static String label(IssueCategory category) {
        return switch (category) {
            case SPELLING -> "Spelling";
            case GRAMMAR -> "Grammar";
            case STYLE -> "Style";
            case TERMINOLOGY -> "Terminology";
            case TYPOGRAPHY -> "Typography";
            case ACCURACY -> "Accuracy";
            case CONSISTENCY -> "Consistency";
            case CUSTOM -> "Checklist";
        };
    }

    static String label(IssueSeverity severity) {
        return switch (severity) {
            case ERROR -> "Error";
            case WARNING -> "Warning";
            case INFO -> "Info";
        };
    }
}
