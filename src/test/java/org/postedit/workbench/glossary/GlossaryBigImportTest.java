package org.postedit.workbench.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** A 100,000-term TBX and CSV: streamed, batch-inserted, with progress; the times are printed, not asserted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "terry", roles = "TERMINOLOGIST")
class GlossaryBigImportTest {

    private static final int CONCEPTS = 50_000; // two terms each

    @Autowired
    GlossaryService glossary;
    @TempDir
    Path temp;

    @Test
    void importsAHundredThousandTermTbx() throws Exception {
        Path file = temp.resolve("big.tbx");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX-Basic\" xml:lang=\"en\">"
                    + "<martifHeader><fileDesc><sourceDesc><p>big</p></sourceDesc></fileDesc></martifHeader>"
                    + "<text><body>\n");
            for (int i = 0; i < CONCEPTS; i++) {
                out.write("<termEntry id=\"b" + i + "\"><descrip type=\"subjectField\">domain " + (i % 50)
                        + "</descrip><langSet xml:lang=\"en\"><tig><term>term number " + i + "</term>"
                        + "<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></tig></langSet>"
                        + "<langSet xml:lang=\"de\"><tig><term>Begriff " + i + "</term></tig></langSet>"
                        + "</termEntry>\n");
            }
            out.write("</body></text></martif>\n");
        }
        long g = glossary.createGlossary("big " + UUID.randomUUID(), null, "terry").id();
        List<Double> progress = new ArrayList<>();
        long start = System.nanoTime();
        ImportSummary summary = glossary.importFile(g, file, "big.tbx", ImportMode.MERGE, false, "terry",
                progress::add);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Imported %d terms (%d concepts, %.1f MB TBX) in %d ms%n", summary.termsInFile(),
                summary.conceptsAdded(), Files.size(file) / 1e6, ms);
        assertThat(summary.termsAdded()).isEqualTo(2 * CONCEPTS);
        assertThat(glossary.countTerms(GlossaryQuery.all().withGlossary(g))).isEqualTo(2 * CONCEPTS);
        assertThat(progress).hasSizeGreaterThan(5).isSorted().last().isEqualTo(1.0);

        // the same again as CSV into another glossary
        Path csv = temp.resolve("big.csv");
        try (var out = Files.newOutputStream(csv)) {
            glossary.exportCsv(g, out, ',');
        }
        long g2 = glossary.createGlossary("big csv " + UUID.randomUUID(), null, "terry").id();
        start = System.nanoTime();
        ImportSummary fromCsv = glossary.importFile(g2, csv, "big.csv", ImportMode.MERGE, false, "terry", p -> { });
        System.out.printf("Imported %d terms from CSV (%.1f MB) in %d ms%n", fromCsv.termsInFile(),
                Files.size(csv) / 1e6, (System.nanoTime() - start) / 1_000_000);
        assertThat(fromCsv.termsAdded()).isEqualTo(2 * CONCEPTS);
    }
}
