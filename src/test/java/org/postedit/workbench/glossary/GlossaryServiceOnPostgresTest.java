package org.postedit.workbench.glossary;

import org.postedit.workbench.OnPostgres;

/**
 * {@link GlossaryServiceTest} on a real PostgreSQL server: glossaries, concepts, term search, audit, import and export.
 * Skipped without a server (see TestPostgres).
 */
@OnPostgres
class GlossaryServiceOnPostgresTest extends GlossaryServiceTest {
}
