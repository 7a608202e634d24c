package org.postedit.workbench.check;

import org.postedit.workbench.OnPostgres;

/**
 * {@link CheckServiceTest} on a real PostgreSQL server: issues stored, replaced, ignored and counted. Skipped without a
 * server (see TestPostgres).
 */
@OnPostgres
class CheckServiceOnPostgresTest extends CheckServiceTest {
}
