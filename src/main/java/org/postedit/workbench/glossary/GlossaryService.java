package org.postedit.workbench.glossary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The terminology base: loading and listing terms. */
@Service
public class GlossaryService {

    private static final List<String> CSV_HEADER = List.of("zh", "en_preferred", "en_deprecated",
            "deprecated_status", "case_sensitive", "note");

    private final GlossaryRepository terms;

    public GlossaryService(GlossaryRepository terms) {
        this.terms = terms;
    }

    public List<GlossaryTerm> page(String search, int offset, int limit) {
        return terms.page(search, offset, limit);
    }

    public int count(String search) {
        return terms.count(search);
    }

    /**
     * Loads the seed CSV: one concept per row, the Chinese term and the preferred English term, plus the English
     * renderings to avoid (separated by "|") with their status.
     *
     * @return the number of concepts loaded
     */
    @Transactional
    public int importSeedCsv(Reader csv) throws IOException {
        BufferedReader in = new BufferedReader(csv);
        String headerLine = in.readLine();
        if (headerLine == null) {
            throw new IllegalArgumentException("The glossary file is empty.");
        }
        List<String> header = SimpleCsv.parse(headerLine.replace("\uFEFF", ""));
        if (!header.equals(CSV_HEADER)) {
            throw new IllegalArgumentException("Unexpected glossary header " + header + "; expected " + CSV_HEADER);
        }
        int concepts = 0;
        int lineNumber = 1;
        List<GlossaryTerm> rows = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = SimpleCsv.parse(line);
            if (cells.size() != CSV_HEADER.size()) {
                throw new IllegalArgumentException("Line %d has %d columns, expected %d."
                        .formatted(lineNumber, cells.size(), CSV_HEADER.size()));
            }
            Map<String, String> row = new java.util.HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                row.put(CSV_HEADER.get(i), cells.get(i).strip());
            }
            String key = "c" + (++concepts);
            boolean caseSensitive = "yes".equalsIgnoreCase(row.get("case_sensitive"));
            String note = row.get("note").isEmpty() ? null : row.get("note");
            rows.add(new GlossaryTerm(0, key, "zh", row.get("zh"), GlossaryTerm.TermStatus.PREFERRED, false, note));
            rows.add(new GlossaryTerm(0, key, "en", row.get("en_preferred"), GlossaryTerm.TermStatus.PREFERRED,
                    caseSensitive, note));
            String avoidStatus = row.get("deprecated_status").isEmpty() ? "DEPRECATED"
                    : row.get("deprecated_status").toUpperCase();
            GlossaryTerm.TermStatus avoid;
            try {
                avoid = GlossaryTerm.TermStatus.valueOf(avoidStatus);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line %d: unknown status '%s' (deprecated or forbidden)."
                        .formatted(lineNumber, row.get("deprecated_status")));
            }
            for (String deprecated : row.get("en_deprecated").split("\\|")) {
                if (!deprecated.isBlank()) {
                    rows.add(new GlossaryTerm(0, key, "en", deprecated.strip(), avoid, caseSensitive, note));
                }
            }
        }
        rows.forEach(terms::insert);
        return concepts;
    }
}
