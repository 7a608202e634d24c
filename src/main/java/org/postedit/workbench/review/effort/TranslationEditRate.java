package org.postedit.workbench.review.effort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translation Edit Rate (Snover et al. 2006, "A Study of Translation Edit Rate with Targeted Human Annotation"):
 * the fewest word edits that turn the hypothesis (here the MT) into the reference (the post-edited text), where an
 * edit is an insertion, a deletion, a substitution or a shift of a contiguous block of words to another place,
 * divided by the number of reference words. With the post-edit as reference this is HTER.
 *
 * <p>Finding the minimum with shifts is NP-hard, so, like the paper and its tercom tool, shifts are chosen
 * greedily: while some shift lowers the word-level Levenshtein distance by more than the one edit the shift
 * costs, the one that lowers it most is applied. As in tercom, only blocks that occur in the reference are moved,
 * only blocks that are not already matched, to where the matching reference words are aligned, blocks of at most
 * {@value #MAX_SHIFT_WORDS} words over at most {@value #MAX_SHIFT_DISTANCE} positions. Case counts; punctuation
 * marks are words of their own.
 */
public final class TranslationEditRate {

    static final int MAX_SHIFT_WORDS = 10;
    static final int MAX_SHIFT_DISTANCE = 50;
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[\\p{L}\\p{M}\\p{N}_]+(?:['’][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{M}\\p{N}_]");

    /**
     * @param edits          insertions, deletions, substitutions and shifts
     * @param shifts         how many of the edits are block shifts
     * @param referenceWords words of the reference
     */
    public record Result(int edits, int shifts, int referenceWords) {

        /** Edits per reference word; 0 for two empty texts and 1 when everything was deleted. */
        public double score() {
            if (referenceWords == 0) {
                return edits == 0 ? 0 : 1;
            }
            return (double) edits / referenceWords;
        }
    }

    private TranslationEditRate() {
    }

    public static Result of(String hypothesis, String reference) {
        List<String> hyp = words(hypothesis);
        List<String> ref = words(reference);
        Map<String, Integer> ids = new HashMap<>();
        int[] h = hyp.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        int[] r = ref.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        if (Arrays.equals(h, r)) {
            return new Result(0, 0, r.length);
        }
        int shifts = 0;
        Alignment alignment = Alignment.of(h, r);
        while (true) {
            int[] shifted = bestShift(h, r, alignment);
            if (shifted == null) {
                break;
            }
            h = shifted;
            shifts++;
            alignment = Alignment.of(h, r);
        }
        return new Result(alignment.distance + shifts, shifts, r.length);
    }

    /** The words TER counts: letters and digits runs (with inner apostrophes), each punctuation mark, each CJK character. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The hypothesis after the shift that gains most, or null when no shift gains anything. */
    private static int[] bestShift(int[] h, int[] r, Alignment current) {
        int[] best = null;
        int bestGain = 0;
        int bestLength = 0;
        for (int start = 0; start < h.length; start++) {
            for (int length = 1; length <= MAX_SHIFT_WORDS && start + length <= h.length; length++) {
                if (!anyError(current.hypError, start, length)) {
                    continue;
                }
                for (int at = 0; at + length <= r.length; at++) {
                    if (!sameWords(h, start, r, at, length) || !anyError(current.refError, at, length)) {
                        continue;
                    }
                    // move the block before the hypothesis word aligned with the reference word it matches
                    int target = current.hypPositionOf[at];
                    for (int to : new int[] {target, target + 1}) {
                        if (to >= start && to <= start + length || to < 0 || to > h.length
                                || Math.abs(to - start) > MAX_SHIFT_DISTANCE) {
                            continue;
                        }
                        int[] moved = shift(h, start, length, to);
                        int gain = current.distance - Alignment.of(moved, r).distance - 1;
                        if (gain > bestGain || gain == bestGain && gain > 0 && length > bestLength) {
                            best = moved;
                            bestGain = gain;
                            bestLength = length;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Moves {@code h[start, start+length)} so it stands before the word now at {@code to} (positions of h). */
    static int[] shift(int[] h, int start, int length, int to) {
        int[] out = new int[h.length];
        int n = 0;
        for (int i = 0; i <= h.length; i++) {
            if (i == to) {
                for (int k = 0; k < length; k++) {
                    out[n++] = h[start + k];
                }
            }
            if (i < h.length && (i < start || i >= start + length)) {
                out[n++] = h[i];
            }
        }
        return out;
    }

    private static boolean sameWords(int[] a, int from, int[] b, int at, int length) {
        for (int k = 0; k < length; k++) {
            if (a[from + k] != b[at + k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyError(boolean[] errors, int from, int length) {
        for (int k = from; k < from + length; k++) {
            if (errors[k]) {
                return true;
            }
        }
        return false;
    }

    /** Word-level Levenshtein distance with one optimal alignment: which words match and where. */
    private static final class Alignment {
        final int distance;
        final boolean[] hypError;
        final boolean[] refError;
        /** for each reference word, the hypothesis position it is aligned with (or would be inserted at) */
        final int[] hypPositionOf;

        private Alignment(int distance, boolean[] hypError, boolean[] refError, int[] hypPositionOf) {
            this.distance = distance;
            this.hypError = hypError;
            this.refError = refError;
            this.hypPositionOf = hypPositionOf;
        }

        static Alignment of(int[] h, int[] r) {
            int[][] d = new int[h.length + 1][r.length + 1];
            for (int i = 0; i <= h.length; i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= r.length; j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= h.length; i++) {
                for (int j = 1; j <= r.length; j++) {
                    int diagonal = d[i - 1][j - 1] + (h[i - 1] == r[j - 1] ? 0 : 1);
                    d[i][j] = Math.min(diagonal, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                }
            }
            boolean[] hypError = new boolean[h.length];
            boolean[] refError = new boolean[r.length];
            int[] position = new int[r.length];
            int i = h.length;
            int j = r.length;
            while (i > 0 || j > 0) {
                if (i > 0 && j > 0 && h[i - 1] == r[j - 1] && d[i][j] == d[i - 1][j - 1]) {
                    position[j - 1] = i - 1;
                    i--;
                    j--;
                } else if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + 1) {
                    hypError[i - 1] = true;
                    refError[j - 1] = true;
                    position[j - 1] = i - 1;
                    i--;
                    j--;
                } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                    hypError[i - 1] = true;
                    i--;
                } else {
                    refError[j - 1] = true;
                    position[j - 1] = i;
                    j--;
                }
            }
            return new Alignment(d[h.length][r.length], hypError, refError, position);
        }
    }
}
