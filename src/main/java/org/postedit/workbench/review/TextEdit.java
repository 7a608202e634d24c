package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.List;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;

/**
 * Replaces a range of a segment's plain text (codes excluded, as issue offsets count) with a suggestion, the way the
 * editor does in the browser: the codes inside the range are kept, right after the replacement, so applying a
 * suggestion can never lose a tag.
 */
final class TextEdit {

    private TextEdit() {
    }

    /**
     * @param offset start in {@code text.plainText()}
     * @param length characters of plain text to replace
     * @return the new text, or null when the range does not lie in the text
     */
    static TaggedText replace(TaggedText text, int offset, int length, String replacement) {
        int end = offset + length;
        if (offset < 0 || length < 0 || end > text.plainText().length()) {
            return null;
        }
        String clean = replacement == null ? "" : replacement.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder insert = new StringBuilder(clean.length());
        clean.chars().filter(c -> !TaggedText.isMarker((char) c)).forEach(c -> insert.append((char) c));
        Builder out = new Builder();
        List<InlineCode> inside = new ArrayList<>();
        boolean placed = false;
        int plain = 0;
        for (TaggedText.Run run : text.runs()) {
            if (run.code() != null) {
                if (plain > offset && plain < end) {
                    inside.add(run.code());
                } else {
                    if (!placed && plain > offset) {
                        placed = out.place(insert, inside);
                    }
                    out.code(run.code());
                }
                continue;
            }
            String t = run.text();
            for (int i = 0; i < t.length(); i++, plain++) {
                if (plain < offset) {
                    out.text(t.charAt(i));
                } else if (plain >= end) {
                    if (!placed) {
                        placed = out.place(insert, inside);
                    }
                    out.text(t.charAt(i));
                }
            }
        }
        if (!placed) {
            out.place(insert, inside);
        }
        return out.build();
    }

    /** Collects runs, neighbouring text as one run. */
    private static final class Builder {
        private final List<TaggedText.Run> runs = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        void text(char c) {
            text.append(c);
        }

        void code(InlineCode code) {
            flush();
            runs.add(TaggedText.Run.code(code));
        }

        boolean place(CharSequence replacement, List<InlineCode> codes) {
            text.append(replacement);
            codes.forEach(this::code);
            return true;
        }

        TaggedText build() {
            flush();
            return TaggedText.fromRuns(runs);
        }

        private void flush() {
            if (!text.isEmpty()) {
                runs.add(TaggedText.Run.text(text.toString()));
                text.setLength(0);
            }
        }
    }
}
