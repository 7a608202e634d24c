package org.postedit.workbench.document;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Segments in SQL. The grid's queries page, filter and sort in the database, so opening a 50,000-segment
 * document reads one page of rows, never the document.
 */
@Repository
public class SegmentRepository {

    static final String COLUMNS = "id, document_id, ordinal, unit_id, segment_key, source_text, source_codes, "
            + "mt_text, mt_codes, target_text, target_codes, status, locked, note, version, updated_by, updated_at";
    private static final int BATCH = 1000;
    static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public SegmentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(long documentId, List<ImportedSegment> segments, String author, Instant now) {
        Timestamp time = Timestamp.from(now);
        for (int from = 0; from < segments.size(); from += BATCH) {
            List<ImportedSegment> batch = segments.subList(from, Math.min(segments.size(), from + BATCH));
            int first = from;
            template.batchUpdate("""
                    insert into segment (document_id, ordinal, unit_id, segment_key, source_text, source_codes,
                        mt_text, mt_codes, target_text, target_codes, space_before, space_after, status, locked, note,
                        version, updated_by, updated_at, repetition_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""",
                    new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            ImportedSegment s = batch.get(i);
                            String mtCodes = InlineCodesJson.write(s.mt());
                            ps.setLong(1, documentId);
                            ps.setInt(2, first + i + 1);
                            ps.setString(3, s.unitId());
                            ps.setString(4, s.segmentKey());
                            ps.setString(5, s.source() == null ? null : s.source().coded());
                            ps.setString(6, InlineCodesJson.write(s.source()));
                            ps.setString(7, s.mt().coded());
                            ps.setString(8, mtCodes);
                            ps.setString(9, s.mt().coded());
                            ps.setString(10, mtCodes);
                            ps.setString(11, s.spaceBefore());
                            ps.setString(12, s.spaceAfter());
                            ps.setString(13, s.status().name());
                            ps.setBoolean(14, s.locked());
                            ps.setString(15, s.note());
                            ps.setString(16, author);
                            ps.setTimestamp(17, time);
                            ps.setString(18, RepetitionKey.of(s.source(), s.mt()));
                        }

                        @Override
                        public int getBatchSize() {
                            return batch.size();
                        }
                    });
        }
    }

    public Optional<Segment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from segment where id = ?").param(id)
                .query(SegmentRepository::segment).optional();
    }

    /** The segments with these ids that exist, in document order. */
    public List<Segment> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("select " + COLUMNS + " from segment where id in (" + marks + ") order by document_id, ordinal")
                .params(List.copyOf(ids)).query(SegmentRepository::segment).list();
    }

    /** All segments of a document in order (API, export); not for the grid. */
    public List<Segment> findByDocument(long documentId) {
        return jdbc.sql("select " + COLUMNS + " from segment where document_id = ? order by ordinal")
                .param(documentId).query(SegmentRepository::segment).list();
    }

    /**
     * The document's segments in order, read {@value #CHUNK} ordinals at a time, for exports of any size: memory
     * holds one chunk, never the document. Not a cursor: embedded H2 materialises a whole result set (up to its
     * MAX_MEMORY_ROWS, in the heap) before the first row is read, and PostgreSQL only streams with a fetch size
     * inside a transaction. Each chunk is a range of the (document, ordinal) index, so every query reads exactly
     * its rows on both databases. Run it in a (read-only, repeatable-read) transaction for one consistent view.
     */
    public Iterable<Segment> inOrder(long documentId) {
        return inOrder(documentId, COLUMNS, SegmentRepository::segment);
    }

    /**
     * As {@link #inOrder(long)}, each segment with the whitespace around it in its unit (paragraph), as the importer
     * cut it: what the original format needs to put an edited paragraph back together.
     */
    public Iterable<SpacedSegment> spacedInOrder(long documentId) {
        return inOrder(documentId, COLUMNS + ", space_before, space_after", (rs, row) -> new SpacedSegment(
                segment(rs, row), rs.getString("space_before"), rs.getString("space_after")));
    }

    private <T> Iterable<T> inOrder(long documentId, String columns, RowMapper<T> mapper) {
        int last = jdbc.sql("select coalesce(max(ordinal), 0) from segment where document_id = ?").param(documentId)
                .query(Integer.class).single();
        return () -> new Iterator<>() {
            private int next = 1;
            private Iterator<T> chunk = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!chunk.hasNext() && next <= last) {
                    chunk = jdbc.sql("select " + columns + " from segment where document_id = ?"
                                    + " and ordinal between ? and ? order by ordinal")
                            .params(documentId, next, next + CHUNK - 1)
                            .query(mapper).list().iterator();
                    next += CHUNK;
                }
                return chunk.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.next();
            }
        };
    }

    /** The document's unit ids with a "#" in them: among them every id the importer numbered ("1#2"). */
    public java.util.Set<String> unitIdsWithHash(long documentId) {
        return new java.util.HashSet<>(jdbc.sql("select distinct unit_id from segment where document_id = ?"
                + " and unit_id like '%#%'").param(documentId).query(String.class).list());
    }

    /**
     * Segments the next segment of the same unit (paragraph) follows with no white space between them: the
     * segmenter cut a sentence MT had glued to the previous one ("development.Improve"). The layout comes from the
     * file and never changes after import.
     */
    public java.util.Set<Long> joinedToNext(long documentId) {
        java.util.Set<Long> joined = new java.util.HashSet<>();
        long[] previous = {0};
        String[] previousUnit = {null};
        boolean[] previousTight = {false};
        jdbc.sql("select id, unit_id, space_after from segment where document_id = ? order by ordinal")
                .param(documentId).query(rs -> {
                    String unit = rs.getString("unit_id");
                    if (previousTight[0] && unit.equals(previousUnit[0])) {
                        joined.add(previous[0]);
                    }
                    String space = rs.getString("space_after");
                    previous[0] = rs.getLong("id");
                    previousUnit[0] = unit;
                    previousTight[0] = space == null || space.isEmpty();
                });
        return joined;
    }

    /**
     * One page of the grid. Unfiltered, ordinals are 1..n without gaps, so the page is a range of the
     * (document, ordinal) index and the database reads exactly the rows it returns, wherever the page is.
     */
    public List<Segment> page(long documentId, SegmentFilter filter, int offset, int limit) {
        PageQuery query = pageQuery(documentId, filter, offset, limit);
        return jdbc.sql(query.sql()).params(query.params()).query(SegmentRepository::segment).list();
    }

    /** The SQL behind {@link #page}, visible to tests that check what the database reads. */
    static PageQuery pageQuery(long documentId, SegmentFilter filter, int offset, int limit) {
        if (unfiltered(filter)) {
            return new PageQuery("select " + COLUMNS + " from segment where document_id = ? and ordinal between ? and ?"
                    + " order by ordinal", List.of(documentId, offset + 1, offset + limit));
        }
        List<Object> params = new ArrayList<>();
        String where = where(documentId, filter, params);
        params.add(limit);
        params.add(offset);
        return new PageQuery("select " + COLUMNS + " from segment" + where + " order by ordinal limit ? offset ?",
                List.copyOf(params));
    }

    record PageQuery(String sql, List<Object> params) {
    }

    public int count(long documentId, SegmentFilter filter) {
        if (unfiltered(filter)) {
            return jdbc.sql("select segment_count from document where id = ?").param(documentId)
                    .query(Integer.class).optional().orElse(0);
        }
        List<Object> params = new ArrayList<>();
        String where = where(documentId, filter, params);
        return jdbc.sql("select count(*) from segment" + where).params(params).query(Integer.class).single();
    }

    /** Position of a segment among the filtered ones (0-based), to scroll the grid to it. */
    public int indexOf(long documentId, SegmentFilter filter, int ordinal) {
        if (unfiltered(filter)) {
            return ordinal - 1;
        }
        List<Object> params = new ArrayList<>();
        String where = where(documentId, filter, params) + " and ordinal < ?";
        params.add(ordinal);
        return jdbc.sql("select count(*) from segment" + where).params(params).query(Integer.class).single();
    }

    private static boolean unfiltered(SegmentFilter filter) {
        return filter.statuses().isEmpty() && !filter.hasText() && !filter.filtersIssues();
    }

    /**
     * SQL condition: the {@code segment_issue} row under {@code alias} is open, i.e. neither ignored for its segment
     * and text nor ignored as a rule in its document. The check tables are read here as plain SQL so the grid's
     * filter stays one query; the checks feature owns and writes them.
     */
    public static String openIssue(String alias) {
        return ("not exists (select 1 from ignored_issue g where g.segment_id = %1$s.segment_id"
                + " and g.checker = %1$s.checker and g.rule_id = %1$s.rule_id and g.covered_text = %1$s.covered_text"
                + " and g.text_hash = %1$s.text_hash)"
                + " and not exists (select 1 from ignored_rule r where r.document_id = %1$s.document_id"
                + " and r.checker = %1$s.checker and r.rule_id = %1$s.rule_id)").formatted(alias);
    }

    private static String where(long documentId, SegmentFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" where document_id = ?");
        params.add(documentId);
        if (!filter.statuses().isEmpty()) {
            where.append(" and status in (");
            String sep = "";
            for (SegmentStatus status : filter.statuses()) {
                where.append(sep).append('?');
                params.add(status.name());
                sep = ", ";
            }
            where.append(')');
        }
        if (filter.hasText()) {
            if (filter.regex()) {
                where.append(" and (regexp_like(target_text, ?, 'i') or regexp_like(mt_text, ?, 'i')"
                        + " or regexp_like(coalesce(source_text, ''), ?, 'i'))");
                params.add(filter.text());
                params.add(filter.text());
                params.add(filter.text());
            } else {
                String like = "%" + filter.text().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                where.append(" and (lower(target_text) like ? escape '\\' or lower(mt_text) like ? escape '\\'"
                        + " or lower(coalesce(source_text, '')) like ? escape '\\')");
                params.add(like);
                params.add(like);
                params.add(like);
            }
        }
        if (filter.filtersIssues()) {
            where.append(" and exists (select 1 from segment_issue i where i.segment_id = segment.id and ")
                    .append(openIssue("i"));
            if (!filter.issueCategories().isEmpty()) {
                where.append(" and i.category in (");
                String sep = "";
                for (String category : filter.issueCategories()) {
                    where.append(sep).append('?');
                    params.add(category);
                    sep = ", ";
                }
                where.append(')');
            }
            where.append(')');
        }
        return where.toString();
    }

    /**
     * How many segments of its document share each given segment's repetition key (itself included; 1 = no
     * repetition). One grouped query over the (document, key) index for a page of the grid.
     */
    public Map<Long, Integer> repetitionCounts(Collection<Long> segmentIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (segmentIds.isEmpty()) {
            return counts;
        }
        String in = String.join(", ", Collections.nCopies(segmentIds.size(), "?"));
        jdbc.sql("select s.id, count(*) from segment s join segment r on r.document_id = s.document_id"
                        + " and r.repetition_key = s.repetition_key where s.id in (" + in + ") and s.repetition_key <> '' group by s.id")
                .params(List.copyOf(segmentIds))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** The other segments of the document with the same repetition key, in order. */
    public List<Segment> repetitionsOf(long segmentId) {
        return jdbc.sql("select " + COLUMNS.replaceAll("(^|, )", "$1r.") + " from segment s join segment r"
                        + " on r.document_id = s.document_id and r.repetition_key = s.repetition_key"
                        + " where s.id = ? and r.id <> s.id and s.repetition_key <> '' order by r.ordinal")
                .param(segmentId).query(SegmentRepository::segment).list();
    }

    /** Segments imported before repetition keys existed, a batch at a time, for {@link RepetitionKeys}. */
    List<Segment> withoutRepetitionKey(int limit) {
        return jdbc.sql("select " + COLUMNS + " from segment where repetition_key is null order by id limit ?")
                .param(limit).query(SegmentRepository::segment).list();
    }

    void setRepetitionKeys(Map<Long, String> keys) {
        List<Object[]> rows = keys.entrySet().stream()
                // a blank text has no key; "" marks it done so it is not read again
                .map(e -> new Object[] {e.getValue() == null ? "" : e.getValue(), e.getKey()}).toList();
        template.batchUpdate("update segment set repetition_key = ? where id = ?", rows);
    }

    /**
     * Writes a new target if nobody saved since {@code expectedVersion}; returns false on a stale version (or a
     * locked segment), so two reviewers never silently overwrite each other.
     */
    public boolean updateTarget(long id, int expectedVersion, TaggedText target, SegmentStatus status, String author,
                                Instant now) {
        return jdbc.sql("""
                        update segment set target_text = ?, target_codes = ?, status = ?, version = version + 1,
                            updated_by = ?, updated_at = ?
                        where id = ? and version = ? and locked = false""")
                .params(target.coded(), InlineCodesJson.write(target), status.name(), author, Timestamp.from(now),
                        id, expectedVersion)
                .update() == 1;
    }

    private static Segment segment(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Segment(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("ordinal"),
                rs.getString("unit_id"), rs.getString("segment_key"),
                InlineCodesJson.read(rs.getString("source_text"), rs.getString("source_codes")),
                InlineCodesJson.read(rs.getString("mt_text"), rs.getString("mt_codes")),
                InlineCodesJson.read(rs.getString("target_text"), rs.getString("target_codes")),
                SegmentStatus.valueOf(rs.getString("status")), rs.getBoolean("locked"), rs.getString("note"),
                rs.getInt("version"), rs.getString("updated_by"), updated == null ? null : updated.toInstant());
    }
}
