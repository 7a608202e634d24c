package org.postedit.workbench.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("select id, username, password_hash, role, enabled from app_user where username = ?")
                .param(username)
                .query((rs, n) -> new UserAccount(rs.getLong(1), rs.getString(2), rs.getString(3),
                        UserAccount.Role.valueOf(rs.getString(4)), rs.getBoolean(5)))
                .optional();
    }

    public int count() {
        return jdbc.sql("select count(*) from app_user").query(Integer.class).single();
    }

    public void insert(String username, String passwordHash, UserAccount.Role role, Instant now) {
        jdbc.sql("insert into app_user (username, password_hash, role, enabled, created_at) values (?, ?, ?, true, ?)")
                .params(username, passwordHash, role.name(), Timestamp.from(now))
                .update();
    }
}
