package org.postedit.workbench.export;

import org.postedit.workbench.OnPostgres;

/**
 * {@link ExportApiTest} on a real PostgreSQL server: downloads of every format and ZIPs of several documents through
 * the API. Skipped without a server (see TestPostgres).
 */
@OnPostgres
class ExportApiOnPostgresTest extends ExportApiTest {
}
