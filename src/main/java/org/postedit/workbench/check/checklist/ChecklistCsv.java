package org.postedit.workbench.check.checklist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 4180 CSV for the checklist: comma-separated, fields with commas, quotes or line breaks in double quotes, quotes
 * doubled. Small on purpose (the glossary's reader belongs to the glossary and reports glossary errors); patterns
 * are full of backslashes, brackets and quotes, so quoting must be exact both ways.
 */
final class ChecklistCsv {

    /** A file that is not CSV as described, with the line where it went wrong. */
    static final class MalformedCsvException extends RuntimeException {
        MalformedCsvException(String message) {
            super(message);
        }
    }

    private ChecklistCsv() {
    }

    /** UTF-8 (a byte-order mark is skipped), refusing bytes that are not UTF-8 instead of guessing. */
    static Reader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    static List<List<String>> read(Reader in, int maxRecords) throws IOException {
        try {
            return records(in, maxRecords);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedCsvException("The file is not UTF-8 text.");
        }
    }

    private static List<List<String>> records(Reader in, int maxRecords) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int line = 1;
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read();
        }
        if (c == -1) {
            return records;
        }
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsvException("Line " + line + ": a quoted field is not closed.");
                }
                if (c == '"') {
                    c = in.read();
                    if (c != '"') {
                        quoted = false;
                        afterQuote = true;
                        continue;
                    }
                    cell.append('"');
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
            } else if (c == -1 || c == '\n' || c == '\r') {
                record.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                records.add(record);
                record = new ArrayList<>();
                if (records.size() > maxRecords) {
                    throw new MalformedCsvException("The file has more than " + maxRecords + " rows.");
                }
                if (c == -1) {
                    return records;
                }
                int next = in.read();
                if (c == '\r' && next == '\n') {
                    next = in.read();
                }
                line++;
                if (next == -1) {
                    return records;
                }
                c = next;
                continue;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '"' && cell.isEmpty() && !afterQuote) {
                quoted = true;
            } else if (afterQuote) {
                throw new MalformedCsvException("Line " + line + ": text after a closing quote; write a quote "
                        + "inside a quoted field as two quotes (\"\").");
            } else {
                cell.append((char) c);
            }
            c = in.read();
        }
    }

    /** Column name (lower case, trimmed) to index. */
    static Map<String, Integer> header(List<String> record) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            header.putIfAbsent(record.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return header;
    }

    static void writeRecord(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            boolean quote = cell.isEmpty() ? false : cell.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n'
                    || ch == '\r') || Character.isWhitespace(cell.charAt(0))
                    || Character.isWhitespace(cell.charAt(cell.length() - 1));
            if (quote) {
                out.write('"');
                out.write(cell.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(cell);
            }
        }
        out.write("\r\n");
    }
}
