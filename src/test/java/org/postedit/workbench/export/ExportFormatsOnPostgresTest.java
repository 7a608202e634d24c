package org.postedit.workbench.export;

import org.postedit.workbench.OnPostgres;

/**
 * {@link ExportFormatsTest} on a real PostgreSQL server: XLIFF 1.2, XLIFF 2 and TMX streamed from the database. Skipped
 * without a server (see TestPostgres).
 */
@OnPostgres
class ExportFormatsOnPostgresTest extends ExportFormatsTest {
}
