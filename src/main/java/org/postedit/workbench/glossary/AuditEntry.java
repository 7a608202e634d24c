package org.postedit.workbench.glossary;

import java.time.Instant;

/** Who changed what when: action is CREATE, UPDATE, DELETE or IMPORT. */
public record AuditEntry(long id, long glossaryId, Long conceptId, String conceptKey, String action, String summary,
                         String author, Instant at) {
}
