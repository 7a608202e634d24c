package org.postedit.workbench.document.okapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared real-file corpus ({@code ../shared/corpus} next to the project, or {@code -Dworkbench.corpus=...}).
 * Tests that need it abort with a visible message when it is missing, rather than passing silently.
 */
final class Corpus {

    /** One row of docs/MANIFEST.tsv. */
    record Row(String file, String format, String origin, String expected, String note, String validate,
               String okapiFilter) {
        boolean accepted() {
            return expected.equals("accept");
        }

        boolean rejected() {
            return expected.equals("reject");
        }
    }

    private Corpus() {
    }

    static Path root() {
        String configured = System.getProperty("workbench.corpus");
        Path root = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.dir")).resolve("../shared/corpus").normalize();
        if (!Files.isDirectory(root.resolve("docs"))) {
            Assumptions.abort("corpus not found at " + root.toAbsolutePath()
                    + " (set -Dworkbench.corpus=/path/to/corpus)");
        }
        return root;
    }

    static Path doc(String name) {
        return root().resolve("docs").resolve(name);
    }

    static List<Row> manifest() {
        List<Row> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(root().resolve("docs/MANIFEST.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                rows.add(new Row(cells[0], cells[1], cells[2], cells[3], unquote(cells[4]), cells[5], cells[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Path validatorSamples() {
        Path samples = root().resolve("../validators/samples").normalize();
        if (!Files.isDirectory(samples)) {
            Assumptions.abort("validator samples not found at " + samples.toAbsolutePath());
        }
        return samples;
    }

    private static String unquote(String cell) {
        return cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    }
}
