package org.postedit.workbench.review;

import org.postedit.workbench.OnPostgres;

/**
 * {@link SegmentCommentsTest} on a real PostgreSQL server: comment threads through the service and the HTTP API.
 * Skipped without a server (see TestPostgres).
 */
@OnPostgres
class SegmentCommentsOnPostgresTest extends SegmentCommentsTest {
}
