package org.postedit.workbench.glossary;

import java.util.List;

/**
 * What an import changes (a preview) or changed (applied).
 *
 * @param format  "tbx", "csv" or "tsv"
 * @param samples a few human-readable lines ("added c12: OpenAtom Foundation"), at most {@link #MAX_SAMPLES}
 */
public record ImportSummary(String format, ImportMode mode, boolean applied, int conceptsInFile, int termsInFile,
                            int conceptsAdded, int conceptsUpdated, int conceptsUnchanged, int conceptsRemoved,
                            int termsAdded, int termsRemoved, List<String> samples, List<String> warnings) {

    public static final int MAX_SAMPLES = 20;
}
