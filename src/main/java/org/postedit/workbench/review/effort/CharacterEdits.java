package org.postedit.workbench.review.effort;

/** Levenshtein distance over Unicode code points: insertions, deletions and substitutions of one character. */
public final class CharacterEdits {

    private CharacterEdits() {
    }

    public static int distance(String from, String to) {
        int[] a = from.codePoints().toArray();
        int[] b = to.codePoints().toArray();
        if (a.length == 0 || b.length == 0) {
            return Math.max(a.length, b.length);
        }
        // two rows of the dynamic-programming table are enough: long segments stay cheap in memory
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
