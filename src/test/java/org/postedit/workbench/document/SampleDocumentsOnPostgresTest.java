package org.postedit.workbench.document;

import org.postedit.workbench.OnPostgres;

/**
 * {@link SampleDocumentsTest} on a real PostgreSQL server: the shipped seeds import once. Skipped without a server (see
 * TestPostgres).
 */
@OnPostgres
class SampleDocumentsOnPostgresTest extends SampleDocumentsTest {
}
