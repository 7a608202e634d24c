package org.postedit.workbench.glossary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.postedit.workbench.glossary.matching.MatchableTerm;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL for glossaries, concepts, terms, the audit and the revision counter. */
@Repository
public class GlossaryRepository {

    private static final int BATCH = 1000;
    private static final String CONCEPT_COLUMNS =
            "c.id, c.glossary_id, c.concept_key, c.domain, c.definition, c.note, c.updated_by, c.updated_at";
    private static final String TERM_COLUMNS =
            "t.id, t.concept_id, t.language, t.term, t.status, t.part_of_speech, t.case_sensitive, t.note, t.example";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public GlossaryRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- glossaries

    List<Glossary> glossaries() {
        return jdbc.sql("select id, name, description from glossary order by id")
                .query((rs, n) -> new Glossary(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    Optional<Glossary> glossary(long id) {
        return jdbc.sql("select id, name, description from glossary where id = ?").param(id)
                .query((rs, n) -> new Glossary(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    Optional<Glossary> glossaryByName(String name) {
        return jdbc.sql("select id, name, description from glossary where lower(name) = ?")
                .param(Texts.lower(name))
                .query((rs, n) -> new Glossary(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    long insertGlossary(String name, String description, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into glossary (name, description, created_at) values (?, ?, ?)")
                .params(name, description, Timestamp.from(now)).update(key, "id");
        return key.getKey().longValue();
    }

    // ---- concepts

    Optional<Concept> concept(long id) {
        Optional<Concept> concept = jdbc.sql("select " + CONCEPT_COLUMNS + " from glossary_concept c where c.id = ?")
                .param(id).query((rs, n) -> concept(rs, List.of())).optional();
        return concept.map(c -> withTerms(List.of(c)).getFirst());
    }

    /** Every concept of a glossary with its terms, in id order (two queries, not one per concept). */
    List<Concept> conceptsOf(long glossaryId) {
        List<Concept> concepts = jdbc.sql("select " + CONCEPT_COLUMNS
                        + " from glossary_concept c where c.glossary_id = ? order by c.id").param(glossaryId)
                .query((rs, n) -> concept(rs, List.of())).list();
        Map<Long, List<Term>> terms = new HashMap<>();
        template.query("select " + TERM_COLUMNS + " from glossary_term t join glossary_concept c on c.id = t.concept_id"
                        + " where c.glossary_id = ? order by t.concept_id, t.ordinal",
                rs -> {
                    terms.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(term(rs));
                }, glossaryId);
        return concepts.stream().map(c -> with(c, terms.getOrDefault(c.id(), List.of()))).toList();
    }

    private List<Concept> withTerms(List<Concept> concepts) {
        if (concepts.isEmpty()) {
            return concepts;
        }
        Map<Long, List<Term>> terms = new HashMap<>();
        String ids = String.join(",", concepts.stream().map(c -> "?").toList());
        template.query("select " + TERM_COLUMNS + " from glossary_term t where t.concept_id in (" + ids + ")"
                        + " order by t.concept_id, t.ordinal",
                rs -> {
                    terms.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(term(rs));
                }, concepts.stream().map(Concept::id).toArray());
        return concepts.stream().map(c -> with(c, terms.getOrDefault(c.id(), List.of()))).toList();
    }

    private static Concept with(Concept c, List<Term> terms) {
        return new Concept(c.id(), c.glossaryId(), c.key(), c.domain(), c.definition(), c.note(), terms,
                c.updatedBy(), c.updatedAt());
    }

    private static Concept concept(ResultSet rs, List<Term> terms) throws SQLException {
        Timestamp at = rs.getTimestamp(8);
        return new Concept(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), terms, rs.getString(7), at == null ? null : at.toInstant());
    }

    private static Term term(ResultSet rs) throws SQLException {
        return new Term(rs.getLong(1), rs.getString(3), rs.getString(4), TermStatus.valueOf(rs.getString(5)),
                rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9));
    }

    long insertConcept(long glossaryId, Concept c, String user, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into glossary_concept (glossary_id, concept_key, domain, definition, note, updated_by,
                                                      updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(glossaryId, c.key(), c.domain(), c.definition(), c.note(), user, Timestamp.from(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        insertTerms(Map.of(id, c.terms()));
        return id;
    }

    void updateConcept(long id, Concept c, String user, Instant now) {
        jdbc.sql("""
                        update glossary_concept set concept_key = ?, domain = ?, definition = ?, note = ?,
                                                    updated_by = ?, updated_at = ?
                        where id = ?""")
                .params(c.key(), c.domain(), c.definition(), c.note(), user, Timestamp.from(now), id).update();
        jdbc.sql("delete from glossary_term where concept_id = ?").param(id).update();
        insertTerms(Map.of(id, c.terms()));
    }

    void deleteConcept(long id) {
        jdbc.sql("delete from glossary_term where concept_id = ?").param(id).update();
        jdbc.sql("delete from glossary_concept where id = ?").param(id).update();
    }

    /** Batch insert of new concepts and their terms; keys must be set and unique in the glossary. */
    void insertConcepts(long glossaryId, List<Concept> concepts, String user, Instant now, Runnable chunkDone) {
        Timestamp at = Timestamp.from(now);
        for (int from = 0; from < concepts.size(); from += BATCH) {
            List<Concept> chunk = concepts.subList(from, Math.min(concepts.size(), from + BATCH));
            template.batchUpdate("""
                    insert into glossary_concept (glossary_id, concept_key, domain, definition, note, updated_by,
                                                  updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", chunk, chunk.size(), (PreparedStatement ps, Concept c) -> {
                ps.setLong(1, glossaryId);
                ps.setString(2, c.key());
                ps.setString(3, c.domain());
                ps.setString(4, c.definition());
                ps.setString(5, c.note());
                ps.setString(6, user);
                ps.setTimestamp(7, at);
            });
            chunkDone.run();
        }
        Map<String, Long> ids = new HashMap<>();
        template.query("select id, concept_key from glossary_concept where glossary_id = ?",
                rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                }, glossaryId);
        Map<Long, List<Term>> terms = new LinkedHashMap<>();
        for (Concept c : concepts) {
            terms.put(ids.get(c.key()), c.terms());
        }
        insertTerms(terms);
    }

    /** Batch update of existing concepts (by id), replacing their terms. */
    void updateConcepts(List<Concept> concepts, String user, Instant now) {
        Timestamp at = Timestamp.from(now);
        for (int from = 0; from < concepts.size(); from += BATCH) {
            List<Concept> chunk = concepts.subList(from, Math.min(concepts.size(), from + BATCH));
            template.batchUpdate("""
                    update glossary_concept set concept_key = ?, domain = ?, definition = ?, note = ?,
                                                updated_by = ?, updated_at = ?
                    where id = ?""", chunk, chunk.size(), (PreparedStatement ps, Concept c) -> {
                ps.setString(1, c.key());
                ps.setString(2, c.domain());
                ps.setString(3, c.definition());
                ps.setString(4, c.note());
                ps.setString(5, user);
                ps.setTimestamp(6, at);
                ps.setLong(7, c.id());
            });
            template.batchUpdate("delete from glossary_term where concept_id = ?", chunk, chunk.size(),
                    (ps, c) -> ps.setLong(1, c.id()));
        }
        Map<Long, List<Term>> terms = new LinkedHashMap<>();
        concepts.forEach(c -> terms.put(c.id(), c.terms()));
        insertTerms(terms);
    }

    void deleteConcepts(Collection<Long> ids) {
        List<Long> list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += BATCH) {
            List<Long> chunk = list.subList(from, Math.min(list.size(), from + BATCH));
            template.batchUpdate("delete from glossary_term where concept_id = ?", chunk, chunk.size(),
                    (ps, id) -> ps.setLong(1, id));
            template.batchUpdate("delete from glossary_concept where id = ?", chunk, chunk.size(),
                    (ps, id) -> ps.setLong(1, id));
        }
    }

    private void insertTerms(Map<Long, List<Term>> byConcept) {
        record Row(long conceptId, int ordinal, Term term) {
        }
        List<Row> rows = new ArrayList<>();
        byConcept.forEach((conceptId, terms) -> {
            for (int i = 0; i < terms.size(); i++) {
                rows.add(new Row(conceptId, i, terms.get(i)));
            }
        });
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            template.batchUpdate("""
                    insert into glossary_term (concept_id, ordinal, language, term, term_lower, status,
                                               part_of_speech, case_sensitive, note, example)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", chunk, chunk.size(), (ps, r) -> {
                Term t = r.term();
                ps.setLong(1, r.conceptId());
                ps.setInt(2, r.ordinal());
                ps.setString(3, t.language());
                ps.setString(4, t.text());
                ps.setString(5, Texts.lower(t.text()));
                ps.setString(6, t.status().name());
                ps.setString(7, t.partOfSpeech());
                ps.setBoolean(8, t.caseSensitive());
                ps.setString(9, t.note());
                ps.setString(10, t.example());
            });
        }
    }

    /** Concepts of the glossary (other than excludeConceptId) whose preferred term in the language is the text. */
    List<String> preferredOwners(long glossaryId, String language, String text, long excludeConceptId) {
        return jdbc.sql("""
                        select c.concept_key from glossary_term t join glossary_concept c on c.id = t.concept_id
                        where c.glossary_id = ? and t.language = ? and t.term_lower = ? and t.status = 'PREFERRED'
                          and c.id <> ?""")
                .params(glossaryId, language, Texts.lower(text), excludeConceptId).query(String.class).list();
    }

    boolean keyExists(long glossaryId, String key, long excludeConceptId) {
        return jdbc.sql("select count(*) from glossary_concept where glossary_id = ? and concept_key = ? and id <> ?")
                .params(glossaryId, key, excludeConceptId).query(Integer.class).single() > 0;
    }

    List<String> keys(long glossaryId) {
        return jdbc.sql("select concept_key from glossary_concept where glossary_id = ?").param(glossaryId)
                .query(String.class).list();
    }

    // ---- search

    List<TermHit> searchTerms(GlossaryQuery q, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = termWhere(q, params, true);
        String order = switch (q.sort() == null ? GlossaryQuery.Sort.TERM : q.sort()) {
            case TERM -> "t.term_lower, t.id";
            case DOMAIN -> "coalesce(c.domain, ''), t.term_lower, t.id";
            case UPDATED -> "c.updated_at desc, t.id";
        };
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select " + TERM_COLUMNS + ", c.concept_key, c.glossary_id, c.domain, c.note"
                        + " from glossary_term t join glossary_concept c on c.id = t.concept_id where " + where
                        + " order by " + order + " limit ? offset ?")
                .params(params)
                .query((rs, n) -> new TermHit(term(rs), rs.getLong(2), rs.getString(10), rs.getLong(11),
                        rs.getString(12), rs.getString(13)))
                .list();
    }

    int countTerms(GlossaryQuery q) {
        List<Object> params = new ArrayList<>();
        String where = termWhere(q, params, true);
        return jdbc.sql("select count(*) from glossary_term t join glossary_concept c on c.id = t.concept_id where "
                + where).params(params).query(Integer.class).single();
    }

    List<Concept> searchConcepts(GlossaryQuery q, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = conceptWhere(q, params);
        String order = switch (q.sort() == null ? GlossaryQuery.Sort.TERM : q.sort()) {
            case TERM -> "(select min(t2.term_lower) from glossary_term t2 where t2.concept_id = c.id), c.id";
            case DOMAIN -> "coalesce(c.domain, ''), c.id";
            case UPDATED -> "c.updated_at desc, c.id desc";
        };
        params.add(limit);
        params.add(offset);
        List<Concept> concepts = jdbc.sql("select " + CONCEPT_COLUMNS + " from glossary_concept c where " + where
                        + " order by " + order + " limit ? offset ?")
                .params(params).query((rs, n) -> concept(rs, List.of())).list();
        return withTerms(concepts);
    }

    int countConcepts(GlossaryQuery q) {
        List<Object> params = new ArrayList<>();
        String where = conceptWhere(q, params);
        return jdbc.sql("select count(*) from glossary_concept c where " + where).params(params)
                .query(Integer.class).single();
    }

    List<String> domains(Long glossaryId) {
        return jdbc.sql("select distinct domain from glossary_concept where domain is not null"
                        + (glossaryId == null ? "" : " and glossary_id = " + glossaryId.longValue())
                        + " order by domain")
                .query(String.class).list();
    }

    private static String conceptWhere(GlossaryQuery q, List<Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (q.glossaryId() != null) {
            where.append(" and c.glossary_id = ?");
            params.add(q.glossaryId());
        }
        if (q.domain() != null && !q.domain().isBlank()) {
            where.append(" and lower(c.domain) = ?");
            params.add(Texts.lower(q.domain().strip()));
        }
        List<Object> termParams = new ArrayList<>();
        String termWhere = termWhere(q, termParams, false);
        if (!termWhere.equals("1 = 1")) {
            where.append(" and exists (select 1 from glossary_term t where t.concept_id = c.id and ")
                    .append(termWhere).append(")");
            params.addAll(termParams);
        }
        return where.toString();
    }

    /** Conditions on t (and on c when withConcept). */
    private static String termWhere(GlossaryQuery q, List<Object> params, boolean withConcept) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (withConcept && q.glossaryId() != null) {
            where.append(" and c.glossary_id = ?");
            params.add(q.glossaryId());
        }
        if (withConcept && q.domain() != null && !q.domain().isBlank()) {
            where.append(" and lower(c.domain) = ?");
            params.add(Texts.lower(q.domain().strip()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            String text = likeEscape(Texts.lower(Texts.clean(q.text())));
            where.append(" and t.term_lower like ? escape '\\'");
            params.add(q.match() == GlossaryQuery.Match.PREFIX ? text + "%" : "%" + text + "%");
        }
        if (q.language() != null && !q.language().isBlank()) {
            String language = Texts.language(q.language());
            where.append(" and (lower(t.language) = ? or lower(t.language) like ?)");
            String l = language == null ? Texts.lower(q.language().strip()) : Texts.lower(language);
            params.add(l);
            params.add(likeEscape(l) + "-%");
        }
        if (q.status() != null) {
            where.append(" and t.status = ?");
            params.add(q.status().name());
        }
        return where.toString();
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ---- matcher

    List<MatchableTerm> matchableTerms(Collection<Long> glossaryIds) {
        if (glossaryIds.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", glossaryIds.stream().map(id -> "?").toList());
        return template.query("select t.id, t.concept_id, t.language, t.term, t.status, t.case_sensitive"
                        + " from glossary_term t join glossary_concept c on c.id = t.concept_id"
                        + " where c.glossary_id in (" + ids + ") order by t.id",
                (rs, n) -> new MatchableTerm(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        org.postedit.workbench.glossary.matching.TermStatus.valueOf(rs.getString(5)),
                        rs.getBoolean(6)),
                glossaryIds.toArray());
    }

    // ---- documents

    List<Long> documentGlossaries(long documentId) {
        return jdbc.sql("select glossary_id from document_glossary where document_id = ? order by glossary_id")
                .param(documentId).query(Long.class).list();
    }

    void setDocumentGlossaries(long documentId, Collection<Long> glossaryIds) {
        jdbc.sql("delete from document_glossary where document_id = ?").param(documentId).update();
        for (Long id : glossaryIds) {
            jdbc.sql("insert into document_glossary (document_id, glossary_id) values (?, ?)")
                    .params(documentId, id).update();
        }
    }

    // ---- audit and revision

    void audit(long glossaryId, Long conceptId, String conceptKey, String action, String summary, String author,
               Instant now) {
        jdbc.sql("""
                        insert into glossary_audit (glossary_id, concept_id, concept_key, action, summary, author,
                                                    created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(glossaryId, conceptId, conceptKey, action,
                        summary.length() > 4000 ? summary.substring(0, 3997) + "..." : summary, author,
                        Timestamp.from(now))
                .update();
    }

    List<AuditEntry> auditEntries(Long glossaryId, Long conceptId, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = auditWhere(glossaryId, conceptId, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select id, glossary_id, concept_id, concept_key, action, summary, author, created_at"
                        + " from glossary_audit" + where + " order by created_at desc, id desc limit ? offset ?")
                .params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    int countAudit(Long glossaryId, Long conceptId) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from glossary_audit" + auditWhere(glossaryId, conceptId, params))
                .params(params).query(Integer.class).single();
    }

    private static String auditWhere(Long glossaryId, Long conceptId, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (glossaryId != null) {
            conditions.add("glossary_id = ?");
            params.add(glossaryId);
        }
        if (conceptId != null) {
            conditions.add("concept_id = ?");
            params.add(conceptId);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    void bumpRevision() {
        jdbc.sql("update glossary_revision set revision = revision + 1 where id = 1").update();
    }

    long revision() {
        return jdbc.sql("select revision from glossary_revision where id = 1").query(Long.class).single();
    }
}
