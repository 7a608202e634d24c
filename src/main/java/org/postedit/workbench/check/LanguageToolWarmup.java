package org.postedit.workbench.check;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads LanguageTool's English in the background once the app is up: the tagger for the glossary's term matching,
 * then one warmed en-US checker instance per worker thread. The first load costs seconds (dictionaries, rules, JIT),
 * which the first reviewer to open a segment should not wait for. Other languages load on first use.
 */
@Component
class LanguageToolWarmup {

    private static final Logger log = LoggerFactory.getLogger(LanguageToolWarmup.class);

    private final LanguageToolLemmatizer lemmatizer;
    private final LanguageToolPool pool;
    private final LanguageToolProperties properties;

    LanguageToolWarmup(LanguageToolLemmatizer lemmatizer, LanguageToolPool pool, LanguageToolProperties properties) {
        this.lemmatizer = lemmatizer;
        this.pool = pool;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warm() {
        Thread.ofVirtual().name("languagetool-warmup").start(() -> {
            long start = System.nanoTime();
            lemmatizer.tokenize("en-US", "The projects of the countries were warmed up.");
            log.info("LanguageTool English tagger ready in {} ms", (System.nanoTime() - start) / 1_000_000);
            if (properties.warmUp()) {
                warmChecks();
            }
        });
    }

    private void warmChecks() {
        long start = System.nanoTime();
        try {
            LanguageToolLanguages.resolve("en-US").ifPresent(english -> pool.warm(english, pool.workerThreads()));
            log.info("LanguageTool en-US checks warmed on {} worker threads in {} ms", pool.workerThreads(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // the checks still work, the first one is just slow
            log.warn("LanguageTool warm-up failed: {}", e.toString());
        }
    }
}
