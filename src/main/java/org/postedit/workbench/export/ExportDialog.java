package org.postedit.workbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentNotFoundException;
import org.postedit.workbench.document.SegmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Export of one document or several (one ZIP): format, which segments, then the file is written on a worker
 * thread into a temporary file while a progress bar counts the segments, and the download starts when it is
 * ready (the link stays for another click). The temporary file goes when the dialog closes.
 */
class ExportDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ExportDialog.class);
    static final String ALL = "All segments";
    static final String CHOSEN = "Segments with the chosen statuses";
    static final String APPROVED = "Approved segments only";
    static final String ALL_NON_EMPTY = "All segments with a translation";

    private final List<Document> documents;
    private final ExportService service;
    private final AsyncTaskExecutor executor;
    final RadioButtonGroup<ExportFormat> format = new RadioButtonGroup<>("Format");
    final RadioButtonGroup<String> xliffScope = new RadioButtonGroup<>("Segments");
    final CheckboxGroup<SegmentStatus> statuses = new CheckboxGroup<>("Statuses");
    final RadioButtonGroup<String> tmxScope = new RadioButtonGroup<>("Translation units");
    final Paragraph originalNote = new Paragraph("The whole file, rebuilt with the current translations.");
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Button export = new Button("Export");
    final VerticalLayout result = new VerticalLayout();
    private final int total;
    private Path file;

    ExportDialog(List<Document> documents, ExportService service, AsyncTaskExecutor executor) {
        this.documents = List.copyOf(documents);
        this.service = service;
        this.executor = executor;
        this.total = Math.max(1, documents.stream().mapToInt(Document::segmentCount).sum());
        setHeaderTitle(documents.size() == 1 ? "Export " + documents.getFirst().name()
                : "Export " + documents.size() + " documents (one ZIP)");
        setWidth("34rem");

        format.setItems(ExportFormat.values());
        format.setItemLabelGenerator(f -> f == ExportFormat.ORIGINAL ? originalLabel() : f.label());
        format.setValue(ExportFormat.XLIFF12);
        xliffScope.setItems(ALL, CHOSEN);
        xliffScope.setValue(ALL);
        statuses.setItems(SegmentStatus.values());
        statuses.setItemLabelGenerator(SegmentStatus::label);
        statuses.setValue(EnumSet.of(SegmentStatus.REVIEWED, SegmentStatus.APPROVED));
        tmxScope.setItems(APPROVED, ALL_NON_EMPTY);
        tmxScope.setValue(APPROVED);
        if (documents.stream().anyMatch(d -> !d.hasSource())) {
            tmxScope.setHelperText("Machine-translation-only documents give MT → English pairs.");
        }
        format.addValueChangeListener(e -> showOptions());
        xliffScope.addValueChangeListener(e -> showOptions());

        progress.setMin(0);
        progress.setMax(total);
        progress.setVisible(false);
        status.addClassName("export-status");
        result.setPadding(false);
        result.setSpacing(false);
        showOptions();

        add(new VerticalLayout(format, xliffScope, statuses, tmxScope, originalNote, progress, status, result));
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.addClickListener(e -> start());
        Button close = new Button("Close", e -> close());
        getFooter().add(close, export);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                deleteFile();
            }
        });
    }

    private String originalLabel() {
        return documents.size() == 1 ? "Original format (" + documents.getFirst().format().label() + ")"
                : "Original format (each its own)";
    }

    private void showOptions() {
        ExportFormat chosen = format.getValue();
        boolean xliff = chosen == ExportFormat.XLIFF12 || chosen == ExportFormat.XLIFF2;
        xliffScope.setVisible(xliff);
        statuses.setVisible(xliff && CHOSEN.equals(xliffScope.getValue()));
        tmxScope.setVisible(chosen == ExportFormat.TMX);
        originalNote.setVisible(chosen == ExportFormat.ORIGINAL);
    }

    ExportOptions options() {
        ExportFormat chosen = format.getValue();
        boolean mtPairs = documents.stream().anyMatch(d -> !d.hasSource());
        Set<SegmentStatus> selected = EnumSet.noneOf(SegmentStatus.class);
        if (chosen == ExportFormat.TMX && ALL_NON_EMPTY.equals(tmxScope.getValue())) {
            selected = EnumSet.allOf(SegmentStatus.class);
        } else if (chosen != ExportFormat.TMX && CHOSEN.equals(xliffScope.getValue())) {
            selected = statuses.getValue().isEmpty() ? EnumSet.noneOf(SegmentStatus.class)
                    : EnumSet.copyOf(statuses.getValue());
        }
        return new ExportOptions(selected, mtPairs);
    }

    /** Checks on the UI thread (a refusal shows at once), then writes on a worker thread. */
    void start() {
        ExportFormat chosen = format.getValue();
        if (chosen != ExportFormat.TMX && CHOSEN.equals(xliffScope.getValue()) && statuses.getValue().isEmpty()) {
            status.setText("Choose at least one status.");
            return;
        }
        ExportOptions options = options();
        List<Long> ids = documents.stream().map(Document::id).toList();
        String name;
        try {
            List<Document> checked = service.checkAll(ids, chosen, options);
            name = checked.size() == 1 ? service.fileName(checked.getFirst(), chosen) : service.zipFileName(checked);
        } catch (ExportRejectedException | DocumentNotFoundException e) {
            status.setText(e.getMessage());
            return;
        }
        UI ui = UI.getCurrent();
        deleteFile();
        result.removeAll();
        export.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        status.setText("Writing " + name + "…");
        executor.submit(() -> write(ui, ids, chosen, options, name));
    }

    private void write(UI ui, List<Long> ids, ExportFormat chosen, ExportOptions options, String name) {
        Path written = null;
        try {
            written = Files.createTempFile("workbench-export-", ".part");
            try (OutputStream out = Files.newOutputStream(written)) {
                if (ids.size() == 1) {
                    service.export(ids.getFirst(), chosen, options, out,
                            n -> ui.access(() -> progress.setValue(Math.min(total, n))));
                } else {
                    service.exportZip(ids, chosen, options, out,
                            n -> ui.access(() -> progress.setValue(Math.min(total, n))));
                }
            }
            Path done = written;
            long size = Files.size(done);
            ui.access(() -> ready(done, name, size));
        } catch (ExportRejectedException e) {
            delete(written);
            ui.access(() -> failed(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            log.error("Export of documents {} as {} failed", ids, chosen, e);
            delete(written);
            ui.access(() -> failed("The export failed unexpectedly: " + e.getMessage()));
        }
    }

    private void ready(Path written, String name, long size) {
        file = written;
        progress.setValue(total);
        export.setEnabled(true);
        status.setText("Ready: %s (%s).".formatted(name, size >= 1024 * 1024
                ? "%.1f MB".formatted(size / (1024.0 * 1024)) : Math.max(1, size / 1024) + " KB"));
        Anchor download = new Anchor(DownloadHandler.forFile(written.toFile(), name), AttachmentType.DOWNLOAD,
                "Download " + name);
        download.addClassName("export-download");
        result.add(download);
        download.getElement().executeJs("this.click()");  // the download starts by itself; the link stays
    }

    private void failed(String message) {
        progress.setVisible(false);
        export.setEnabled(true);
        status.setText("Not exported: " + message);
    }

    Path file() {
        return file;
    }

    private void deleteFile() {
        delete(file);
        file = null;
    }

    private static void delete(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
