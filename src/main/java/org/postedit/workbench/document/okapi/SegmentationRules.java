package org.postedit.workbench.document.okapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import net.sf.okapi.common.ISegmenter;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.lib.segmentation.SRXDocument;

/**
 * The shipped SRX rules ({@code segmentation/workbench.srx}), loaded once. A compiled segmenter keeps state
 * while it works, so each import borrows one for its language and gives it back; compiling costs milliseconds,
 * parsing the rules file a few hundred, so both are done once and reused by concurrent imports.
 */
final class SegmentationRules {

    static final String RESOURCE = "/segmentation/workbench.srx";

    private final SRXDocument rules;
    private final Map<String, Queue<ISegmenter>> idle = new ConcurrentHashMap<>();

    SegmentationRules() {
        rules = new SRXDocument();
        try (InputStream in = SegmentationRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Segmentation rules missing from the class path: " + RESOURCE);
            }
            rules.loadRules(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code work} with a segmenter for {@code language} that no other thread uses meanwhile. */
    <T> T withSegmenter(String language, Function<ISegmenter, T> work) {
        Queue<ISegmenter> pool = idle.computeIfAbsent(language, key -> new ConcurrentLinkedQueue<>());
        ISegmenter segmenter = pool.poll();
        if (segmenter == null) {
            segmenter = compile(language);
        }
        try {
            return work.apply(segmenter);
        } finally {
            pool.offer(segmenter);
        }
    }

    private ISegmenter compile(String language) {
        synchronized (rules) {
            return rules.compileLanguageRules(LocaleId.fromBCP47(language), null);
        }
    }
}
