package org.postedit.workbench.glossary;

import java.util.Locale;

/** The normative status of a term. TBX has no "forbidden": see docs/glossary.md for the mapping. */
public enum TermStatus {
    PREFERRED, ADMITTED, DEPRECATED, FORBIDDEN;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Parses "preferred", "Admitted", "FORBIDDEN"...; null when the text names no status. */
    public static TermStatus parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        for (TermStatus status : values()) {
            if (status.name().equals(s)) {
                return status;
            }
        }
        return null;
    }
}
