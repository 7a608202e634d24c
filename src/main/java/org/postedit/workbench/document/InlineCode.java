package org.postedit.workbench.document;

import java.util.Objects;

/**
 * An inline code (a tag of the original file: HTML/DOCX formatting, an XLIFF {@code <ph>}/{@code <g>}, a PO
 * {@code %s}) inside segment text. Codes are never edited as text: they travel as atomic placeholders, so an
 * edit cannot break the markup that an exporter has to write back.
 *
 * @param id       the code's id within its segment; an opening and its closing code share it
 * @param kind     opening, closing or standalone
 * @param type     the filter's type name ("bold", "link", "x-ph"...), kept for writers
 * @param data     the original markup, written back verbatim on export
 * @param label    short text shown on the placeholder chip
 */
public record InlineCode(int id, Kind kind, String type, String data, String label) {

    public enum Kind { OPENING, CLOSING, STANDALONE }

    public InlineCode {
        Objects.requireNonNull(kind, "kind");
        type = type == null ? "" : type;
        data = data == null ? "" : data;
        label = label == null || label.isBlank() ? defaultLabel(id, kind) : label;
    }

    private static String defaultLabel(int id, Kind kind) {
        return switch (kind) {
            case OPENING -> "<" + id + ">";
            case CLOSING -> "</" + id + ">";
            case STANDALONE -> "<" + id + "/>";
        };
    }
}
