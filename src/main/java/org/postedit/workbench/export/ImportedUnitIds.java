package org.postedit.workbench.export;

import java.util.HashMap;
import java.util.Map;

/**
 * The importer's unit ids again, for the same filter's text units in the same order: a file may repeat an id, and
 * the second "1" was stored as "1#2" (document.okapi's UnitIds).
 */
final class ImportedUnitIds {

    private final Map<String, Integer> seen = new HashMap<>();

    String next(String id) {
        String base = id == null || id.isBlank() ? "unit" : id;
        int count = seen.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + "#" + count;
    }
}
