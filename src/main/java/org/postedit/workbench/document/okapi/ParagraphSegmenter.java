package org.postedit.workbench.document.okapi;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import net.sf.okapi.common.ISegmenter;
import net.sf.okapi.common.Range;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;

import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;

/**
 * Cuts one paragraph of a monolingual file into sentences with the SRX rules. The cut is lossless: the
 * whitespace before the first sentence goes to {@link ImportedSegment#spaceBefore()}, the whitespace after each
 * sentence to {@link ImportedSegment#spaceAfter()}, so {@code spaceBefore + Σ(mt + spaceAfter)} is the paragraph.
 */
final class ParagraphSegmenter {

    static final int CHUNK = 10_000;

    private ParagraphSegmenter() {
    }

    /** The segments of the paragraph, or an empty list when it has nothing a reviewer could change. */
    static List<ImportedSegment> segment(String unitId, TextFragment paragraph, ISegmenter segmenter) {
        String coded = paragraph.getCodedText();
        List<Code> codes = paragraph.getCodes();
        if (!ReviewableText.hasWords(coded)) {
            return List.of();
        }
        List<int[]> spans = mayEndSentence(coded)
                ? spans(coded, computeRanges(segmenter, paragraph))
                : List.of(new int[] {leadingSpace(coded), coded.length() - trailingSpace(coded)});
        List<ImportedSegment> segments = new ArrayList<>(spans.size());
        String spaceBefore = coded.substring(0, spans.getFirst()[0]);
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            int next = i + 1 < spans.size() ? spans.get(i + 1)[0] : coded.length();
            TaggedText text = TaggedTextConverter.convert(coded, codes, span[0], span[1]);
            boolean locked = !ReviewableText.hasWords(text.coded());
            segments.add(new ImportedSegment(unitId, Integer.toString(i), null, text, SegmentStatus.NEW, locked,
                    null, coded.substring(span[1], next), i == 0 ? spaceBefore : ""));
        }
        return segments;
    }

    /**
     * Okapi turns each sentence end that ICU finds into a regular expression run over the whole paragraph, so its
     * cost grows with the square of the paragraph's length: a megabyte without a paragraph break would take
     * minutes. Long paragraphs are therefore segmented in pieces of about {@value #CHUNK} characters, cut after a
     * sentence end and its space, where the rules would break anyway.
     */
    private static List<Range> computeRanges(ISegmenter segmenter, TextFragment paragraph) {
        String coded = paragraph.getCodedText();
        if (coded.length() <= CHUNK) {
            segmenter.computeSegments(new TextContainer(paragraph));
            return segmenter.getRanges();
        }
        List<Range> ranges = new ArrayList<>();
        for (int start = 0; start < coded.length(); ) {
            int end = chunkEnd(coded, start);
            segmenter.computeSegments(new TextContainer(paragraph.subSequence(start, end)));
            for (Range range : segmenter.getRanges()) {
                ranges.add(new Range(range.start + start, range.end + start));
            }
            start = end;
        }
        return ranges;
    }

    static int chunkEnd(String coded, int start) {
        int limit = start + CHUNK;
        if (limit >= coded.length()) {
            return coded.length();
        }
        int lastSpace = -1;
        for (int i = limit; i > start + CHUNK / 2; i--) {
            if (Character.isWhitespace(coded.charAt(i)) && !Character.isWhitespace(coded.charAt(i - 1))) {
                if (mayEndSentence(coded.substring(i - 1, i))) {
                    return i + 1;
                }
                if (lastSpace < 0) {
                    lastSpace = i + 1;
                }
            }
        }
        // no sentence end in reach: cut at a space, or anywhere outside a code marker pair
        if (lastSpace > 0) {
            return lastSpace;
        }
        return TextFragment.isMarker(coded.charAt(limit - 1)) ? limit + 1 : limit;
    }

    /**
     * Every break rule of the SRX file and of ICU needs a sentence terminator, a colon, an ellipsis or a line
     * break. Headings, list items and table cells mostly have none: they are one segment without running the
     * few hundred rules, which is most of the cost of segmenting.
     */
    static boolean mayEndSentence(String coded) {
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c)) {
                i++;
                continue;
            }
            if (c == ':' || c == '\u2026') {
                return true;
            }
            int sentenceBreak = UCharacter.getIntPropertyValue(c, UProperty.SENTENCE_BREAK);
            if (sentenceBreak == UCharacter.SentenceBreak.STERM || sentenceBreak == UCharacter.SentenceBreak.ATERM
                    || sentenceBreak == UCharacter.SentenceBreak.SEP || sentenceBreak == UCharacter.SentenceBreak.LF
                    || sentenceBreak == UCharacter.SentenceBreak.CR) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence spans, widened so that nothing but whitespace lies outside them: Okapi only trims whitespace,
     * but a stray code between two sentences must stay inside a segment or it would be lost.
     */
    private static List<int[]> spans(String coded, List<Range> ranges) {
        List<int[]> spans = new ArrayList<>();
        int covered = 0;
        for (Range range : ranges == null ? List.<Range>of() : ranges) {
            int start = range.start;
            int end = range.end;
            while (start < end && isSpace(coded, start, start + 1)) {
                start++;
            }
            while (end > start && isSpace(coded, end - 1, end)) {
                end--;
            }
            if (end <= start) {
                continue;  // a lone no-break space between sentences is spacing, not a sentence
            }
            if (!isSpace(coded, covered, start) && !spans.isEmpty()) {
                spans.getLast()[1] = start;  // a code between sentences stays with the sentence before it
            }
            spans.add(new int[] {spans.isEmpty() && !isSpace(coded, 0, start) ? 0 : start, end});
            covered = end;
        }
        if (spans.isEmpty()) {
            return List.of(new int[] {leadingSpace(coded), coded.length() - trailingSpace(coded)});
        }
        if (!isSpace(coded, covered, coded.length())) {
            spans.getLast()[1] = coded.length();
        }
        return spans;
    }

    /** Whitespace in the wide sense: also no-break and other Unicode spaces, which Okapi does not trim. */
    private static boolean isSpace(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static int leadingSpace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trailingSpace(String text) {
        int i = 0;
        while (i < text.length() && isSpace(text, text.length() - 1 - i, text.length() - i)) {
            i++;
        }
        return i;
    }
}
