package org.postedit.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the other {@link OnPostgres} tests take for granted: they really run on PostgreSQL, under the postgres
 * profile, in a schema of their own, with every migration applied (the vendor ones included).
 */
@SpringBootTest
@OnPostgres
class PostgresProfileOnPostgresTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    @Test
    void theApplicationRunsOnPostgresqlInASchemaOfItsOwn() {
        assertThat(environment.getActiveProfiles()).contains("postgres");
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select current_schema()").query(String.class).single()).startsWith("wb_test_");
    }

    @Test
    void everyMigrationIsAppliedWithThePostgresqlVersions() {
        List<String> applied = jdbc.sql("select script from flyway_schema_history where success"
                + " order by installed_rank").query(String.class).list();
        assertThat(applied).contains("V2__document_original.sql", "V4__append_only_versions.sql",
                "V10__review_effort.sql");
        assertThat(jdbc.sql("select data_type from information_schema.columns where table_schema = current_schema()"
                + " and table_name = 'document_original' and column_name = 'content'").query(String.class).single())
                .isEqualTo("bytea");
        assertThat(jdbc.sql("select tgname from pg_trigger where tgrelid = 'segment_version'::regclass"
                + " and not tgisinternal order by tgname").query(String.class).list())
                .containsExactly("segment_version_no_delete", "segment_version_no_update");
    }
}
