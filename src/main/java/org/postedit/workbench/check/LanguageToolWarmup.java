package org.postedit.workbench.check;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads LanguageTool's English tagger in the background once the app is up: the first load costs seconds, which
 * the first reviewer to open a segment should not wait for.
 */
@Component
class LanguageToolWarmup {

    private static final Logger log = LoggerFactory.getLogger(LanguageToolWarmup.class);

    private final LanguageToolLemmatizer lemmatizer;

    LanguageToolWarmup(LanguageToolLemmatizer lemmatizer) {
        this.lemmatizer = lemmatizer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warm() {
        Thread.ofVirtual().name("languagetool-warmup").start(() -> {
            long start = System.nanoTime();
            lemmatizer.tokenize("en-US", "The projects of the countries were warmed up.");
            log.info("LanguageTool English tagger ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        });
    }
}
