package org.postedit.workbench.api;

import org.postedit.workbench.OnPostgres;

/** {@link SplitMergeApiTest} on a real PostgreSQL server (V11, the ordinal shifts, retired segments). Skipped without one. */
@OnPostgres
class SplitMergeApiOnPostgresTest extends SplitMergeApiTest {
}
