package org.postedit.workbench.export;

import org.postedit.workbench.OnPostgres;

/** {@link SplitMergeExportTest} on a real PostgreSQL server (V11, the ordinal shifts, retired segments). Skipped without one. */
@OnPostgres
class SplitMergeExportOnPostgresTest extends SplitMergeExportTest {
}
