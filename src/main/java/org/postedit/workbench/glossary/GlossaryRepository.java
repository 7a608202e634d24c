package org.postedit.workbench.glossary;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GlossaryRepository {

    private final JdbcClient jdbc;

    public GlossaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(GlossaryTerm term) {
        jdbc.sql("""
                        insert into glossary_term (concept_key, language, term, status, case_sensitive, note)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(term.conceptKey(), term.language(), term.term(), term.status().name(), term.caseSensitive(),
                        term.note())
                .update();
    }

    List<GlossaryTerm> page(String search, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(search, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select id, concept_key, language, term, status, case_sensitive, note from glossary_term"
                        + where + " order by concept_key, language, id limit ? offset ?")
                .params(params)
                .query((rs, n) -> new GlossaryTerm(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        GlossaryTerm.TermStatus.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getString(7)))
                .list();
    }

    int count(String search) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from glossary_term" + where(search, params)).params(params)
                .query(Integer.class).single();
    }

    private static String where(String search, List<Object> params) {
        if (search == null || search.isBlank()) {
            return "";
        }
        // a term matches when it or any term of its concept contains the text, so both languages show together
        params.add("%" + search.strip().toLowerCase() + "%");
        return " where concept_key in (select concept_key from glossary_term where lower(term) like ?)";
    }
}
