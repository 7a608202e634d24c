package org.postedit.workbench.check.checklist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep a user's regular expression from hanging the checks.
 *
 * @param ruleTimeout      time one rule may spend on one segment before it is reported as timed out and skipped
 * @param segmentTimeout   time all rules together may spend on one segment
 * @param maxPatternLength longest pattern (and replacement) accepted
 * @param maxMatches       matches one rule reports per segment at most (a rule matching every letter is a bad rule)
 */
@ConfigurationProperties("workbench.checklist")
public record ChecklistProperties(@DefaultValue("200ms") Duration ruleTimeout,
                                  @DefaultValue("1s") Duration segmentTimeout,
                                  @DefaultValue("1000") int maxPatternLength,
                                  @DefaultValue("50") int maxMatches) {
}
