package org.postedit.workbench.check;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.postedit.workbench.document.SegmentRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored check results and ignores. A segment's issues are replaced in one transaction and only while the version
 * that was checked is still the segment's current one, so a slow check never overwrites a newer one's result.
 */
@Repository
class IssueRepository {

    static final int COVERED_MAX = 500;
    /** The rule set recorded for a segment on which a checker failed or ran out of time: retried at start-up. */
    static final String INCOMPLETE = "incomplete";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String OPEN = SegmentRepository.openIssue("i");
    private static final String ISSUE_COLUMNS = "i.segment_id, i.checker, i.rule_id, i.category, i.severity, "
            + "i.start_offset, i.length, i.covered_text, i.message, i.suggestions, i.text_hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    IssueRepository(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    /** One stored issue row as compared between checks: everything but its id. */
    private record Row(long segmentId, String checker, String ruleId, String category, String severity, int offset,
                       int length, String covered, String message, String suggestions, String textHash) {

        Issue issue() {
            return new Issue(checker, ruleId, IssueCategory.valueOf(category), IssueSeverity.valueOf(severity), offset,
                    length, message, JSON.readValue(suggestions, STRINGS));
        }

        static Row of(long segmentId, Issue issue, String text, String textHash) {
            return new Row(segmentId, issue.checker(), issue.ruleId(), issue.category().name(),
                    issue.severity().name(), issue.offset(), issue.length(), IssueRepository.covered(issue, text), issue.message(),
                    JSON.writeValueAsString(issue.suggestions()), textHash);
        }
    }

    static String covered(Issue issue, String text) {
        String covered = issue.in(text);
        return covered.length() > COVERED_MAX ? covered.substring(0, COVERED_MAX) : covered;
    }

    /**
     * Replaces the per-segment issues of the segments whose checked version is still current and records them as
     * checked under {@code ruleSet}.
     *
     * @return the segments whose stored issues changed
     */
    Set<Long> storeSegments(long documentId, List<CheckedSegment> checked, String ruleSet, Instant now) {
        if (checked.isEmpty()) {
            return Set.of();
        }
        try {
            return storeSegmentsOnce(documentId, checked, ruleSet, now);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // two tasks stored the same segment at once (a start-up check beside an edit's): the loser's delete saw
            // nothing to delete; once more it reads the winner's rows and replaces them
            return storeSegmentsOnce(documentId, checked, ruleSet, now);
        }
    }

    private Set<Long> storeSegmentsOnce(long documentId, List<CheckedSegment> checked, String ruleSet, Instant now) {
        return transactions.execute(status -> {
            Map<Long, CheckState> states = states(checked.stream().map(CheckedSegment::segmentId).toList());
            List<CheckedSegment> current = checked.stream().filter(c -> {
                CheckState state = states.get(c.segmentId());
                return state != null && state.version() == c.version();
            }).toList();
            if (current.isEmpty()) {
                return Set.<Long>of();
            }
            List<Long> ids = current.stream().map(CheckedSegment::segmentId).toList();
            Map<Long, Map<Row, Long>> before = rows(ids, false).stream()
                    .collect(Collectors.groupingBy(Row::segmentId, Collectors.groupingBy(Function.identity(),
                            Collectors.counting())));
            List<Row> inserts = new ArrayList<>();
            Set<Long> changed = new LinkedHashSet<>();
            for (CheckedSegment segment : current) {
                String hash = TextHash.of(segment.text());
                List<Row> after = segment.issues().stream()
                        .map(issue -> Row.of(segment.segmentId(), issue, segment.text(), hash)).toList();
                Map<Row, Long> afterCounts = after.stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                if (!afterCounts.equals(before.getOrDefault(segment.segmentId(), Map.of()))) {
                    changed.add(segment.segmentId());
                    inserts.addAll(after);
                }
            }
            if (!changed.isEmpty()) {
                jdbc.sql("delete from segment_issue where document_level = false and segment_id in ("
                        + marks(changed.size()) + ")").params(List.copyOf(changed)).update();
                insert(documentId, inserts, false);
            }
            // a re-check that found what the last one found under the same rules writes nothing more
            List<CheckedSegment> recorded = current.stream().filter(c -> {
                CheckState state = states.get(c.segmentId());
                return state.checkedVersion() == null || state.checkedVersion() != c.version()
                        || !(c.complete() ? ruleSet : INCOMPLETE).equals(state.ruleSet());
            }).toList();
            if (!recorded.isEmpty()) {
                List<Long> recordedIds = recorded.stream().map(CheckedSegment::segmentId).toList();
                jdbc.sql("delete from segment_check where segment_id in (" + marks(recordedIds.size()) + ")")
                        .params(recordedIds).update();
                Timestamp time = Timestamp.from(now);
                template.batchUpdate("insert into segment_check (segment_id, document_id, segment_version, "
                                + "rule_set, checked_at) values (?, ?, ?, ?, ?)",
                        recorded.stream().map(c -> new Object[] {c.segmentId(), documentId, c.version(),
                                c.complete() ? ruleSet : INCOMPLETE, time}).toList());
            }
            return changed;
        });
    }

    /**
     * Replaces the issues whole-document checks found.
     *
     * @param texts plain target text per segment, as the document checks saw them
     * @return the segments whose document-level issues changed
     */
    Set<Long> storeDocumentIssues(long documentId, Map<Long, List<Issue>> issues, Map<Long, String> texts) {
        return transactions.execute(status -> {
            List<Row> before = jdbc.sql("select " + ISSUE_COLUMNS + " from segment_issue i where i.document_id = ? "
                    + "and i.document_level = true").param(documentId).query(IssueRepository::row).list();
            List<Row> after = new ArrayList<>();
            issues.forEach((segmentId, list) -> {
                String text = texts.get(segmentId);
                if (text != null) {
                    String hash = TextHash.of(text);
                    list.forEach(issue -> after.add(Row.of(segmentId, issue, text, hash)));
                }
            });
            Map<Long, Map<Row, Long>> old = before.stream().collect(Collectors.groupingBy(Row::segmentId,
                    Collectors.groupingBy(Function.identity(), Collectors.counting())));
            Map<Long, Map<Row, Long>> fresh = after.stream().collect(Collectors.groupingBy(Row::segmentId,
                    Collectors.groupingBy(Function.identity(), Collectors.counting())));
            Set<Long> changed = new LinkedHashSet<>();
            Set<Long> all = new LinkedHashSet<>(old.keySet());
            all.addAll(fresh.keySet());
            for (Long id : all) {
                if (!old.getOrDefault(id, Map.of()).equals(fresh.getOrDefault(id, Map.of()))) {
                    changed.add(id);
                }
            }
            if (!changed.isEmpty()) {
                jdbc.sql("delete from segment_issue where document_id = ? and document_level = true")
                        .param(documentId).update();
                insert(documentId, after, true);
            }
            return changed;
        });
    }

    private void insert(long documentId, List<Row> rows, boolean documentLevel) {
        template.batchUpdate("""
                        insert into segment_issue (document_id, segment_id, checker, rule_id, category, severity,
                            start_offset, length, covered_text, message, suggestions, text_hash, document_level)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {documentId, r.segmentId(), r.checker(), r.ruleId(),
                        r.category(), r.severity(), r.offset(), r.length(), r.covered(), r.message(),
                        r.suggestions(), r.textHash(), documentLevel}).toList());
    }

    /** A segment's current version and what was last recorded as checked of it. */
    private record CheckState(int version, Integer checkedVersion, String ruleSet) {
    }

    private Map<Long, CheckState> states(List<Long> ids) {
        Map<Long, CheckState> states = new HashMap<>();
        jdbc.sql("select s.id, s.version, c.segment_version, c.rule_set from segment s "
                        + "left join segment_check c on c.segment_id = s.id where s.id in (" + marks(ids.size()) + ")")
                .params(ids).query(rs -> {
                    int checked = rs.getInt(3);
                    states.put(rs.getLong(1), new CheckState(rs.getInt(2), rs.wasNull() ? null : checked,
                            rs.getString(4)));
                });
        return states;
    }

    private List<Row> rows(Collection<Long> segmentIds, boolean documentLevel) {
        return jdbc.sql("select " + ISSUE_COLUMNS + " from segment_issue i where i.document_level = ? "
                        + "and i.segment_id in (" + marks(segmentIds.size()) + ")")
                .params(params(documentLevel, segmentIds)).query(IssueRepository::row).list();
    }

    /**
     * Segments of the document never checked, changed since, or checked under another rule set.
     *
     * @param retryIncomplete also those on which a checker failed or ran out of time last time (worth a retry
     *                        after a restart, not every time someone asks for the issues)
     */
    List<Long> staleSegments(long documentId, String ruleSet, boolean retryIncomplete) {
        return jdbc.sql("""
                        select s.id from segment s left join segment_check c on c.segment_id = s.id
                        where s.document_id = ? and s.ordinal > 0 and (c.segment_id is null or c.segment_version <> s.version
                            or (c.rule_set <> ? and (? or c.rule_set <> ?)))
                        order by s.ordinal""")
                .params(documentId, ruleSet, retryIncomplete, INCOMPLETE).query(Long.class).list();
    }

    /**
     * Drops the issues of segments merged into others (split and merge retire segments; their texts live on in
     * the survivor, which is checked again).
     */
    void forgetRetired(long documentId) {
        jdbc.sql("delete from segment_issue where document_id = ? and segment_id in"
                + " (select id from segment where document_id = ? and ordinal < 1)").params(documentId, documentId)
                .update();
    }

    List<Long> segmentIds(long documentId) {
        return jdbc.sql("select id from segment where document_id = ? and ordinal > 0 order by ordinal").param(documentId)
                .query(Long.class).list();
    }

    /** Open issues of the given segments, in text order. */
    Map<Long, List<Issue>> openIssues(Collection<Long> segmentIds) {
        if (segmentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Issue>> bySegment = new LinkedHashMap<>();
        jdbc.sql("select " + ISSUE_COLUMNS + " from segment_issue i where i.segment_id in ("
                        + marks(segmentIds.size()) + ") and " + OPEN + " order by i.segment_id, i.start_offset, i.id")
                .params(List.copyOf(segmentIds)).query(IssueRepository::row).list()
                .forEach(r -> bySegment.computeIfAbsent(r.segmentId(), id -> new ArrayList<>()).add(r.issue()));
        return bySegment;
    }

    /**
     * Open issues of the given segments found in the text each has now (keyed by segment id, the value the hash of
     * that text): issues of an earlier text, whose re-check is still under way, are left out. One query.
     */
    Map<Long, List<Issue>> openIssuesOfTexts(Map<Long, String> textHashes) {
        if (textHashes.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Issue>> bySegment = new LinkedHashMap<>();
        jdbc.sql("select " + ISSUE_COLUMNS + " from segment_issue i where i.segment_id in ("
                        + marks(textHashes.size()) + ") and " + OPEN + " order by i.segment_id, i.start_offset, i.id")
                .params(List.copyOf(textHashes.keySet())).query(IssueRepository::row).list().stream()
                .filter(r -> r.textHash().equals(textHashes.get(r.segmentId())))
                .forEach(r -> bySegment.computeIfAbsent(r.segmentId(), id -> new ArrayList<>()).add(r.issue()));
        return bySegment;
    }

    /** Number of open issues per segment, for a page of the grid in one query; segments without any are absent. */
    Map<Long, Integer> openIssueCounts(Collection<Long> segmentIds) {
        if (segmentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select i.segment_id, count(*) from segment_issue i where i.segment_id in ("
                        + marks(segmentIds.size()) + ") and " + OPEN + " group by i.segment_id")
                .params(List.copyOf(segmentIds)).query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    IssueCounts counts(long documentId) {
        Map<IssueCategory, Map<IssueSeverity, Integer>> open = new EnumMap<>(IssueCategory.class);
        jdbc.sql("select i.category, i.severity, count(*) from segment_issue i where i.document_id = ? and " + OPEN
                        + " group by i.category, i.severity").param(documentId)
                .query(rs -> {
                    open.computeIfAbsent(IssueCategory.valueOf(rs.getString(1)), c -> new EnumMap<>(IssueSeverity.class))
                            .put(IssueSeverity.valueOf(rs.getString(2)), rs.getInt(3));
                });
        int ignored = jdbc.sql("select count(*) from segment_issue i where i.document_id = ? and not (" + OPEN + ")")
                .param(documentId).query(Integer.class).single();
        return new IssueCounts(open, ignored);
    }

    /** The document's issues in segment and text order, open ones (and ignored ones when asked) . */
    List<ReportedIssue> report(long documentId, boolean includeIgnored) {
        return jdbc.sql("select " + ISSUE_COLUMNS + ", s.ordinal, s.target_text, case when " + OPEN
                        + " then 0 else 1 end as ignored from segment_issue i join segment s on s.id = i.segment_id"
                        + " where i.document_id = ?" + (includeIgnored ? "" : " and " + OPEN)
                        + " order by s.ordinal, i.start_offset, i.id")
                .param(documentId).query((rs, n) -> {
                    Row row = row(rs, n);
                    String target = PlainText.of(rs.getString("target_text"));
                    return new ReportedIssue(row.segmentId(), rs.getInt("ordinal"), row.issue(), row.covered(),
                            target, TextHash.of(target).equals(row.textHash()), rs.getInt("ignored") == 1);
                }).list();
    }

    /** Segments of the document with an issue of this rule (whose counts change when the rule is ignored). */
    Set<Long> segmentsWithRule(long documentId, String checker, String ruleId) {
        return new LinkedHashSet<>(jdbc.sql("select distinct segment_id from segment_issue where document_id = ? "
                + "and checker = ? and rule_id = ?").params(documentId, checker, ruleId).query(Long.class).list());
    }

    void ignoreIssue(long documentId, long segmentId, String checker, String ruleId, String covered, String textHash,
                     String user, Instant now) {
        transactions.executeWithoutResult(status -> {
            unignoreIssue(segmentId, checker, ruleId, covered);
            jdbc.sql("""
                            insert into ignored_issue (document_id, segment_id, checker, rule_id, covered_text,
                                text_hash, ignored_by, ignored_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(documentId, segmentId, checker, ruleId, covered, textHash, user, Timestamp.from(now))
                    .update();
        });
    }

    boolean unignoreIssue(long segmentId, String checker, String ruleId, String covered) {
        return jdbc.sql("delete from ignored_issue where segment_id = ? and checker = ? and rule_id = ? "
                + "and covered_text = ?").params(segmentId, checker, ruleId, covered).update() > 0;
    }

    /** Whether an issue with this covered text is ignored for the segment while its text has this hash. */
    Set<String> ignoredIssueKeys(long segmentId, String textHash) {
        return new LinkedHashSet<>(jdbc.sql("select checker, rule_id, covered_text from ignored_issue "
                        + "where segment_id = ? and text_hash = ?").params(segmentId, textHash)
                .query((rs, n) -> ignoreKey(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    static String ignoreKey(String checker, String ruleId, String covered) {
        return checker.length() + ":" + checker + ruleId.length() + ":" + ruleId + covered;
    }

    void ignoreRule(long documentId, String checker, String ruleId, String user, Instant now) {
        transactions.executeWithoutResult(status -> {
            unignoreRule(documentId, checker, ruleId);
            jdbc.sql("insert into ignored_rule (document_id, checker, rule_id, ignored_by, ignored_at) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(documentId, checker, ruleId, user, Timestamp.from(now)).update();
        });
    }

    boolean unignoreRule(long documentId, String checker, String ruleId) {
        return jdbc.sql("delete from ignored_rule where document_id = ? and checker = ? and rule_id = ?")
                .params(documentId, checker, ruleId).update() > 0;
    }

    List<IgnoredRule> ignoredRules(long documentId) {
        return jdbc.sql("select document_id, checker, rule_id, ignored_by, ignored_at from ignored_rule "
                        + "where document_id = ? order by checker, rule_id").param(documentId)
                .query((rs, n) -> new IgnoredRule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("segment_id"), rs.getString("checker"), rs.getString("rule_id"),
                rs.getString("category"), rs.getString("severity"), rs.getInt("start_offset"), rs.getInt("length"),
                rs.getString("covered_text"), rs.getString("message"), rs.getString("suggestions"),
                rs.getString("text_hash"));
    }

    private static List<Object> params(Object first, Collection<Long> ids) {
        List<Object> params = new ArrayList<>(ids.size() + 1);
        params.add(first);
        params.addAll(ids);
        return params;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
