package org.postedit.workbench.review;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.component.html.AttachmentType;
import org.postedit.workbench.review.effort.EffortCsv;
import org.postedit.workbench.review.effort.EffortApi;
import org.postedit.workbench.review.effort.EffortReport;
import org.postedit.workbench.review.effort.EffortService;
import org.postedit.workbench.review.effort.SegmentEffort;

/** The post-editing effort of a document: totals, averages, the TER distribution, every segment; CSV download. */
final class EffortReportDialog extends Dialog {

    EffortReportDialog(EffortService effort, long documentId) {
        EffortReport report = effort.report(documentId);
        addClassName("effort-report");
        setHeaderTitle("Post-editing effort · " + report.documentName());
        setWidth("min(60rem, 95vw)");
        setHeight("85vh");

        Div totals = new Div();
        totals.addClassName("effort-totals");
        totals.add(line("Post-edited segments", report.postEditedCount() + " of " + report.segments().size()));
        totals.add(line("Left unchanged (MT accepted)", report.unchangedCount() + percent(report.unchangedCount(),
                report.postEditedCount())));
        totals.add(line("TER (all word edits / all words)", format(report.ter())));
        totals.add(line("Average segment TER", format(report.averageSegmentTer())));
        totals.add(line("Character edits", report.charEdits() + " (average "
                + String.format(Locale.ROOT, "%.1f", report.averageCharEdits()) + " per segment)"));
        totals.add(line("Time in the editor", SegmentInfoColumn.duration(report.editingMillis()) + " (average "
                + SegmentInfoColumn.duration(report.averageEditingMillis()) + " per segment)"));

        Div distribution = new Div(new Span("TER distribution: "));
        distribution.addClassName("effort-distribution");
        int max = Math.max(1, report.terDistribution().values().stream().mapToInt(Integer::intValue).max().orElse(1));
        for (Map.Entry<String, Integer> band : report.terDistribution().entrySet()) {
            Div bar = new Div();
            bar.getStyle().set("display", "inline-block").set("height", "0.6rem")
                    .set("background", "var(--lumo-primary-color-50pct)")
                    .set("width", (8.0 * band.getValue() / max) + "rem").set("margin-right", "0.5rem");
            Div row = new Div(new Span(band.getKey() + ": "), bar, new Span(String.valueOf(band.getValue())));
            row.getStyle().set("font-size", "var(--lumo-font-size-s)");
            distribution.add(row);
        }

        Grid<SegmentEffort> segments = new Grid<>();
        segments.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        segments.addColumn(SegmentEffort::ordinal).setHeader("#").setWidth("4rem").setFlexGrow(0);
        segments.addColumn(s -> s.status().label()).setHeader("Status");
        segments.addColumn(s -> s.unchanged() ? "yes" : "").setHeader("Unchanged");
        segments.addColumn(SegmentEffort::charEdits).setHeader("Char edits");
        segments.addColumn(SegmentEffort::wordEdits).setHeader("Word edits");
        segments.addColumn(s -> Math.max(0, s.targetWords())).setHeader("Words");
        segments.addColumn(s -> format(s.ter())).setHeader("TER");
        segments.addColumn(s -> SegmentInfoColumn.duration(s.editingMillis())).setHeader("Time");
        segments.setItems(report.segments());
        segments.setHeightFull();

        DownloadHandler download = event -> {
            // read again at download time: the dialog may have stood open while reviewers kept working
            event.setFileName(EffortApi.fileName(report));
            event.setContentType("text/csv; charset=UTF-8");
            event.getOutputStream().write(EffortCsv.write(effort.report(documentId)).getBytes(StandardCharsets.UTF_8));
        };
        Anchor csv = new Anchor(download, AttachmentType.DOWNLOAD, "Download CSV");
        csv.addClassName("effort-csv");

        HorizontalLayout summary = new HorizontalLayout(totals, distribution);
        summary.setWidthFull();
        VerticalLayout body = new VerticalLayout(summary, segments);
        body.setPadding(false);
        body.setSizeFull();
        body.setFlexGrow(1, segments);
        add(body);
        getFooter().add(csv, new Button("Close", e -> close()));
    }

    private static Div line(String label, String value) {
        Div line = new Div(new Span(label + ": "), new Span(value));
        line.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return line;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, " (%.0f%%)", 100.0 * part / whole);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
