package org.postedit.workbench.check;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link CheckService} runs checks ({@code workbench.checks.*}).
 *
 * @param threads          worker threads for checks; 0 means one per core
 * @param segmentTimeLimit how long one checker may take on one segment before it is abandoned for that segment
 * @param draftTimeLimit   how long a check of the editor's draft may take; what is not done by then is left out
 * @param cacheSize        checker results kept in memory (one entry per checker and distinct text)
 * @param checkAtStartup   whether documents not checked yet (or under older rules) are checked in the background
 *                         once the application is up
 * @param disabled         ids of checkers switched off for the whole workbench (e.g. {@code languagetool} where a
 *                         team does its spelling elsewhere)
 */
@ConfigurationProperties("workbench.checks")
public record CheckProperties(@DefaultValue("0") int threads,
                              @DefaultValue("10s") Duration segmentTimeLimit,
                              @DefaultValue("2s") Duration draftTimeLimit,
                              @DefaultValue("200000") int cacheSize,
                              @DefaultValue("true") boolean checkAtStartup,
                              @DefaultValue Set<String> disabled) {

    public CheckProperties {
        if (threads <= 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        if (segmentTimeLimit == null || segmentTimeLimit.isNegative() || segmentTimeLimit.isZero()) {
            segmentTimeLimit = Duration.ofSeconds(10);
        }
        if (draftTimeLimit == null || draftTimeLimit.isNegative() || draftTimeLimit.isZero()) {
            draftTimeLimit = Duration.ofSeconds(2);
        }
        cacheSize = Math.max(0, cacheSize);
        disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
    }
}
