package org.postedit.workbench.export;

import org.postedit.workbench.OnPostgres;

/**
 * {@link XliffUpdateTest} on a real PostgreSQL server: a document updated from an edited XLIFF export, a version per
 * changed segment. Skipped without a server (see TestPostgres).
 */
@OnPostgres
class XliffUpdateOnPostgresTest extends XliffUpdateTest {
}
