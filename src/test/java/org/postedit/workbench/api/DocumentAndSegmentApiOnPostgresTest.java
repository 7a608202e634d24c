package org.postedit.workbench.api;

import org.postedit.workbench.OnPostgres;

/**
 * {@link DocumentAndSegmentApiTest} on a real PostgreSQL server: the JSON API: list, import, segments, save with
 * version, 409 on a stale one, approve, history. Skipped without a server (see TestPostgres).
 */
@OnPostgres
class DocumentAndSegmentApiOnPostgresTest extends DocumentAndSegmentApiTest {
}
