package org.postedit.workbench.check.checklist;

import org.postedit.workbench.OnPostgres;

/**
 * {@link ChecklistServiceTest} on a real PostgreSQL server: the project checklist's rules and revision. Skipped without
 * a server (see TestPostgres).
 */
@OnPostgres
class ChecklistServiceOnPostgresTest extends ChecklistServiceTest {
}
