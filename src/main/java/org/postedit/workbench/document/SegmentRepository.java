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

    /** A segment in its document's list: retired (merged) segments have an ordinal below 1. */
    static final String LISTED = "ordinal > 0";
    static final String COLUMNS = "id, document_id, ordinal, unit_id, segment_key, source_text, source_codes, "
            + "mt_text, mt_codes, target_text, target_codes, status, locked, note, version, updated_by, updated_at, "
            + "space_after, file_segment_key";
    private static final int BATCH = 1000;
    static final int CHUNK = 500;
    /** Below every ordinal a segment ever has, retired ones (minus their id) included: the tail parks here. */
    private static final int PARKED = -2_000_000_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private volatile SqlDialect dialect;

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

    /** The segments with these ids that are in their document (not merged away), in document order. */
    public List<Segment> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("select " + COLUMNS + " from segment where id in (" + marks + ") and " + LISTED
                + " order by document_id, ordinal")
                .params(List.copyOf(ids)).query(SegmentRepository::segment).list();
    }

    /** All segments of a document in order (API, export); not for the grid. */
    public List<Segment> findByDocument(long documentId) {
        return jdbc.sql("select " + COLUMNS + " from segment where document_id = ? and " + LISTED
                        + " order by ordinal")
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
        return inOrder(documentId, COLUMNS + ", space_before", (rs, row) -> new SpacedSegment(
                segment(rs, row), rs.getString("space_before")));
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
     * The units (paragraphs) a merge across paragraphs changed: the survivor's, which took the text, and the
     * absorbed segment's, which lost it. A handful per document; their original text no longer stands for them.
     */
    public java.util.Set<String> unitsMergedAcross(long documentId) {
        java.util.Set<String> units = new java.util.HashSet<>();
        jdbc.sql("""
                        select absorbed.unit_id as absorbed_unit, survivor.unit_id as survivor_unit
                        from segment absorbed join segment survivor on survivor.id = absorbed.merged_into
                        where absorbed.document_id = ? and absorbed.unit_id <> survivor.unit_id""")
                .param(documentId).query(rs -> {
                    units.add(rs.getString("absorbed_unit"));
                    units.add(rs.getString("survivor_unit"));
                });
        return units;
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
        jdbc.sql("select id, unit_id, space_after from segment where document_id = ? and " + LISTED
                        + " order by ordinal")
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
        PageQuery query = pageQuery(documentId, inDialect(filter), offset, limit);
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
        filter = inDialect(filter);
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
        filter = inDialect(filter);
        if (unfiltered(filter)) {
            return ordinal - 1;
        }
        List<Object> params = new ArrayList<>();
        String where = where(documentId, filter, params) + " and ordinal < ?";
        params.add(ordinal);
        return jdbc.sql("select count(*) from segment" + where).params(params).query(Integer.class).single();
    }

    /** The filter with its regular expression (Java syntax) as this database's regex engine reads it. */
    private SegmentFilter inDialect(SegmentFilter filter) {
        if (!filter.regex() || !filter.hasText()) {
            return filter;
        }
        if (dialect == null) {
            dialect = SqlDialect.of(template.getDataSource());
        }
        return new SegmentFilter(filter.statuses(), dialect.regex(filter.text()), true, filter.withOpenIssues(),
                filter.issueCategories());
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
        StringBuilder where = new StringBuilder(" where document_id = ? and " + LISTED);
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
                        + " and r.repetition_key = s.repetition_key and r.ordinal > 0"
                        + " where s.id in (" + in + ") and s.repetition_key <> '' group by s.id")
                .params(List.copyOf(segmentIds))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** The other segments of the document with the same repetition key, in order. */
    public List<Segment> repetitionsOf(long segmentId) {
        return jdbc.sql("select " + COLUMNS.replaceAll("(^|, )", "$1r.") + " from segment s join segment r"
                        + " on r.document_id = s.document_id and r.repetition_key = s.repetition_key and r.ordinal > 0"
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
                        where id = ? and version = ? and locked = false and ordinal > 0""")
                .params(target.coded(), InlineCodesJson.write(target), status.name(), author, Timestamp.from(now),
                        id, expectedVersion)
                .update() == 1;
    }

    /**
     * Takes the document's row lock until the transaction ends, so splits and merges of one document, which move
     * ordinals, run one after the other.
     */
    public void lockOrdinals(long documentId) {
        jdbc.sql("select id from document where id = ? for update").param(documentId).query(Long.class).optional();
    }

    /**
     * Makes room for a new segment after {@code ordinal}: every later segment moves one down and the document
     * counts one more. The (document, ordinal) key is checked row by row on H2 and PostgreSQL, so the tail first
     * moves out of the way (below every retired segment's ordinal, which is minus its id) and then back, shifted.
     */
    public void openGapAfter(long documentId, int ordinal) {
        jdbc.sql("update segment set ordinal = " + PARKED + " - ordinal where document_id = ? and ordinal > ?")
                .params(documentId, ordinal).update();
        jdbc.sql("update segment set ordinal = " + PARKED + " - ordinal + 1 where document_id = ? and ordinal <= "
                        + PARKED).params(documentId).update();
        jdbc.sql("update document set segment_count = segment_count + 1 where id = ?").param(documentId).update();
    }

    /**
     * Writes the first part of a split segment: the texts before the split point and the whitespace that was at
     * it, if nobody saved since {@code expectedVersion}.
     */
    public boolean updateSplitHead(long id, int expectedVersion, Parts head, String spaceAfter, String author,
                                   Instant now) {
        return jdbc.sql("""
                        update segment set source_text = ?, source_codes = ?, mt_text = ?, mt_codes = ?,
                            target_text = ?, target_codes = ?, space_after = ?, repetition_key = ?,
                            version = version + 1, updated_by = ?, updated_at = ?
                        where id = ? and version = ? and locked = false""")
                .params(head.source() == null ? null : head.source().coded(), InlineCodesJson.write(head.source()),
                        head.mt().coded(), InlineCodesJson.write(head.mt()), head.target().coded(),
                        InlineCodesJson.write(head.target()), spaceAfter, RepetitionKey.of(head.source(), head.mt()),
                        author, Timestamp.from(now), id, expectedVersion)
                .update() == 1;
    }

    /**
     * Inserts the second part of a split segment at {@code ordinal} (free: see {@link #openGapAfter}), at version
     * 1 (its first version records where it came from).
     *
     * @return the new segment's id
     */
    public long insertSplitTail(Segment from, int ordinal, String segmentKey, Parts tail, String author,
                                Instant now) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into segment (document_id, ordinal, unit_id, segment_key, file_segment_key, source_text,
                            source_codes, mt_text, mt_codes, target_text, target_codes, space_before, space_after,
                            status, locked, note, version, updated_by, updated_at, repetition_key)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, false, ?, 1, ?, ?, ?)""")
                .params(from.documentId(), ordinal, from.unitId(), segmentKey, from.fileSegmentKey(),
                        tail.source() == null ? null : tail.source().coded(), InlineCodesJson.write(tail.source()),
                        tail.mt().coded(), InlineCodesJson.write(tail.mt()), tail.target().coded(),
                        InlineCodesJson.write(tail.target()), from.spaceAfter(), from.status().name(), from.note(),
                        author, Timestamp.from(now), RepetitionKey.of(tail.source(), tail.mt()))
                .update(key, "id");
        return java.util.Objects.requireNonNull(key.getKey(), "generated id").longValue();
    }

    /** The segment at an ordinal of its document, if any (retired segments have none). */
    public Optional<Segment> atOrdinal(long documentId, int ordinal) {
        return jdbc.sql("select " + COLUMNS + " from segment where document_id = ? and ordinal = ?")
                .params(documentId, ordinal).query(SegmentRepository::segment).optional();
    }

    /**
     * Writes the survivor of a merge: the joined texts, its new status, and the space after the absorbed segment,
     * if nobody saved since {@code expectedVersion}.
     */
    public boolean updateMerged(long id, int expectedVersion, Parts merged, String spaceAfter, SegmentStatus status,
                                String author, Instant now) {
        return jdbc.sql("""
                        update segment set source_text = ?, source_codes = ?, mt_text = ?, mt_codes = ?,
                            target_text = ?, target_codes = ?, space_after = ?, repetition_key = ?, status = ?,
                            version = version + 1, updated_by = ?, updated_at = ?
                        where id = ? and version = ? and locked = false and ordinal > 0""")
                .params(merged.source() == null ? null : merged.source().coded(),
                        InlineCodesJson.write(merged.source()), merged.mt().coded(), InlineCodesJson.write(merged.mt()),
                        merged.target().coded(), InlineCodesJson.write(merged.target()), spaceAfter,
                        RepetitionKey.of(merged.source(), merged.mt()), status.name(), author, Timestamp.from(now), id,
                        expectedVersion)
                .update() == 1;
    }

    /**
     * Retires a segment merged into another: it keeps its row and its history (versions are append-only) but
     * leaves the document's list: its ordinal becomes minus its id, and the segments after it move up one.
     */
    public boolean retire(Segment absorbed, long survivorId, int expectedVersion, String author, Instant now) {
        boolean retired = jdbc.sql("""
                        update segment set merged_into = ?, ordinal = -id, version = version + 1, updated_by = ?,
                            updated_at = ?
                        where id = ? and version = ? and locked = false and ordinal > 0""")
                .params(survivorId, author, Timestamp.from(now), absorbed.id(), expectedVersion).update() == 1;
        if (retired) {
            jdbc.sql("update segment set ordinal = " + PARKED + " - ordinal where document_id = ? and ordinal > ?")
                    .params(absorbed.documentId(), absorbed.ordinal()).update();
            jdbc.sql("update segment set ordinal = " + PARKED + " - ordinal - 1 where document_id = ? and ordinal <= "
                    + PARKED).params(absorbed.documentId()).update();
            jdbc.sql("update document set segment_count = segment_count - 1 where id = ?")
                    .param(absorbed.documentId()).update();
        }
        return retired;
    }

    /**
     * A paragraph's opening whitespace (an indented line) is held by its first segment; when that segment leaves
     * the paragraph (merged into the one before), the next segment of the paragraph takes it, so the paragraph keeps
     * its indentation. The layout column only: no text, no version.
     */
    public void passSpaceBefore(Segment leaving) {
        jdbc.sql("""
                        update segment set space_before = (select space_before from segment where id = ?)
                        where document_id = ? and ordinal = ? and unit_id = ?""")
                .params(leaving.id(), leaving.documentId(), leaving.ordinal() + 1, leaving.unitId()).update();
    }

    /** The segment a retired segment was merged into; empty for a segment in its document's list. */
    public Optional<Long> mergedInto(long segmentId) {
        return jdbc.sql("select merged_into from segment where id = ?").param(segmentId).query(Long.class).optional();
    }

    /** The segment keys in use in a unit of a document (retired segments included: their ids stay taken). */
    public java.util.Set<String> segmentKeys(long documentId, String unitId) {
        return new java.util.HashSet<>(jdbc.sql("select segment_key from segment where document_id = ? and unit_id = ?")
                .params(documentId, unitId).query(String.class).list());
    }

    /** The texts of one part of a split or merged segment. */
    public record Parts(TaggedText source, TaggedText mt, TaggedText target) {
    }

    private static Segment segment(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Segment(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("ordinal"),
                rs.getString("unit_id"), rs.getString("segment_key"),
                InlineCodesJson.read(rs.getString("source_text"), rs.getString("source_codes")),
                InlineCodesJson.read(rs.getString("mt_text"), rs.getString("mt_codes")),
                InlineCodesJson.read(rs.getString("target_text"), rs.getString("target_codes")),
                SegmentStatus.valueOf(rs.getString("status")), rs.getBoolean("locked"), rs.getString("note"),
                rs.getInt("version"), rs.getString("updated_by"), updated == null ? null : updated.toInstant(),
                rs.getString("space_after"), rs.getString("file_segment_key"));
    }
}
