package org.postedit.workbench.check.typography;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.DocumentChecker;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.postedit.workbench.check.text.LanguageTags;
import org.postedit.workbench.document.DocumentService;
import org.springframework.stereotype.Component;

/**
 * Sentences MT ran together that the importer cut into two segments ("development.Improve" becomes "... development."
 * and "Improve ..." with nothing between them in the paragraph). Within one segment {@link RunTogetherSentences}
 * sees the glue; across segments only the document's layout shows it, so this is a whole-document check. The fix
 * adds the space at the end of the first segment (and makes a CJK stop ASCII), which is where the exporter rebuilds
 * the paragraph from. Segments whose target already ends or whose next target starts with white space are fine.
 */
@Component
public class RunTogetherSegments implements DocumentChecker {

    public static final String ID = "sentence-joins";
    private static final String SENTENCE_END = ".!?。！？";
    private static final String CLOSING = "\"'’”)]»」』）";

    private final DocumentService documents;

    public RunTogetherSegments(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Sentences run together across segments";
    }

    @Override
    public List<SegmentIssue> check(List<CheckedText> segments) {
        if (segments.size() < 2 || LanguageTags.isCjk(segments.getFirst().targetLanguage())) {
            return List.of();
        }
        Set<Long> joined = documents.segmentsJoinedToNext(segments.getFirst().documentId());
        List<SegmentIssue> issues = new ArrayList<>();
        for (int i = 0; i + 1 < segments.size(); i++) {
            CheckedText segment = segments.get(i);
            if (!joined.contains(segment.segmentId())) {
                continue;
            }
            Issue issue = issue(segment.text(), segments.get(i + 1).text());
            if (issue != null) {
                issues.add(new SegmentIssue(segment.segmentId(), issue));
            }
        }
        return issues;
    }

    /** The issue on {@code text} when it ends a sentence that {@code next} continues without a space, else null. */
    static Issue issue(String text, String next) {
        if (text.isEmpty() || next.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1))
                || !Character.isLetterOrDigit(next.codePointAt(0)) && "“\"‘'(«".indexOf(next.charAt(0)) < 0) {
            return null;
        }
        int end = text.length();
        int stop = end - 1;
        while (stop >= 0 && CLOSING.indexOf(text.charAt(stop)) >= 0) {
            stop--;
        }
        if (stop < 0 || SENTENCE_END.indexOf(text.charAt(stop)) < 0) {
            return null;
        }
        String covered = text.substring(stop, end);
        String fix = ascii(covered.charAt(0)) + covered.substring(1) + " ";
        String start = next.length() > 20 ? next.substring(0, 20) + "…" : next;
        return new Issue(ID, "run-together-sentences", IssueCategory.TYPOGRAPHY, IssueSeverity.WARNING, stop,
                end - stop, "No space between this sentence and the next segment (“" + start + "”).", List.of(fix));
    }

    private static char ascii(char stop) {
        return switch (stop) {
            case '。' -> '.';
            case '！' -> '!';
            case '？' -> '?';
            default -> stop;
        };
    }
}
