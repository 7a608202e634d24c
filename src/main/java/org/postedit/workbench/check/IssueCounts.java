package org.postedit.workbench.check;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Open issues of a document by category and severity, and how many were ignored. */
public record IssueCounts(Map<IssueCategory, Map<IssueSeverity, Integer>> open, int ignored) {

    public IssueCounts {
        EnumMap<IssueCategory, Map<IssueSeverity, Integer>> all = new EnumMap<>(IssueCategory.class);
        for (IssueCategory category : IssueCategory.values()) {
            EnumMap<IssueSeverity, Integer> bySeverity = new EnumMap<>(IssueSeverity.class);
            for (IssueSeverity severity : IssueSeverity.values()) {
                bySeverity.put(severity, open.getOrDefault(category, Map.of()).getOrDefault(severity, 0));
            }
            all.put(category, Collections.unmodifiableMap(bySeverity));
        }
        open = Collections.unmodifiableMap(all);
    }

    public int count(IssueCategory category, IssueSeverity severity) {
        return open.get(category).get(severity);
    }

    public int count(IssueCategory category) {
        return open.get(category).values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(IssueSeverity severity) {
        return open.values().stream().mapToInt(m -> m.get(severity)).sum();
    }

    public int total() {
        return open.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }
}
