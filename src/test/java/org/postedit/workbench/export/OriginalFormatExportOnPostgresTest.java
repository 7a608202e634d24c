package org.postedit.workbench.export;

import org.postedit.workbench.OnPostgres;

/**
 * {@link OriginalFormatExportTest} on a real PostgreSQL server: the original file, stored as bytea, rebuilt with the
 * current targets. Skipped without a server (see TestPostgres).
 */
@OnPostgres
class OriginalFormatExportOnPostgresTest extends OriginalFormatExportTest {
}
