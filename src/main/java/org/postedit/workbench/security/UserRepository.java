package org.postedit.workbench.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(String username) {
        return query(" where u.username = ?", username).stream().findFirst();
    }

    public Optional<UserAccount> find(long id) {
        return query(" where u.id = ?", id).stream().findFirst();
    }

    public List<UserAccount> findAll() {
        return query("", null);
    }

    public int count() {
        return jdbc.sql("select count(*) from app_user").query(Integer.class).single();
    }

    public void insert(String username, String passwordHash, UserAccount.Role role, Instant now) {
        insert(username, passwordHash, EnumSet.of(role), now);
    }

    public long insert(String username, String passwordHash, Set<UserAccount.Role> roles, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into app_user (username, password_hash, enabled, created_at) values (?, ?, true, ?)")
                .params(username, passwordHash, Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        setRoles(id, roles);
        return id;
    }

    void setRoles(long userId, Set<UserAccount.Role> roles) {
        jdbc.sql("delete from user_role where user_id = ?").param(userId).update();
        for (UserAccount.Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(userId, role.name()).update();
        }
    }

    void setEnabled(long userId, boolean enabled) {
        jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, userId).update();
    }

    void setPasswordHash(long userId, String hash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(hash, userId).update();
    }

    private List<UserAccount> query(String where, Object param) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        var statement = jdbc.sql("""
                select u.id, u.username, u.password_hash, u.enabled, u.created_at, r.role
                from app_user u left join user_role r on r.user_id = u.id""" + where + " order by u.username");
        if (param != null) {
            statement = statement.param(param);
        }
        statement.query(rs -> {
            Row row = rows.computeIfAbsent(rs.getLong(1), id -> {
                try {
                    return new Row(id, rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getTimestamp(5).toInstant(), EnumSet.noneOf(UserAccount.Role.class));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String role = rs.getString(6);
            if (role != null) {
                row.roles().add(UserAccount.Role.valueOf(role));
            }
        });
        List<UserAccount> users = new ArrayList<>();
        rows.values().forEach(r -> users.add(new UserAccount(r.id(), r.username(), r.hash(), r.roles(), r.enabled(),
                r.created())));
        return users;
    }

    private record Row(long id, String username, String hash, boolean enabled, Instant created,
                       EnumSet<UserAccount.Role> roles) {
    }
}
