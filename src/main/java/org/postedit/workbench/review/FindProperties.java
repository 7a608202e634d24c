package org.postedit.workbench.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeLimit a search (above all a regular expression with catastrophic backtracking) is stopped after this
 * @param maxShown  at most this many segments are listed as results (all are counted, all are replaced)
 */
@ConfigurationProperties("workbench.find")
public record FindProperties(@DefaultValue("3s") Duration timeLimit, @DefaultValue("500") int maxShown) {
}
