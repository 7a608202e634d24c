package org.postedit.workbench.check;

import java.time.Instant;

/** A rule someone switched off for one document. */
public record IgnoredRule(long documentId, String checker, String ruleId, String ignoredBy, Instant ignoredAt) {
}
