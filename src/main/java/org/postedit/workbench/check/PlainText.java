package org.postedit.workbench.check;

import org.postedit.workbench.document.TaggedText;

/** The plain text of a stored coded text, without reading its codes (each code is two characters, marker first). */
final class PlainText {

    private PlainText() {
    }

    static String of(String coded) {
        if (coded == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TaggedText.isMarker(c)) {
                if (out == null) {
                    out = new StringBuilder(coded.length()).append(coded, 0, i);
                }
                i++;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? coded : out.toString();
    }
}
