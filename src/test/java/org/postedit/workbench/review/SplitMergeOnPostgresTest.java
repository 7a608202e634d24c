package org.postedit.workbench.review;

import org.postedit.workbench.OnPostgres;

/** {@link SplitMergeTest} on a real PostgreSQL server (V11, the ordinal shifts, retired segments). Skipped without one. */
@OnPostgres
class SplitMergeOnPostgresTest extends SplitMergeTest {
}
