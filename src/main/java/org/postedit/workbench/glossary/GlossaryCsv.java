package org.postedit.workbench.glossary;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CSV/TSV with a header row, one term per row (see docs/glossary.md), and the seed layout
 * {@code zh,en_preferred,en_deprecated,deprecated_status,case_sensitive,note} (one concept per row). Rows of one
 * concept share a concept_id; a row without one is a concept of its own. Every bad row is reported with its number
 * (the header is row 1) and nothing is imported when any row is bad.
 */
final class GlossaryCsv {

    static final List<String> COLUMNS = List.of("concept_id", "language", "term", "status", "part_of_speech",
            "case_sensitive", "note", "example", "domain", "definition", "concept_note");
    static final List<String> SEED_COLUMNS = List.of("zh", "en_preferred", "en_deprecated", "deprecated_status",
            "case_sensitive", "note");
    private static final Map<String, String> ALIASES = Map.of("id", "concept_id", "concept", "concept_id",
            "lang", "language", "pos", "part_of_speech", "subject_field", "domain", "case", "case_sensitive",
            "usage_example", "example", "context", "example");

    private final List<ImportProblem> problems = new ArrayList<>();

    private GlossaryCsv() {
    }

    /** Reads all concepts; throws GlossaryImportException listing every bad row. */
    static List<ParsedConcept> read(Reader reader, char delimiter, Consumer<Integer> rowsRead) {
        GlossaryCsv csv = new GlossaryCsv();
        try {
            return csv.readAll(new CsvRecords(reader, delimiter), rowsRead);
        } catch (CharacterCodingException e) {
            throw new GlossaryImportException("The file is not valid UTF-8 text (after row " + csv.lastRow
                    + "). Save it as UTF-8 (with or without BOM) and import it again.",
                    List.of(new ImportProblem(csv.lastRow + 1, "invalid UTF-8 byte sequence")));
        } catch (IOException e) {
            throw new GlossaryImportException(-1, "the file cannot be read: " + e.getMessage());
        }
    }

    private int lastRow;

    private List<ParsedConcept> readAll(CsvRecords records, Consumer<Integer> rowsRead) throws IOException {
        List<String> header = records.next();
        if (header == null || header.stream().allMatch(String::isBlank)) {
            throw new GlossaryImportException(1, "the file is empty; the first row must name the columns, e.g. "
                    + String.join(",", COLUMNS) + ".");
        }
        List<String> names = header.stream().map(GlossaryCsv::columnName).toList();
        lastRow = 1;
        List<ParsedConcept> concepts = names.equals(SEED_COLUMNS) ? readSeed(records, rowsRead)
                : readTerms(records, names, rowsRead);
        if (!problems.isEmpty()) {
            throw new GlossaryImportException("The file was not imported: %d row(s) have errors%s.".formatted(
                    problems.size(), problems.size() > GlossaryImportException.MAX_PROBLEMS ? " (first "
                            + GlossaryImportException.MAX_PROBLEMS + " listed)" : ""), problems);
        }
        return concepts;
    }

    private static String columnName(String header) {
        String name = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return ALIASES.getOrDefault(name, name);
    }

    private List<ParsedConcept> readTerms(CsvRecords records, List<String> names, Consumer<Integer> rowsRead)
            throws IOException {
        for (String name : names) {
            if (!COLUMNS.contains(name)) {
                throw new GlossaryImportException(1, "unknown column '" + name + "'. The columns are "
                        + String.join(", ", COLUMNS) + " (language and term are required), or the seed layout "
                        + String.join(",", SEED_COLUMNS) + ".");
            }
        }
        if (!names.contains("language") || !names.contains("term")) {
            throw new GlossaryImportException(1, "the header needs the columns language and term; it has "
                    + String.join(", ", names) + ".");
        }
        Map<String, ConceptRows> byKey = new LinkedHashMap<>();
        List<ConceptRows> all = new ArrayList<>();
        for (List<String> cells; (cells = nextRow(records, names.size(), rowsRead)) != null; ) {
            int row = records.line();
            Map<String, String> r = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                r.put(names.get(i), cells.get(i));
            }
            Term term = term(row, r);
            if (term == null) {
                continue;
            }
            String key = Texts.clean(r.get("concept_id"));
            ConceptRows concept = key == null ? null : byKey.get(key);
            if (concept == null) {
                concept = new ConceptRows(row, key);
                all.add(concept);
                if (key != null) {
                    byKey.put(key, concept);
                }
            }
            concept.add(term, Texts.clean(r.get("domain")), Texts.clean(r.get("definition")),
                    Texts.cleanNote(r.get("concept_note")));
        }
        return all.stream().map(ConceptRows::build).toList();
    }

    private Term term(int row, Map<String, String> r) {
        String text = Texts.clean(r.get("term"));
        String language = Texts.language(r.get("language"));
        boolean ok = true;
        if (text == null) {
            problem(row, "the term is empty.");
            ok = false;
        }
        if (language == null) {
            problem(row, "'" + r.get("language") + "' is not a language tag (e.g. en, en-US, zh-CN).");
            ok = false;
        }
        String statusText = Texts.clean(r.get("status"));
        TermStatus status = statusText == null ? TermStatus.ADMITTED : TermStatus.parse(statusText);
        if (status == null) {
            problem(row, "unknown status '" + statusText + "' (preferred, admitted, deprecated or forbidden).");
            ok = false;
        }
        Boolean caseSensitive = yesNo(r.get("case_sensitive"));
        if (caseSensitive == null) {
            problem(row, "case_sensitive is '" + r.get("case_sensitive") + "'; write yes or no.");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new Term(0, language, text, status, Texts.clean(r.get("part_of_speech")), caseSensitive,
                Texts.cleanNote(r.get("note")), Texts.clean(r.get("example")));
    }

    private List<ParsedConcept> readSeed(CsvRecords records, Consumer<Integer> rowsRead) throws IOException {
        List<ParsedConcept> concepts = new ArrayList<>();
        for (List<String> cells; (cells = nextRow(records, SEED_COLUMNS.size(), rowsRead)) != null; ) {
            int row = records.line();
            String zh = Texts.clean(cells.get(0));
            String preferred = Texts.clean(cells.get(1));
            String statusText = Texts.clean(cells.get(3));
            TermStatus avoid = statusText == null ? TermStatus.DEPRECATED : TermStatus.parse(statusText);
            Boolean caseSensitive = yesNo(cells.get(4));
            boolean ok = true;
            if (zh == null || preferred == null) {
                problem(row, "the zh term and the preferred English term (en_preferred) must not be empty.");
                ok = false;
            }
            if (avoid != TermStatus.DEPRECATED && avoid != TermStatus.FORBIDDEN) {
                problem(row, "deprecated_status is '" + statusText + "'; write deprecated or forbidden.");
                ok = false;
            }
            if (caseSensitive == null) {
                problem(row, "case_sensitive is '" + cells.get(4) + "'; write yes or no.");
                ok = false;
            }
            if (!ok) {
                continue;
            }
            List<Term> terms = new ArrayList<>();
            terms.add(new Term(0, "zh", zh, TermStatus.PREFERRED, null, false, null, null));
            terms.add(new Term(0, "en", preferred, TermStatus.PREFERRED, null, caseSensitive, null, null));
            for (String rendering : cells.get(2).split("\\|")) {
                String text = Texts.clean(rendering);
                if (text != null) {
                    terms.add(new Term(0, "en", text, avoid, null, caseSensitive, null, null));
                }
            }
            concepts.add(new ParsedConcept(row, Concept.draft(null, null, null, Texts.cleanNote(cells.get(5)),
                    terms)));
        }
        return concepts;
    }

    private static Boolean yesNo(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "", "no", "false", "0", "n" -> false;
            case "yes", "true", "1", "y" -> true;
            default -> null;
        };
    }

    /**
     * The next row with the header's number of cells, or null at the end; blank rows are skipped and rows of the
     * wrong width recorded as problems.
     */
    private List<String> nextRow(CsvRecords records, int columns, Consumer<Integer> rowsRead) throws IOException {
        for (List<String> cells; (cells = records.next()) != null; ) {
            int row = records.line();
            lastRow = row;
            rowsRead.accept(row);
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                continue;
            }
            if (cells.size() != columns) {
                problem(row, "%d cells, the header has %d.".formatted(cells.size(), columns));
                continue;
            }
            return cells;
        }
        return null;
    }

    private void problem(int row, String message) {
        problems.add(new ImportProblem(row, "row " + row + ": " + message));
    }

    /** Writes the header and one row per term. */
    static void writeHeader(Writer out, char delimiter) throws IOException {
        writeRow(out, delimiter, COLUMNS);
    }

    static void write(Writer out, char delimiter, Concept concept) throws IOException {
        for (Term t : concept.terms()) {
            writeRow(out, delimiter, List.of(concept.key(), t.language(), t.text(), t.status().name()
                            .toLowerCase(Locale.ROOT), nz(t.partOfSpeech()), t.caseSensitive() ? "yes" : "no",
                    nz(t.note()), nz(t.example()), nz(concept.domain()), nz(concept.definition()), nz(concept.note())));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void writeRow(Writer out, char delimiter, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            String cell = cells.get(i);
            if (cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                out.write('"');
                out.write(cell.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(cell);
            }
        }
        out.write("\r\n");
    }

    /** The terms of one concept as its rows come. */
    private static final class ConceptRows {
        final int row;
        final String key;
        final List<Term> terms = new ArrayList<>();
        String domain;
        String definition;
        String note;

        ConceptRows(int row, String key) {
            this.row = row;
            this.key = key;
        }

        void add(Term term, String domain, String definition, String note) {
            terms.add(term);
            this.domain = this.domain == null ? domain : this.domain;
            this.definition = this.definition == null ? definition : this.definition;
            this.note = this.note == null ? note : this.note;
        }

        ParsedConcept build() {
            return new ParsedConcept(row, Concept.draft(key, domain, definition, note, terms));
        }
    }
}
