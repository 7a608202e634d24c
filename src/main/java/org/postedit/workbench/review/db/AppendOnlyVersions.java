package org.postedit.workbench.review.db;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger that makes {@code segment_version} append-only in the database itself: an update or delete of a
 * version fails whatever code or SQL console issues it, so an approved version can never be changed or lost.
 * (PostgreSQL gets the same rule as a PL/pgSQL trigger in its own migration.)
 */
public class AppendOnlyVersions implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("segment_version is append-only: versions are never updated or deleted", "45000");
    }
}
