package org.postedit.workbench.review;

import org.postedit.workbench.OnPostgres;

/**
 * {@link VersionHistoryIntegrityTest} on a real PostgreSQL server: the trigger refuses to update or delete a version,
 * and twenty racing reviewers lose nothing. Skipped without a server (see TestPostgres).
 */
@OnPostgres
class VersionHistoryIntegrityOnPostgresTest extends VersionHistoryIntegrityTest {
}
