package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * A word-level diff between two versions of a segment, as a reviewer reads it: words and the spaces and
 * punctuation between them are the units (java-diff-utils' Myers diff over those tokens).
 */
public final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N}'’-]*|\\p{N}+(?:[.,]\\p{N}+)*|\\s+|.",
            Pattern.DOTALL);

    /** A run of the diff: unchanged, inserted or deleted text. */
    public record Part(Kind kind, String text) {
        public enum Kind { SAME, INSERTED, DELETED }
    }

    private WordDiff() {
    }

    public static List<Part> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Part> parts = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int at = delta.getSource().getPosition();
            add(parts, Part.Kind.SAME, a.subList(position, at));
            add(parts, Part.Kind.DELETED, delta.getSource().getLines());
            add(parts, Part.Kind.INSERTED, delta.getTarget().getLines());
            position = at + delta.getSource().size();
        }
        add(parts, Part.Kind.SAME, a.subList(position, a.size()));
        return joinChanges(parts);
    }

    /**
     * "my country" -> "China" reads as one change, not "my" -> "China" plus a lone deleted "country": spaces
     * that merely separate changed words go into both the deleted and the inserted text.
     */
    private static List<Part> joinChanges(List<Part> parts) {
        List<Part> joined = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            boolean separator = part.kind() == Part.Kind.SAME && part.text().isBlank() && i > 0
                    && i + 1 < parts.size() && parts.get(i - 1).kind() != Part.Kind.SAME
                    && parts.get(i + 1).kind() != Part.Kind.SAME;
            if (part.kind() == Part.Kind.DELETED || separator) {
                deleted.append(part.text());
            }
            if (part.kind() == Part.Kind.INSERTED || separator) {
                inserted.append(part.text());
            }
            if (part.kind() == Part.Kind.SAME && !separator) {
                flush(joined, deleted, inserted);
                if (!joined.isEmpty() && joined.getLast().kind() == Part.Kind.SAME) {
                    joined.add(new Part(Part.Kind.SAME, joined.removeLast().text() + part.text()));
                } else {
                    joined.add(part);
                }
            }
        }
        flush(joined, deleted, inserted);
        return joined;
    }

    private static void flush(List<Part> joined, StringBuilder deleted, StringBuilder inserted) {
        // a space both sides end with is not a change: give it back to the text that follows
        String shared = "";
        while (!deleted.isEmpty() && !inserted.isEmpty()
                && Character.isWhitespace(deleted.charAt(deleted.length() - 1))
                && deleted.charAt(deleted.length() - 1) == inserted.charAt(inserted.length() - 1)) {
            shared = deleted.charAt(deleted.length() - 1) + shared;
            deleted.setLength(deleted.length() - 1);
            inserted.setLength(inserted.length() - 1);
        }
        if (!deleted.isEmpty()) {
            joined.add(new Part(Part.Kind.DELETED, deleted.toString()));
        }
        if (!inserted.isEmpty()) {
            joined.add(new Part(Part.Kind.INSERTED, inserted.toString()));
        }
        deleted.setLength(0);
        inserted.setLength(0);
        if (!shared.isEmpty()) {
            joined.add(new Part(Part.Kind.SAME, shared));
        }
    }

    /** Words changed (inserted plus deleted word tokens): a quick measure for the history list. */
    public static int changedWords(List<Part> parts) {
        int words = 0;
        for (Part part : parts) {
            if (part.kind() != Part.Kind.SAME) {
                Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(part.text());
                while (m.find()) {
                    words++;
                }
            }
        }
        return words;
    }

    private static void add(List<Part> parts, Part.Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!parts.isEmpty() && parts.getLast().kind() == kind) {
            Part last = parts.removeLast();
            parts.add(new Part(kind, last.text() + text));
        } else {
            parts.add(new Part(kind, text));
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
