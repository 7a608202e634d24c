package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.List;

import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentRepository.Parts;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;

/**
 * What a merge of a segment with the next one of its unit holds: source, MT and target each joined with the
 * whitespace the file had between the two ({@code spaceAfter}); sources in scripts without spaces (CJK) join
 * without one. Both segments come from one unit, whose inline codes have distinct ids, so the codes of both parts
 * stay distinct. Across paragraphs (monolingual files) the next segment has no codes (the service refuses it
 * otherwise) and the texts join with one space. See docs/split-merge.md.
 */
final class SegmentMerge {

    private SegmentMerge() {
    }

    static Parts of(Segment first, Segment second) {
        String space = first.spaceAfter();
        TaggedText source = first.source() == null && second.source() == null ? null
                : join(orEmpty(first.source()), sourceSpace(first.source(), space), orEmpty(second.source()));
        return new Parts(source, join(first.mt(), space, second.mt()), join(first.target(), space, second.target()));
    }

    /**
     * A merge of a paragraph's last segment with the next paragraph's first one (monolingual files): the space
     * between them was the paragraph break, which does not belong inside a sentence, so the texts join with one
     * space, or none after CJK or after whitespace already there.
     */
    static Parts acrossParagraphs(Segment first, Segment second) {
        TaggedText source = first.source() == null && second.source() == null ? null
                : join(orEmpty(first.source()), gap(orEmpty(first.source())), orEmpty(second.source()));
        return new Parts(source, join(first.mt(), gap(first.mt()), second.mt()),
                join(first.target(), gap(first.target()), second.target()));
    }

    private static String gap(TaggedText text) {
        String plain = text.plainText();
        if (plain.isEmpty()) {
            return "";
        }
        int last = plain.codePointBefore(plain.length());
        return Character.isWhitespace(last) || isCjk(last) ? "" : " ";
    }

    /**
     * The status of the joined text: the common one, else rejected when either part was (its reason still
     * applies), else edited: nobody has confirmed the joined text as a whole.
     */
    static SegmentStatus status(Segment first, Segment second) {
        if (first.status() == second.status()) {
            return first.status();
        }
        if (first.status() == SegmentStatus.REJECTED || second.status() == SegmentStatus.REJECTED) {
            return SegmentStatus.REJECTED;
        }
        return SegmentStatus.EDITED;
    }

    static TaggedText join(TaggedText a, String space, TaggedText b) {
        if (a.isBlank() && !a.hasCodes()) {
            return b;
        }
        if (b.isBlank() && !b.hasCodes()) {
            return a;
        }
        List<TaggedText.Run> runs = new ArrayList<>(a.runs());
        if (!space.isEmpty()) {
            runs.add(TaggedText.Run.text(space));
        }
        runs.addAll(b.runs());
        return TaggedText.fromRuns(merged(runs));
    }

    /** Adjacent text runs as one, as the rest of the code base keeps them. */
    private static List<TaggedText.Run> merged(List<TaggedText.Run> runs) {
        List<TaggedText.Run> out = new ArrayList<>();
        for (TaggedText.Run run : runs) {
            if (run.code() == null && !out.isEmpty() && out.getLast().code() == null) {
                out.set(out.size() - 1, TaggedText.Run.text(out.getLast().text() + run.text()));
            } else {
                out.add(run);
            }
        }
        return out;
    }

    private static String sourceSpace(TaggedText source, String space) {
        String text = source == null ? "" : source.plainText().strip();
        if (!text.isEmpty() && isCjk(text.codePointBefore(text.length()))) {
            return "";
        }
        return space.isEmpty() ? " " : space;
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || c >= 0x3000 && c <= 0x303F
                || c >= 0xFF00 && c <= 0xFFEF;
    }

    private static TaggedText orEmpty(TaggedText text) {
        return text == null ? TaggedText.EMPTY : text;
    }
}
