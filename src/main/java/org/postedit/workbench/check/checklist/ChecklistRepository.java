package org.postedit.workbench.check.checklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.postedit.workbench.check.IssueSeverity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL for checklist rules and the checklist revision counter. */
@Repository
class ChecklistRepository {

    private static final String COLUMNS = "id, rule_key, name, message, pattern, replacement, severity, enabled, "
            + "target_language, created_by, created_at, updated_by, updated_at";

    private final JdbcClient jdbc;

    ChecklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChecklistRule> all() {
        return jdbc.sql("select " + COLUMNS + " from checklist_rule order by rule_key").query(ChecklistRepository::map)
                .list();
    }

    Optional<ChecklistRule> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from checklist_rule where id = ?").param(id)
                .query(ChecklistRepository::map).optional();
    }

    Optional<ChecklistRule> byKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from checklist_rule where rule_key = ?").param(key)
                .query(ChecklistRepository::map).optional();
    }

    long insert(ChecklistRule rule, String user, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("insert into checklist_rule (rule_key, name, message, pattern, replacement, severity, enabled, "
                        + "target_language, created_by, created_at, updated_by, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(rule.key(), rule.name(), rule.message(), rule.pattern(), rule.replacement(),
                        rule.severity().name(), rule.enabled(), rule.targetLanguage(), user, at, user, at)
                .update();
        return jdbc.sql("select id from checklist_rule where rule_key = ?").param(rule.key()).query(Long.class)
                .single();
    }

    void update(long id, ChecklistRule rule, String user, Instant now) {
        jdbc.sql("update checklist_rule set rule_key = ?, name = ?, message = ?, pattern = ?, replacement = ?, "
                        + "severity = ?, enabled = ?, target_language = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(rule.key(), rule.name(), rule.message(), rule.pattern(), rule.replacement(),
                        rule.severity().name(), rule.enabled(), rule.targetLanguage(), user, Timestamp.from(now), id)
                .update();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from checklist_rule where id = ?").param(id).update() > 0;
    }

    void bumpRevision() {
        jdbc.sql("update checklist_revision set revision = revision + 1 where id = 1").update();
    }

    long revision() {
        return jdbc.sql("select revision from checklist_revision where id = 1").query(Long.class).single();
    }

    private static ChecklistRule map(ResultSet rs, int row) throws SQLException {
        return new ChecklistRule(rs.getLong("id"), rs.getString("rule_key"), rs.getString("name"),
                rs.getString("message"), rs.getString("pattern"), rs.getString("replacement"),
                IssueSeverity.valueOf(rs.getString("severity")), rs.getBoolean("enabled"),
                rs.getString("target_language"), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getString("updated_by"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
