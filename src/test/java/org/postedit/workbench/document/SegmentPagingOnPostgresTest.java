package org.postedit.workbench.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postedit.workbench.OnPostgres;

/**
 * {@link SegmentPagingTest} on a real PostgreSQL server: the grid's filters and pages, and a deep page reads only
 * its rows there too (PostgreSQL's EXPLAIN ANALYZE instead of H2's scan counts). Skipped without a server.
 */
@OnPostgres
class SegmentPagingOnPostgresTest extends SegmentPagingTest {

    private static final Pattern ACTUAL_ROWS = Pattern.compile("actual time=[^)]* rows=(\\d+) loops=(\\d+)");
    private static final Pattern REMOVED = Pattern.compile("Rows Removed by (?:Filter|Index Recheck): (\\d+)");

    @Override
    int rowsScanned(SegmentRepository.PageQuery query) {
        // fresh statistics, as autovacuum would have them by now in a running workbench
        jdbc.sql("analyze segment").update();
        List<String> plan = new ArrayList<>();
        jdbc.sql("explain (analyze, costs off) " + query.sql()).params(query.params()).query(rs -> {
            plan.add(rs.getString(1));
        });
        String text = String.join("\n", plan);
        assertThat(text).contains("actual time");
        int max = 0;
        Matcher rows = ACTUAL_ROWS.matcher(text);
        while (rows.find()) {
            max = Math.max(max, Integer.parseInt(rows.group(1)) * Integer.parseInt(rows.group(2)));
        }
        Matcher removed = REMOVED.matcher(text);
        while (removed.find()) {
            max += Integer.parseInt(removed.group(1));
        }
        return max;
    }
}
