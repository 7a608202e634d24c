package org.postedit.workbench.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The grid's page query, asked of H2 itself: however deep the page, the database reads one page of rows (not
 * the rows before it, and not the document).
 */
@SpringBootTest
@ActiveProfiles("test")
class SegmentPagingTest {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Autowired
    DocumentService documents;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aDeepPageOfALongDocumentReadsOnlyThatPage() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            text.append("Sentence ").append(i).append(" of the long document.\n\n");
        }
        Path file = dir.resolve("long.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        long id = documents.importFile(file, "long.txt", new ImportOptions(null, "en-US"), "test").document().id();

        List<Segment> page = documents.page(id, SegmentFilter.ALL, 4200, 50);
        assertThat(page).hasSize(50).extracting(Segment::ordinal).startsWith(4201).endsWith(4250);
        assertThat(page.getFirst().mt().plainText()).isEqualTo("Sentence 4201 of the long document.");
        assertThat(documents.count(id, SegmentFilter.ALL)).isEqualTo(5000);
        assertThat(documents.page(id, SegmentFilter.ALL, 4990, 50)).hasSize(10);

        assertThat(rowsScanned(SegmentRepository.pageQuery(id, SegmentFilter.ALL, 4200, 50))).isLessThanOrEqualTo(51);
    }

    @Test
    void filtersAreAppliedInSql() throws Exception {
        Path file = dir.resolve("filter.txt");
        Files.writeString(file, "Apples are red. Bananas are yellow. Cherries are red too.", StandardCharsets.UTF_8);
        long id = documents.importFile(file, "filter.txt", new ImportOptions(null, "en-US"), "test").document().id();
        SegmentFilter red = new SegmentFilter(java.util.Set.of(SegmentStatus.NEW), "RED", false);
        assertThat(documents.page(id, red, 0, 50)).extracting(s -> s.mt().plainText())
                .containsExactly("Apples are red.", "Cherries are red too.");
        assertThat(documents.count(id, red)).isEqualTo(2);
        SegmentFilter regex = new SegmentFilter(java.util.Set.of(), "^B\\w+s ", true);
        assertThat(documents.page(id, regex, 0, 50)).extracting(s -> s.mt().plainText())
                .containsExactly("Bananas are yellow.");
        // Java's word boundary on every database (PostgreSQL's regex engine spells it \y)
        SegmentFilter word = new SegmentFilter(java.util.Set.of(), "\\bred\\b", true);
        assertThat(documents.page(id, word, 0, 50)).extracting(s -> s.mt().plainText())
                .containsExactly("Apples are red.", "Cherries are red too.");
        assertThat(documents.count(id, word)).isEqualTo(2);
        assertThat(documents.indexOf(id, word, 3)).isEqualTo(1);
        assertThat(documents.count(id, new SegmentFilter(java.util.Set.of(), "\\bre\\b", true))).isZero();
        assertThat(documents.indexOf(id, red, 3)).isEqualTo(1);
        assertThat(documents.page(id, new SegmentFilter(java.util.Set.of(SegmentStatus.APPROVED), null, false), 0, 50))
                .isEmpty();
    }

    /** The most rows one step of the query's plan read, from the database's own account of running it. */
    int rowsScanned(SegmentRepository.PageQuery query) {
        List<String> plan = new ArrayList<>();
        jdbc.sql("explain analyze " + query.sql()).params(query.params()).query(rs -> {
            plan.add(rs.getString(1));
        });
        Matcher m = SCAN_COUNT.matcher(String.join("\n", plan));
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        assertThat(plan.toString()).contains("scanCount");
        return max;
    }
}
