package org.postedit.workbench.check.consistency;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.DocumentChecker;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.check.IssueSeverity;
import org.springframework.stereotype.Component;

/**
 * The same origin (the source of bilingual segments, the MT of MT-only ones) translated differently within one
 * document: each segment with a variant gets a warning covering its whole target, with the other variants as
 * suggestions (the most frequent first), so one click makes it agree. Origins compare with white space, case and
 * typographic quotes folded ("Open source." and "open  source." are the same sentence); targets with white space and
 * quotes folded but case kept, since a capital may be the very difference a reviewer fixed. Empty targets (not yet
 * translated) are no variant.
 */
@Component
public class ConsistencyChecker implements DocumentChecker {

    public static final String ID = "consistency";
    public static final String RULE = "inconsistent-translation";
    /** A sentence translated in a dozen ways needs a decision, not a dozen buttons. */
    private static final int MAX_SUGGESTIONS = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Consistency within the document";
    }

    @Override
    public List<SegmentIssue> check(List<CheckedText> segments) {
        Map<String, List<CheckedText>> byOrigin = new LinkedHashMap<>();
        for (CheckedText segment : segments) {
            String origin = segment.origin().plainText();
            if (origin.isBlank() || segment.target().isBlank()) {
                continue;
            }
            byOrigin.computeIfAbsent(fold(origin).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(segment);
        }
        List<SegmentIssue> issues = new ArrayList<>();
        for (List<CheckedText> same : byOrigin.values()) {
            if (same.size() < 2) {
                continue;
            }
            // variant (folded) -> its first spelling and how many segments use it, in order of first use
            Map<String, Variant> variants = new LinkedHashMap<>();
            for (CheckedText segment : same) {
                String target = segment.text();
                variants.computeIfAbsent(fold(target), k -> new Variant(target)).count++;
            }
            if (variants.size() < 2) {
                continue;
            }
            List<Variant> ranked = new ArrayList<>(variants.values());
            ranked.sort((a, b) -> Integer.compare(b.count, a.count));
            String origin = same.getFirst().origin().plainText().strip();
            for (CheckedText segment : same) {
                String target = segment.text();
                String mine = fold(target);
                List<String> others = ranked.stream().filter(v -> !fold(v.text).equals(mine)).map(v -> v.text)
                        .limit(MAX_SUGGESTIONS).toList();
                Issue issue = new Issue(ID, RULE, IssueCategory.CONSISTENCY, IssueSeverity.WARNING, 0,
                        target.length(), "“" + shorten(origin) + "” is translated in " + variants.size()
                        + " ways in this document.", others);
                issues.add(new SegmentIssue(segment.segmentId(), issue));
            }
        }
        return issues;
    }

    private static final class Variant {
        final String text;
        int count;

        Variant(String text) {
            this.text = text;
        }
    }

    /** White space collapsed and trimmed, quotes and apostrophes straightened, compatibility forms unified. */
    static String fold(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(normal.length());
        boolean space = false;
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = !out.isEmpty();
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(switch (c) {
                case '’', '‘', '`', '´' -> '\'';
                case '“', '”', '„', '«', '»' -> '"';
                default -> c;
            });
        }
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }
}
