package org.postedit.workbench.document;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class DocumentRepository {

    private static final String COLUMNS = "id, name, format, source_language, target_language, original_size, "
            + "segment_count, archived, imported_by, imported_at, one_step_review";

    private final JdbcClient jdbc;

    public DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, DocumentFormat format, String sourceLanguage, String targetLanguage, long size,
                String sha256, int segmentCount, String importedBy, Instant importedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into document (name, format, source_language, target_language, original_size,
                    original_sha256, segment_count, imported_by, imported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(name, format.name(), sourceLanguage, targetLanguage, size, sha256, segmentCount,
                        importedBy, Timestamp.from(importedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertOriginal(long documentId, String fileName, InputStream content, long length) {
        jdbc.sql("insert into document_original (document_id, file_name, content) values (?, ?, ?)")
                .param(1, documentId)
                .param(2, fileName)
                .param(3, new org.springframework.jdbc.core.support.SqlBinaryValue(content, length))
                .update();
    }

    public Optional<Document> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from document where id = ?").param(id)
                .query(DocumentRepository::document).optional();
    }

    public List<Document> findAll(boolean includeArchived) {
        return jdbc.sql("select " + COLUMNS + " from document"
                        + (includeArchived ? "" : " where archived = false") + " order by imported_at desc, id desc")
                .query(DocumentRepository::document).list();
    }

    /** Segment counts per status of every listed document, in one query. */
    public Map<Long, Map<SegmentStatus, Integer>> statusCounts() {
        Map<Long, Map<SegmentStatus, Integer>> counts = new HashMap<>();
        jdbc.sql("select document_id, status, count(*) as n from segment where ordinal > 0"
                        + " group by document_id, status")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(SegmentStatus.class))
                            .put(SegmentStatus.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return counts;
    }

    public Map<SegmentStatus, Integer> statusCounts(long documentId) {
        Map<SegmentStatus, Integer> counts = new EnumMap<>(SegmentStatus.class);
        jdbc.sql("select status, count(*) from segment where document_id = ? and ordinal > 0"
                        + " group by status").param(documentId)
                .query(rs -> {
                    counts.put(SegmentStatus.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    public Optional<String> originalSha256(long id) {
        return jdbc.sql("select original_sha256 from document where id = ?").param(id).query(String.class)
                .optional();
    }

    public int countByName(String name) {
        return jdbc.sql("select count(*) from document where name = ?").param(name).query(Integer.class).single();
    }

    boolean archive(long id) {
        return jdbc.sql("update document set archived = true where id = ?").param(id).update() == 1;
    }

    boolean setOneStepReview(long id, boolean oneStep) {
        return jdbc.sql("update document set one_step_review = ? where id = ?").params(oneStep, id).update() == 1;
    }

    public Optional<OriginalFile> original(long documentId) {
        return jdbc.sql("select file_name, content from document_original where document_id = ?")
                .param(documentId)
                .query((rs, n) -> new OriginalFile(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /** The file as uploaded, kept to rebuild it in its own format on export. */
    public record OriginalFile(String fileName, byte[] content) {
    }

    private static Document document(ResultSet rs, int row) throws SQLException {
        String source = rs.getString("source_language");
        return new Document(rs.getLong("id"), rs.getString("name"), DocumentFormat.valueOf(rs.getString("format")),
                source, rs.getString("target_language"), rs.getLong("original_size"), rs.getInt("segment_count"),
                rs.getBoolean("archived"), rs.getString("imported_by"),
                rs.getTimestamp("imported_at").toInstant(), rs.getBoolean("one_step_review"));
    }
}
