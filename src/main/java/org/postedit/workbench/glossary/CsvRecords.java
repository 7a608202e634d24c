package org.postedit.workbench.glossary;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a reader, streaming: quoted fields may hold delimiters, doubled quotes and line breaks.
 * {@link #line()} is the line where the last record started (1-based), for messages.
 */
final class CsvRecords {

    private final Reader in;
    private final char delimiter;
    private int lineNumber = 1;
    private int recordLine;
    private int pushedBack = -2;

    CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    int line() {
        return recordLine;
    }

    /** The next record, or null at the end. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = lineNumber;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw new GlossaryImportException(recordLine, "a quoted field is not closed before the end of "
                            + "the file.");
                }
                cells.add(cell.toString());
                return cells;
            }
            if (quoted) {
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        lineNumber++;
                    }
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushedBack = d;
                    }
                }
                lineNumber++;
                cells.add(cell.toString());
                return cells;
            } else {
                cell.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
