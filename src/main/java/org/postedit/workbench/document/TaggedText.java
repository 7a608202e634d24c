package org.postedit.workbench.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Segment text with its inline codes: the project's own text model. The {@code coded} string holds the text
 * with each code as two private-use characters (a marker for its kind, then {@code INDEX_BASE + index} into
 * {@link #codes()}), the same layout Okapi's {@code TextFragment} uses, so adapters convert without parsing.
 * Everything outside the adapters works with this type and never with HTML from the browser.
 */
public record TaggedText(String coded, List<InlineCode> codes) {

    public static final char OPENING_MARKER = '\uE101';
    public static final char CLOSING_MARKER = '\uE102';
    public static final char STANDALONE_MARKER = '\uE103';
    public static final int INDEX_BASE = 0xE110;

    public static final TaggedText EMPTY = new TaggedText("", List.of());

    public TaggedText {
        Objects.requireNonNull(coded, "coded");
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public static TaggedText plain(String text) {
        return new TaggedText(text == null ? "" : text, List.of());
    }

    public boolean hasCodes() {
        return !codes.isEmpty();
    }

    public boolean isBlank() {
        return plainText().isBlank();
    }

    /** The text without its codes: what spell checkers, search and word counts see. */
    public String plainText() {
        if (codes.isEmpty()) {
            return coded;
        }
        StringBuilder out = new StringBuilder(coded.length());
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (isMarker(c)) {
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The text with each code shown by its label, for read-only display (the grid, logs of tests). */
    public String displayText() {
        if (codes.isEmpty()) {
            return coded;
        }
        StringBuilder out = new StringBuilder(coded.length() + 8 * codes.size());
        for (Run run : runs()) {
            out.append(run.code() == null ? run.text() : run.code().label());
        }
        return out.toString();
    }

    /** The text as alternating runs of plain text and codes, in order. */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (isMarker(c) && i + 1 < coded.length()) {
                if (!text.isEmpty()) {
                    runs.add(Run.text(text.toString()));
                    text.setLength(0);
                }
                int index = coded.charAt(++i) - INDEX_BASE;
                if (index < 0 || index >= codes.size()) {
                    throw new IllegalStateException("Coded text refers to code " + index + " of " + codes.size());
                }
                runs.add(Run.code(codes.get(index)));
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            runs.add(Run.text(text.toString()));
        }
        return runs;
    }

    /** Builds tagged text from runs, numbering the codes in order of appearance. */
    public static TaggedText fromRuns(List<Run> runs) {
        StringBuilder coded = new StringBuilder();
        List<InlineCode> codes = new ArrayList<>();
        for (Run run : runs) {
            if (run.code() == null) {
                coded.append(run.text());
            } else {
                coded.append(markerFor(run.code().kind())).append((char) (INDEX_BASE + codes.size()));
                codes.add(run.code());
            }
        }
        return new TaggedText(coded.toString(), codes);
    }

    public static char markerFor(InlineCode.Kind kind) {
        return switch (kind) {
            case OPENING -> OPENING_MARKER;
            case CLOSING -> CLOSING_MARKER;
            case STANDALONE -> STANDALONE_MARKER;
        };
    }

    public static boolean isMarker(char c) {
        return c == OPENING_MARKER || c == CLOSING_MARKER || c == STANDALONE_MARKER;
    }

    /** A piece of tagged text: either plain text or one code. */
    public record Run(String text, InlineCode code) {
        public static Run text(String text) {
            return new Run(text, null);
        }

        public static Run code(InlineCode code) {
            return new Run(null, code);
        }
    }
}
