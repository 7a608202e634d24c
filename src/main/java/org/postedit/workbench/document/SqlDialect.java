package org.postedit.workbench.document;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The database behind the data source, for what H2 and PostgreSQL cannot share. The SQL itself is the same on both;
 * what differs is how they read a regular expression: H2 runs Java's engine, PostgreSQL its own.
 */
public enum SqlDialect {
    H2, POSTGRESQL;

    public static SqlDialect of(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product.toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the workbench runs on", e);
        }
    }

    /** A regular expression in Java's syntax (what a filter means everywhere) as this database's engine reads it. */
    public String regex(String java) {
        return this == POSTGRESQL ? PostgresRegex.of(java) : java;
    }
}
