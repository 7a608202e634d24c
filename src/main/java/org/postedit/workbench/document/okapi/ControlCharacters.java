package org.postedit.workbench.document.okapi;

import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportRejectedException.Reason;

/**
 * NUL and the other C0 control characters (all but tab, line feed and carriage return) never reach the database:
 * in text they mean a binary file or a wrong encoding, and XML 1.0 forbids them. Files holding one are refused,
 * naming where, rather than silently cleaned.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    static void refuseIn(CharSequence text, String fileName) {
        int position = firstIn(text);
        if (position >= 0) {
            throw new ImportRejectedException(Reason.INVALID, fileName + " contains the control character "
                    + String.format("U+%04X", (int) text.charAt(position)) + " at line " + lineOf(text, position)
                    + ". Control characters are not text; is it a binary file or in another encoding?");
        }
    }

    static int firstIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static int lineOf(CharSequence text, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
