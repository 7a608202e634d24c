package org.postedit.workbench.review;

import org.postedit.workbench.OnPostgres;

/**
 * {@link ReviewEffortServiceTest} on a real PostgreSQL server: one-step review, repetitions and post-editing effort
 * (MERGE upserts). Skipped without a server (see TestPostgres).
 */
@OnPostgres
class ReviewEffortServiceOnPostgresTest extends ReviewEffortServiceTest {
}
