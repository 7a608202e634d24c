package org.postedit.workbench.review;

import java.util.HashMap;
import java.util.Map;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentRepository.Parts;
import org.postedit.workbench.document.TaggedText;

/**
 * Where a segment splits and what each part holds. The target splits where the reviewer put the caret. The MT and
 * the source split at the same place while the target before the caret is still the start of the MT (or source)
 * unchanged; otherwise at the boundary nearest the proportional place, sentence ends first, then clause marks, then
 * word gaps, then any character (CJK). The MT is the reference for the target's inline codes, so its part must
 * hold the same codes as the target's part; a split that would tear a pair of codes apart is refused. See
 * docs/split-merge.md.
 */
final class SegmentSplit {

    private static final String SENTENCE_END = ".!?。！？";
    private static final String CLAUSE_END = ",;:，；：、";
    /** How much worse a clause mark is than a sentence end, as a share of the text's length, and so on. */
    private static final double TIER_PENALTY = 0.2;

    /**
     * @param head       the first part (stays in the segment)
     * @param tail       the second part (a new segment after it)
     * @param spaceAfter the whitespace between the parts in the file
     */
    record Result(Parts head, Parts tail, String spaceAfter) {
    }

    private SegmentSplit() {
    }

    /**
     * @param offset where the target splits, in characters of the target with each inline code counting one
     * @throws SegmentEditRejectedException when the segment cannot split there
     */
    static Result at(Segment segment, int offset) {
        TaggedText target = segment.target();
        int cut = codedOffset(target, offset);
        String coded = target.coded();
        TaggedText head = cut(target, 0, cut);
        TaggedText tail = cut(target, cut, coded.length());
        if (head.isBlank() || tail.isBlank()) {
            throw new SegmentEditRejectedException("Put the caret inside the text of segment " + segment.ordinal()
                    + ": both parts of a split need text.");
        }
        InlineCode torn = tornPair(head, tail);
        if (torn != null) {
            throw new SegmentEditRejectedException("Segment " + segment.ordinal() + " cannot split between the tags "
                    + torn.label() + " and its closing tag: split outside them, so each part keeps its tags paired.");
        }
        String space = whitespaceAt(coded, cut);
        if (space.isEmpty() && runTogether(coded, cut)) {
            space = " ";  // the reviewer separates two sentences MT ran together ("development.Improve")
        }
        int mtCut = cutOf(segment.mt(), target, cut, true);
        if (mtCut < 0) {
            throw new SegmentEditRejectedException("The MT of segment " + segment.ordinal() + " has its tags in another"
                    + " order than the target, so it cannot split with the same tags in each part.");
        }
        Parts first;
        Parts second;
        TaggedText source = segment.source();
        if (source == null) {
            first = new Parts(null, trim(cut(segment.mt(), 0, mtCut)), trim(head));
            second = new Parts(null, trim(cut(segment.mt(), mtCut, segment.mt().coded().length())), trim(tail));
        } else {
            int sourceCut = cutOf(source, target, cut, true);
            if (sourceCut < 0) {
                sourceCut = cutOf(source, target, cut, false);
            }
            first = new Parts(trim(cut(source, 0, sourceCut)), trim(cut(segment.mt(), 0, mtCut)), trim(head));
            second = new Parts(trim(cut(source, sourceCut, source.coded().length())),
                    trim(cut(segment.mt(), mtCut, segment.mt().coded().length())), trim(tail));
        }
        return new Result(first, second, space);
    }

    /** The position in the coded text of the {@code offset}-th place, codes counting one. */
    static int codedOffset(TaggedText text, int offset) {
        String coded = text.coded();
        int flat = 0;
        for (int i = 0; i <= coded.length(); i++) {
            if (flat == offset) {
                return i;
            }
            if (i < coded.length() && TaggedText.isMarker(coded.charAt(i))) {
                i++;
            }
            flat++;
        }
        throw new SegmentEditRejectedException("The split offset " + offset + " is outside the target (0 to "
                + (flat - 1) + ", each tag counting one).");
    }

    /**
     * Where {@code other} (MT or source) splits when the target splits at coded position {@code cut}; -1 when
     * {@code sameCodes} and no place gives the first part the same codes as the target's first part.
     */
    static int cutOf(TaggedText other, TaggedText target, int cut, boolean sameCodes) {
        String coded = other.coded();
        if (sameTokens(target, other, cut)) {
            return cut;
        }
        if (other.isBlank()) {
            return coded.length();
        }
        Map<String, Integer> headCodes = codeCounts(cut(target, 0, cut));
        double share = (double) target.coded().substring(0, cut).length() / Math.max(1, target.coded().length());
        double ideal = share * coded.length();
        int best = -1;
        double bestScore = Double.MAX_VALUE;
        for (int p = 1; p < coded.length(); p++) {
            if (TaggedText.isMarker(coded.charAt(p - 1))) {
                continue;  // inside a code's two characters
            }
            int tier = tier(coded, p);
            if (tier < 0 || sameCodes && !codeCounts(cut(other, 0, p)).equals(headCodes)) {
                continue;
            }
            if (cut(other, 0, p).isBlank() || cut(other, p, coded.length()).isBlank()) {
                continue;
            }
            double score = Math.abs(p - ideal) / coded.length() + TIER_PENALTY * tier;
            if (score < bestScore) {
                bestScore = score;
                best = p;
            }
        }
        if (best < 0 && !sameCodes) {
            return coded.length();  // a source of one word stays whole with the first part
        }
        return best;
    }

    /** 0 after a sentence end, 1 after a clause mark, 2 at a word gap, 3 between other characters, -1 nowhere. */
    private static int tier(String coded, int p) {
        char next = coded.charAt(p);
        char previous = lastText(coded, p);
        boolean gap = Character.isWhitespace(next) && !Character.isWhitespace(coded.charAt(p - 1));
        if (previous != 0 && "。！？".indexOf(previous) >= 0 && !Character.isWhitespace(next)) {
            return 0;
        }
        if (gap && previous != 0 && SENTENCE_END.indexOf(previous) >= 0) {
            return 0;
        }
        if (gap && previous != 0 && CLAUSE_END.indexOf(previous) >= 0) {
            return 1;
        }
        if (gap) {
            return 2;
        }
        if (Character.isWhitespace(next) || Character.isWhitespace(coded.charAt(p - 1))) {
            return -1;  // inside a run of whitespace: its start is the gap
        }
        return 3;
    }

    /** The last text character before {@code p}, skipping codes; 0 when there is none. */
    private static char lastText(String coded, int p) {
        for (int i = p - 1; i >= 0; i--) {
            char c = coded.charAt(i);
            if (i > 0 && TaggedText.isMarker(coded.charAt(i - 1))) {
                i--;
                continue;
            }
            return c;
        }
        return 0;
    }

    /** Whether the first {@code cut} coded characters of both texts say the same, codes compared by kind and id. */
    private static boolean sameTokens(TaggedText target, TaggedText other, int cut) {
        if (other.coded().length() < cut) {
            return false;
        }
        String a = target.coded();
        String b = other.coded();
        for (int i = 0; i < cut; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (TaggedText.isMarker(x) || TaggedText.isMarker(y)) {
                if (x != y || i + 1 >= cut) {
                    return false;
                }
                InlineCode cx = target.codes().get(a.charAt(i + 1) - TaggedText.INDEX_BASE);
                InlineCode cy = other.codes().get(b.charAt(i + 1) - TaggedText.INDEX_BASE);
                if (cx.id() != cy.id() || cx.kind() != cy.kind()) {
                    return false;
                }
                i++;
            } else if (x != y) {
                return false;
            }
        }
        return true;  // codes matched as whole pairs, so cut is between characters of the other text too
    }

    /** The part of {@code text} between two coded positions, its codes numbered afresh. */
    static TaggedText cut(TaggedText text, int from, int to) {
        return TaggedText.fromRuns(new TaggedText(text.coded().substring(from, to), text.codes()).runs());
    }

    /** The text without whitespace at either end (codes are never whitespace, so they stay). */
    static TaggedText trim(TaggedText text) {
        return TaggedText.fromRuns(new TaggedText(text.coded().strip(), text.codes()).runs());
    }

    /** The whitespace around the split point, which becomes the space between the two segments. */
    private static String whitespaceAt(String coded, int cut) {
        int start = cut;
        while (start > 0 && Character.isWhitespace(coded.charAt(start - 1))) {
            start--;
        }
        int end = cut;
        while (end < coded.length() && Character.isWhitespace(coded.charAt(end))) {
            end++;
        }
        return coded.substring(start, end);
    }

    private static boolean runTogether(String coded, int cut) {
        char before = lastText(coded, cut);
        int next = cut;
        while (next < coded.length() && TaggedText.isMarker(coded.charAt(next))) {
            next += 2;
        }
        return before != 0 && ".!?".indexOf(before) >= 0 && next < coded.length()
                && Character.isLetterOrDigit(coded.charAt(next));
    }

    /** An opening code of the first part whose closing code is in the second, if any. */
    private static InlineCode tornPair(TaggedText head, TaggedText tail) {
        for (InlineCode code : head.codes()) {
            if (code.kind() == InlineCode.Kind.OPENING && tail.codes().stream()
                    .anyMatch(c -> c.kind() == InlineCode.Kind.CLOSING && c.id() == code.id())) {
                return code;
            }
        }
        return null;
    }

    private static Map<String, Integer> codeCounts(TaggedText text) {
        Map<String, Integer> counts = new HashMap<>();
        for (InlineCode code : text.codes()) {
            counts.merge(code.kind() + ":" + code.id(), 1, Integer::sum);
        }
        return counts;
    }
}
