package org.postedit.workbench.document;

import java.util.Set;

/**
 * What the review grid asks for; every part is applied in SQL.
 *
 * @param statuses        only segments in these statuses; empty means all
 * @param text            text to look for in source, MT or target; null or blank means no text filter
 * @param regex           whether {@code text} is a regular expression (else a case-insensitive substring)
 * @param withOpenIssues  only segments with at least one open (not ignored) check issue
 * @param issueCategories only segments with an open issue in one of these categories (names such as
 *                        {@code SPELLING}, plain strings so this package needs nothing of the checks); empty means any
 */
public record SegmentFilter(Set<SegmentStatus> statuses, String text, boolean regex, boolean withOpenIssues,
                            Set<String> issueCategories) {

    public static final SegmentFilter ALL = new SegmentFilter(Set.of(), null, false);

    public SegmentFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        issueCategories = issueCategories == null ? Set.of() : Set.copyOf(issueCategories);
    }

    public SegmentFilter(Set<SegmentStatus> statuses, String text, boolean regex) {
        this(statuses, text, regex, false, Set.of());
    }

    /** This filter, narrowed to segments with open issues (of the given categories, or of any when empty). */
    public SegmentFilter withIssues(boolean withOpenIssues, Set<String> categories) {
        return new SegmentFilter(statuses, text, regex, withOpenIssues, categories);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public boolean filtersIssues() {
        return withOpenIssues || !issueCategories.isEmpty();
    }
}
