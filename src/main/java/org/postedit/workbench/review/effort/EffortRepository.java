package org.postedit.workbench.review.effort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.document.SegmentStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Post-editing effort per segment (table segment_effort): edit distances and time in the editor. */
@Repository
public class EffortRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    public EffortRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Replaces the edit distances of a segment (its target changed); the editing time stays. */
    void saveDistances(long segmentId, EditDistances d) {
        upsert("""
                merge into segment_effort e
                using (values (cast(? as bigint), cast(? as integer), cast(? as integer), cast(? as integer),
                               cast(? as integer), cast(? as integer))) as v(segment_id, c, w, m, t, n)
                on e.segment_id = v.segment_id
                when matched then update set char_edits = v.c, word_edits = v.w, mt_words = v.m, target_words = v.t,
                    target_chars = v.n
                when not matched then insert (segment_id, char_edits, word_edits, mt_words, target_words,
                    target_chars, editing_millis) values (v.segment_id, v.c, v.w, v.m, v.t, v.n, 0)""",
                segmentId, d.charEdits(), d.wordEdits(), d.mtWords(), d.targetWords(), d.targetChars());
    }

    /** Adds time spent editing a segment to what earlier sessions spent. */
    void addEditingTime(long segmentId, long millis) {
        upsert("""
                merge into segment_effort e
                using (values (cast(? as bigint), cast(? as bigint))) as v(segment_id, millis)
                on e.segment_id = v.segment_id
                when matched then update set editing_millis = e.editing_millis + v.millis
                when not matched then insert (segment_id, editing_millis) values (v.segment_id, v.millis)""",
                segmentId, millis);
    }

    private void upsert(String sql, Object... params) {
        try {
            // in a savepoint: on PostgreSQL a failed statement aborts the whole transaction, and the retry below
            // could not run in it (H2 carries on; with the savepoint both roll back only the failed insert)
            savepoint.executeWithoutResult(status -> jdbc.sql(sql).params(params).update());
        } catch (DuplicateKeyException raced) {
            // two first writes for one segment at once: the other inserted the row, so this one now updates it
            jdbc.sql(sql).params(params).update();
        }
    }

    /** The effort of some segments (a page of the grid); segments without a row have none yet. */
    Map<Long, SegmentEffort> forSegments(Collection<Long> segmentIds) {
        Map<Long, SegmentEffort> found = new HashMap<>();
        if (segmentIds.isEmpty()) {
            return found;
        }
        String in = String.join(", ", Collections.nCopies(segmentIds.size(), "?"));
        jdbc.sql("select s.id, s.ordinal, s.status, case when s.target_text = s.mt_text then 1 else 0 end,"
                        + " e.char_edits, e.word_edits, e.mt_words, e.target_words, e.target_chars, e.editing_millis"
                        + " from segment s join segment_effort e on e.segment_id = s.id where s.id in (" + in + ")")
                .params(List.copyOf(segmentIds))
                .query(rs -> {
                    SegmentEffort effort = row(rs);
                    found.put(effort.segmentId(), effort);
                });
        return found;
    }

    /**
     * Every segment of a document in order with its effort. Segments changed before effort was recorded (no row)
     * come back with {@code needsDistances} so the service can compute theirs.
     */
    List<SegmentEffort> forDocument(long documentId) {
        List<SegmentEffort> rows = new ArrayList<>();
        jdbc.sql("select s.id, s.ordinal, s.status, case when s.target_text = s.mt_text then 1 else 0 end,"
                        + " coalesce(e.char_edits, 0), coalesce(e.word_edits, 0), coalesce(e.mt_words, -1),"
                        + " coalesce(e.target_words, -1), coalesce(e.target_chars, -1), coalesce(e.editing_millis, 0)"
                        + " from segment s left join segment_effort e on e.segment_id = s.id"
                        + " where s.document_id = ? and s.ordinal > 0 order by s.ordinal")
                .param(documentId)
                .query(rs -> {
                    rows.add(row(rs));
                });
        return rows;
    }

    private static SegmentEffort row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SegmentEffort(rs.getLong(1), rs.getInt(2), SegmentStatus.valueOf(rs.getString(3)),
                rs.getInt(4) == 1, rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                rs.getLong(10));
    }
}
