package org.postedit.workbench.review;

import org.postedit.workbench.OnPostgres;

/**
 * {@link FindReplaceTest} on a real PostgreSQL server: find and replace over the grid's LIKE filter and ordinal pages.
 * Skipped without a server (see TestPostgres).
 */
@OnPostgres
class FindReplaceOnPostgresTest extends FindReplaceTest {
}
