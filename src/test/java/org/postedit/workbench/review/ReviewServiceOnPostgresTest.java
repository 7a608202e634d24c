package org.postedit.workbench.review;

import org.postedit.workbench.OnPostgres;

/**
 * {@link ReviewServiceTest} on a real PostgreSQL server: save, stale-save conflict, approve, reject, revert, bulk
 * confirmation, the grid's queries read a page. Skipped without a server (see TestPostgres).
 */
@OnPostgres
class ReviewServiceOnPostgresTest extends ReviewServiceTest {
}
