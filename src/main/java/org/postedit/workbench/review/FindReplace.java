package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Find and replace across a document's source, MT and target. Plain and whole-word searches let SQL pick the
 * candidate segments (a LIKE over the three texts) when they are few, and Java then finds the exact matches;
 * regular expressions (and words found almost everywhere) are matched in Java over the document read page by page,
 * regular expressions under a time limit. Matches never span an inline code
 * (each run of text between codes is searched on its own), so a replacement can never lose or move a code.
 *
 * <p>Replacing touches only targets, and every replacement is an ordinary save of {@link ReviewService} (a version
 * of its own, with the version the preview was made from: a segment changed since is reported, not overwritten).
 * Approved segments are left alone unless the reviewer includes them; locked ones always are.
 */
@Service
public class FindReplace {

    private static final Logger log = LoggerFactory.getLogger(FindReplace.class);
    private static final int PAGE = 500;
    /** Up to this many candidates SQL's LIKE narrows the search; with more, reading every segment is quicker. */
    private static final int NARROW_LIMIT = PAGE;

    private final DocumentService documents;
    private final ReviewService review;
    private final FindProperties properties;

    public FindReplace(DocumentService documents, ReviewService review, FindProperties properties) {
        this.documents = documents;
        this.review = review;
        this.properties = properties;
    }

    /** Plain-text offsets (codes excluded), end exclusive. */
    public record Range(int start, int end) {
    }

    public record TextHits(FindQuery.Field field, TaggedText text, List<Range> ranges) {
    }

    public record FoundSegment(Segment segment, List<TextHits> hits) {
    }

    /**
     * @param segments the segments with hits, at most {@link FindProperties#maxShown()}
     * @param segmentCount every segment with a hit
     * @param hitCount every hit
     */
    public record SearchResult(List<FoundSegment> segments, int segmentCount, int hitCount) {
        public boolean truncated() {
            return segments.size() < segmentCount;
        }
    }

    /** One target's change: the matches in the text before, and the replaced parts in the text after. */
    public record Replacement(Segment segment, TaggedText before, List<Range> found, TaggedText after,
                              List<Range> replaced) {
    }

    public record Preview(List<Replacement> replacements, int skippedApproved, int skippedLocked) {
    }

    /**
     * @param stale   ordinals of segments someone changed after the preview: not replaced
     * @param refused ordinal and reason of segments the service refused
     */
    public record Outcome(int replaced, List<Integer> stale, List<String> refused) {
    }

    public SearchResult find(long documentId, FindQuery query) {
        Pattern pattern = query.pattern();
        long deadline = deadline();
        List<FoundSegment> shown = new ArrayList<>();
        int[] counts = new int[2];
        scan(documentId, query, segment -> {
            List<TextHits> hits = new ArrayList<>();
            for (FindQuery.Field field : FindQuery.Field.values()) {
                TaggedText text = text(segment, field);
                if (!query.fields().contains(field) || text == null) {
                    continue;
                }
                List<Range> ranges = ranges(text, pattern, deadline);
                if (!ranges.isEmpty()) {
                    hits.add(new TextHits(field, text, ranges));
                    counts[1] += ranges.size();
                }
            }
            if (!hits.isEmpty()) {
                counts[0]++;
                if (shown.size() < properties.maxShown()) {
                    shown.add(new FoundSegment(segment, hits));
                }
            }
            return true;
        });
        return new SearchResult(List.copyOf(shown), counts[0], counts[1]);
    }

    /** Every target change "replace all" would make, for the reviewer to see before anything is saved. */
    public Preview preview(long documentId, FindQuery query, String replacement, boolean includeApproved) {
        Pattern pattern = query.pattern();
        long deadline = deadline();
        List<Replacement> changes = new ArrayList<>();
        int[] skipped = new int[2];
        scan(documentId, query, segment -> {
            Replacement change = replacement(segment, pattern, query.mode(), replacement, deadline);
            if (change == null) {
                return true;
            }
            if (segment.locked()) {
                skipped[1]++;
            } else if (segment.status() == SegmentStatus.APPROVED && !includeApproved) {
                skipped[0]++;
            } else {
                changes.add(change);
            }
            return true;
        });
        return new Preview(List.copyOf(changes), skipped[0], skipped[1]);
    }

    /** The change of one segment's target (replace one), or null when its target has no match. */
    public Replacement previewOne(long segmentId, FindQuery query, String replacement) {
        Segment segment = review.segment(segmentId);
        return replacement(segment, query.pattern(), query.mode(), replacement, deadline());
    }

    /** Saves each change as a version, with the version it was previewed on; for the roles that edit targets. */
    @PreAuthorize("hasAnyRole(T(org.postedit.workbench.security.Permission).EDIT_TARGETS.roleNames())")
    public Outcome replace(List<Replacement> replacements, String user) {
        int replaced = 0;
        List<Integer> stale = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Replacement change : replacements) {
            Segment segment = change.segment();
            try {
                review.save(segment.id(), segment.version(), change.after(), user);
                replaced++;
            } catch (StaleSegmentException e) {
                stale.add(segment.ordinal());
            } catch (SegmentEditRejectedException | SegmentNotFoundException e) {
                refused.add(segment.ordinal() + ": " + e.getMessage());
            }
        }
        log.info("{} replaced text in {} segments ({} stale, {} refused)", user, replaced, stale.size(),
                refused.size());
        return new Outcome(replaced, List.copyOf(stale), List.copyOf(refused));
    }

    private Replacement replacement(Segment segment, Pattern pattern, FindQuery.Mode mode, String replacement,
                                    long deadline) {
        TaggedText before = segment.target();
        List<Range> found = ranges(before, pattern, deadline);
        if (found.isEmpty()) {
            return null;
        }
        String with = replacement == null ? "" : replacement;
        // regular expressions may refer to groups ($1); plain and whole-word replacements are taken literally
        String expansion = mode == FindQuery.Mode.REGEX ? with : Matcher.quoteReplacement(with);
        List<TaggedText.Run> runs = new ArrayList<>();
        List<Range> replaced = new ArrayList<>();
        int plainAfter = 0;
        for (TaggedText.Run run : before.runs()) {
            if (run.code() != null) {
                runs.add(run);
                continue;
            }
            Matcher matcher = pattern.matcher(limited(run.text(), deadline));
            StringBuilder out = new StringBuilder();
            int consumed = 0;
            while (matcher.find()) {
                if (matcher.end() == matcher.start()) {
                    continue;
                }
                int start = out.length() + matcher.start() - consumed;
                try {
                    matcher.appendReplacement(out, expansion);
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new FindRejectedException("The replacement refers to a group the expression does not have: "
                            + e.getMessage());
                }
                consumed = matcher.end();
                if (out.length() > start) {
                    replaced.add(new Range(plainAfter + start, plainAfter + out.length()));
                }
            }
            matcher.appendTail(out);
            runs.add(TaggedText.Run.text(out.toString()));
            plainAfter += out.length();
        }
        TaggedText after = TaggedText.fromRuns(runs.stream().filter(r -> r.code() != null || !r.text().isEmpty())
                .toList());
        if (after.equals(before)) {
            return null;
        }
        return new Replacement(segment, before, found, after, replaced);
    }

    /** Non-empty matches in each run of text between codes, as plain-text offsets. */
    private List<Range> ranges(TaggedText text, Pattern pattern, long deadline) {
        List<Range> ranges = new ArrayList<>();
        int plain = 0;
        for (TaggedText.Run run : text.runs()) {
            if (run.code() != null) {
                continue;
            }
            Matcher matcher = pattern.matcher(limited(run.text(), deadline));
            while (matcher.find()) {
                if (matcher.end() > matcher.start()) {
                    ranges.add(new Range(plain + matcher.start(), plain + matcher.end()));
                }
            }
            plain += run.text().length();
        }
        return ranges;
    }

    /**
     * Reads the candidate segments: for plain and whole-word searches those whose texts contain the words (one SQL
     * LIKE query) when they are few; otherwise, and for regular expressions, every segment in pages of ordinals,
     * which the (document, ordinal) index reads in one pass. (Paging a LIKE query by offset would rescan the
     * table for every page: 4.5 s instead of 0.5 s for 12,500 hits in 50,000 segments.)
     */
    private void scan(long documentId, FindQuery query, Predicate<Segment> each) {
        if (query.mode() != FindQuery.Mode.REGEX && !query.text().isBlank()) {
            SegmentFilter filter = new SegmentFilter(Set.of(), query.text(), false);
            List<Segment> candidates = documents.page(documentId, filter, 0, NARROW_LIMIT + 1);
            if (candidates.size() <= NARROW_LIMIT) {
                for (Segment segment : candidates) {
                    if (!each.test(segment)) {
                        return;
                    }
                }
                return;
            }
        }
        for (int offset = 0; ; offset += PAGE) {
            List<Segment> page = documents.page(documentId, SegmentFilter.ALL, offset, PAGE);
            for (Segment segment : page) {
                if (!each.test(segment)) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private long deadline() {
        return System.nanoTime() + properties.timeLimit().toNanos();
    }

    private CharSequence limited(String text, long deadline) {
        return new TimeLimitedText(text, deadline, "The search took longer than "
                + properties.timeLimit().toSeconds() + " s and was stopped. Simplify the regular expression "
                + "(nested repetitions such as (.*a){12} can run for hours).");
    }

    private static TaggedText text(Segment segment, FindQuery.Field field) {
        return switch (field) {
            case SOURCE -> segment.source();
            case MT -> segment.mt();
            case TARGET -> segment.target();
        };
    }
}
