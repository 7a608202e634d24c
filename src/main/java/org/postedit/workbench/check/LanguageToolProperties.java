package org.postedit.workbench.check;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the LanguageTool checks run ({@code workbench.checks.languagetool.*}).
 *
 * @param timeLimit     the longest one text may take; a check over it returns the issues found so far and logs a
 *                      warning, so a pathological segment cannot hold a worker for minutes
 * @param threads       worker threads for checking many texts at once and instances warmed at start-up; 0 means
 *                      one per core
 * @param warmUp        create and exercise the English instances in the background at start-up
 * @param disabledRules LanguageTool rule ids switched off for every language (part of the cache key)
 * @param enabledRules  rule ids LanguageTool leaves off by default that the project wants on
 */
@ConfigurationProperties("workbench.checks.languagetool")
public record LanguageToolProperties(@DefaultValue("10s") Duration timeLimit,
                                     @DefaultValue("0") int threads,
                                     @DefaultValue("true") boolean warmUp,
                                     @DefaultValue List<String> disabledRules,
                                     @DefaultValue List<String> enabledRules) {

    public LanguageToolProperties {
        timeLimit = timeLimit == null || timeLimit.isNegative() || timeLimit.isZero() ? Duration.ofSeconds(10) : timeLimit;
        disabledRules = disabledRules == null ? List.of() : List.copyOf(disabledRules);
        enabledRules = enabledRules == null ? List.of() : List.copyOf(enabledRules);
    }

    /** LanguageTool as it ships: what the parity test and the benchmark compare against. */
    public static LanguageToolProperties defaults() {
        return new LanguageToolProperties(Duration.ofSeconds(10), 0, true, List.of(), List.of());
    }

    public int workerThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
