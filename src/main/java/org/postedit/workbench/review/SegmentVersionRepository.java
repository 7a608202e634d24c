package org.postedit.workbench.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only history: there is no update or delete here, by design. */
@Repository
public class SegmentVersionRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public SegmentVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(long segmentId, int version, TaggedText target, SegmentStatus status, String author, Instant at,
                String comment) {
        jdbc.sql("""
                        insert into segment_version (segment_id, version, target_text, target_codes, status, author,
                            created_at, comment) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(segmentId, version, target.coded(),
                        target.codes().isEmpty() ? null : JSON.writeValueAsString(target.codes()), status.name(),
                        author, Timestamp.from(at), comment)
                .update();
    }

    public List<SegmentVersion> history(long segmentId) {
        return jdbc.sql("""
                        select id, segment_id, version, target_text, target_codes, status, author, created_at, comment
                        from segment_version where segment_id = ? order by version""")
                .param(segmentId)
                .query((rs, n) -> new SegmentVersion(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        text(rs.getString(4), rs.getString(5)), SegmentStatus.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .list();
    }

    private static TaggedText text(String coded, String codes) {
        return codes == null ? TaggedText.plain(coded)
                : new TaggedText(coded, JSON.readValue(codes, new TypeReference<>() { }));
    }
}
