package org.postedit.workbench.check;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL for the project dictionary and its revision counter. */
@Repository
public class DictionaryRepository {

    private static final String COLUMNS = "id, language, word, added_by, added_at";

    private final JdbcClient jdbc;

    public DictionaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DictionaryWord> all() {
        return jdbc.sql("select " + COLUMNS + " from dictionary_word order by language, word_lower")
                .query((rs, n) -> new DictionaryWord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    Optional<DictionaryWord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from dictionary_word where id = ?").param(id)
                .query((rs, n) -> new DictionaryWord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    Optional<DictionaryWord> find(String language, String word) {
        return jdbc.sql("select " + COLUMNS + " from dictionary_word where language = ? and word_lower = ?")
                .params(language, lower(word))
                .query((rs, n) -> new DictionaryWord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    long insert(String language, String word, String user, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into dictionary_word (language, word, word_lower, added_by, added_at) values (?, ?, ?, ?, ?)")
                .params(language, word, lower(word), user, Timestamp.from(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from dictionary_word where id = ?").param(id).update() > 0;
    }

    void bumpRevision() {
        jdbc.sql("update dictionary_revision set revision = revision + 1 where id = 1").update();
    }

    long revision() {
        return jdbc.sql("select revision from dictionary_revision where id = 1").query(Long.class).single();
    }

    static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
