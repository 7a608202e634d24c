package org.postedit.workbench.document.okapi;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps unit ids unique within a document. Files may repeat an id (two XLIFF {@code <file>}s both with unit "1");
 * the second occurrence becomes "1#2", the third "1#3". Re-importing the same file gives the same ids.
 */
final class UnitIds {

    private final Map<String, Integer> seen = new HashMap<>();

    String unique(String id) {
        String base = id == null || id.isBlank() ? "unit" : id;
        int count = seen.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + "#" + count;
    }
}
