package org.postedit.workbench.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The importer's unit ids again, for the same filter's text units in the same order: a file may repeat an id, and
 * the second "1" was stored as "1#2" (document.okapi's UnitIds). Only ids whose numbered form was stored are
 * counted, so memory does not grow with the document: for any other id a repeat's numbered id names no stored
 * unit, and the plain id it gets instead was already met (the stored units come in the file's order).
 */
final class ImportedUnitIds {

    private final Set<String> numbered = new HashSet<>();
    private final Map<String, Integer> seen = new HashMap<>();

    /** @param storedWithHash the stored unit ids with a "#" (numbered ones among them) */
    ImportedUnitIds(Set<String> storedWithHash) {
        for (String id : storedWithHash) {
            numbered.add(id.substring(0, id.lastIndexOf('#')));
        }
    }

    String next(String id) {
        String base = id == null || id.isBlank() ? "unit" : id;
        if (!numbered.contains(base)) {
            return base;
        }
        int count = seen.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + "#" + count;
    }
}
