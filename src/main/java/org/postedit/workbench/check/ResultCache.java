package org.postedit.workbench.check;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checker results by everything the checker reads, least recently used dropped first, so an unchanged segment (or
 * the same sentence in another document, for a context-free checker) is never checked twice. Keys are 128-bit
 * digests, so the cache holds no texts.
 */
final class ResultCache {

    record Key(long high, long low) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, List<Issue>> entries;
    private long hits;
    private long misses;

    ResultCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, List<Issue>> eldest) {
                return size() > ResultCache.this.capacity;
            }
        };
    }

    /**
     * The key for one checker on one text: checker id, its settings for the document, target language and target,
     * and the MT, source and source language when the checker reads them. Parts are length-prefixed so no two
     * different inputs run together into the same string.
     */
    static Key key(Checker checker, String settingsKey, CheckedText text) {
        StringBuilder in = new StringBuilder(256);
        part(in, checker.id());
        part(in, settingsKey);
        part(in, text.targetLanguage());
        part(in, text.target().coded());
        part(in, text.target().codes().toString());
        if (checker.readsContext()) {
            part(in, text.mt().coded());
            part(in, text.mt().codes().toString());
            part(in, text.sourceLanguage());
            part(in, text.source() == null ? null : text.source().coded());
            part(in, text.source() == null ? null : text.source().codes().toString());
        }
        ByteBuffer digest = ByteBuffer.wrap(TextHash.digest(in.toString()));
        return new Key(digest.getLong(), digest.getLong());
    }

    private static void part(StringBuilder in, String value) {
        if (value == null) {
            in.append("-1:");
        } else {
            in.append(value.length()).append(':').append(value);
        }
    }

    synchronized List<Issue> get(Key key) {
        List<Issue> found = entries.get(key);
        if (found == null) {
            misses++;
        } else {
            hits++;
        }
        return found;
    }

    synchronized void put(Key key, List<Issue> issues) {
        if (capacity > 0) {
            entries.put(key, List.copyOf(issues));
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }
}
