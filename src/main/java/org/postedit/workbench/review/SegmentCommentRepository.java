package org.postedit.workbench.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Comment threads in SQL; comments are added and resolved, never edited or deleted. */
@Repository
public class SegmentCommentRepository {

    private static final String COLUMNS = "id, segment_id, author, body, created_at, resolved, resolved_by, resolved_at";

    private final JdbcClient jdbc;

    public SegmentCommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long segmentId, String author, String text, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into segment_comment (segment_id, author, body, created_at) values (?, ?, ?, ?)")
                .params(segmentId, author, text, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** @return false when the comment does not exist or was resolved already */
    boolean resolve(long id, String user, Instant at) {
        return jdbc.sql("update segment_comment set resolved = true, resolved_by = ?, resolved_at = ?"
                        + " where id = ? and resolved = false")
                .params(user, Timestamp.from(at), id).update() == 1;
    }

    Optional<SegmentComment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from segment_comment where id = ?").param(id)
                .query(SegmentCommentRepository::comment).optional();
    }

    List<SegmentComment> thread(long segmentId) {
        return jdbc.sql("select " + COLUMNS + " from segment_comment where segment_id = ? order by created_at, id")
                .param(segmentId).query(SegmentCommentRepository::comment).list();
    }

    /** Open (unresolved) and total comments per segment of a document, only for segments that have any. */
    Map<Long, CommentCount> counts(long documentId) {
        Map<Long, CommentCount> counts = new HashMap<>();
        jdbc.sql("""
                        select c.segment_id, count(*),
                            sum(case when c.resolved then 0 else 1 end)
                        from segment_comment c join segment s on s.id = c.segment_id
                        where s.document_id = ? group by c.segment_id""")
                .param(documentId)
                .query(rs -> {
                    counts.put(rs.getLong(1), new CommentCount(rs.getInt(2), rs.getInt(3)));
                });
        return counts;
    }

    private static SegmentComment comment(ResultSet rs, int row) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new SegmentComment(rs.getLong("id"), rs.getLong("segment_id"), rs.getString("author"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("resolved"),
                rs.getString("resolved_by"), resolvedAt == null ? null : resolvedAt.toInstant());
    }
}
