package org.postedit.workbench.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.review.FindQuery;
import org.postedit.workbench.review.FindReplace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: find and replace on a generated 50,000-segment document, beside a bare JDBC read of every target
 * matched with the same pattern in Java (the least any search must do). Run with
 * {@code ./mvnw -Pbench test -Dtest=FindReplaceBenchmark}; see docs/benchmarks.md.
 */
@Tag("bench")
@SpringBootTest(properties = "workbench.import.max-file-size=200MB")
@ActiveProfiles("test")
class FindReplaceBenchmark {

    private static final int SEGMENTS = 50_000;

    @Autowired
    DocumentService documents;
    @Autowired
    FindReplace findReplace;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void findAndReplaceIn50000Segments() throws Exception {
        Path file = dir.resolve("find-50k.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SEGMENTS; i++) {
            text.append(switch (i % 4) {
                case 0 -> String.format(Locale.ROOT, "The colour of release %d was chosen in Beijing.", i);
                case 1 -> String.format(Locale.ROOT, "Contributors in %d countries reviewed the code.", i % 90 + 10);
                case 2 -> String.format(Locale.ROOT, "Ticket WB-%d asks for a faster grid.", i);
                default -> String.format(Locale.ROOT, "The community grew by %d percent this year.", i % 60 + 1);
            }).append('\n');
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        long started = System.nanoTime();
        long id = documents.importFile(file, "find-50k.txt", new ImportOptions(null, "en-US"), "bench").document().id();
        System.out.printf(Locale.ROOT, "import: %d segments in %.1f s%n", documents.count(id,
                org.postedit.workbench.document.SegmentFilter.ALL), seconds(started));

        measure(id, "plain, 1 segment (\"WB-49998 \")", FindQuery.plain("WB-49998 "));
        measure(id, "plain, 12,500 segments (\"colour\")", FindQuery.plain("colour"));
        measure(id, "whole word, 12,500 (\"grid\")", new FindQuery("grid", FindQuery.Mode.WHOLE_WORD, false, null));
        measure(id, "regex, 12,500 (\"by (\\d+) percent\")",
                new FindQuery("by (\\d+) percent", FindQuery.Mode.REGEX, false, null));

        FindQuery colour = FindQuery.plain("colour");
        started = System.nanoTime();
        FindReplace.Preview preview = findReplace.preview(id, colour, "color", false);
        System.out.printf(Locale.ROOT, "preview replace all: %d changes in %.2f s%n", preview.replacements().size(),
                seconds(started));
        List<FindReplace.Replacement> thousand = preview.replacements().subList(0, 1000);
        started = System.nanoTime();
        FindReplace.Outcome outcome = TestSecurity.runAs(context, "bench", () -> findReplace.replace(thousand, "bench"),
                "REVIEWER");
        System.out.printf(Locale.ROOT, "replace: %d segments saved as versions in %.2f s (%.1f ms each)%n",
                outcome.replaced(), seconds(started), seconds(started) * 1000 / outcome.replaced());
    }

    private void measure(long id, String label, FindQuery query) {
        Pattern pattern = Pattern.compile(query.mode() == FindQuery.Mode.REGEX ? query.text()
                : Pattern.quote(query.text()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        // warm both paths, then take the best of three
        time(() -> findReplace.find(id, query).hitCount());
        time(() -> bare(id, pattern));
        double workbench = Double.MAX_VALUE;
        double baseline = Double.MAX_VALUE;
        int hits = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            hits = findReplace.find(id, query).hitCount();
            workbench = Math.min(workbench, seconds(start));
            start = System.nanoTime();
            bare(id, pattern);
            baseline = Math.min(baseline, seconds(start));
        }
        System.out.printf(Locale.ROOT, "find %-40s %6d hits  workbench %.3f s  bare JDBC+regex %.3f s  ratio %.2f%n",
                label, hits, workbench, baseline, workbench / baseline);
    }

    /** Every target and MT read in one query and matched in Java: what any search of the texts must at least do. */
    private int bare(long id, Pattern pattern) {
        int[] hits = new int[1];
        jdbc.sql("select target_text, mt_text from segment where document_id = ?").param(id).query(rs -> {
            for (int column = 1; column <= 2; column++) {
                var m = pattern.matcher(rs.getString(column));
                while (m.find()) {
                    hits[0]++;
                }
            }
        });
        return hits[0];
    }

    private static void time(Supplier<Integer> work) {
        work.get();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
