package org.postedit.workbench.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.postedit.workbench.ui.BoundedUpload;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;

/** The document list: progress per document, upload, archive. */
@Route("")
@PageTitle("Documents · Workbench")
@PermitAll
public class DocumentsView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(DocumentsView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());
    static final List<String> LANGUAGES = List.of("en-US", "en-GB", "de-DE", "fr-FR", "pt-PT", "pt-BR", "es-ES",
            "it-IT", "nl-NL", "ja-JP", "ko-KR", "zh-CN", "zh-TW", "ru-RU");

    private final DocumentService documents;
    private final AuthenticationContext authentication;
    private final AsyncTaskExecutor executor;
    private final Grid<DocumentProgress> grid = new Grid<>();
    private final ProgressBar importing = new ProgressBar();
    private final Span importStatus = new Span();
    private final ComboBox<String> targetLanguage = new ComboBox<>("Target language");
    private final ComboBox<String> sourceLanguage = new ComboBox<>("Source language");
    private final Checkbox showArchived = new Checkbox("Show archived");
    private final DocumentFileActions fileActions;
    private final Button exportSelected = new Button("Export selected…", VaadinIcon.DOWNLOAD_ALT.create());

    public DocumentsView(DocumentService documents, AuthenticationContext authentication, AsyncTaskExecutor executor,
                         DocumentFileActions fileActions) {
        this.documents = documents;
        this.fileActions = fileActions;
        this.authentication = authentication;
        this.executor = executor;
        setSizeFull();

        targetLanguage.setItems(LANGUAGES);
        targetLanguage.setAllowCustomValue(true);
        targetLanguage.addCustomValueSetListener(e -> targetLanguage.setValue(e.getDetail()));
        targetLanguage.setPlaceholder("From the file, or detected");
        targetLanguage.setClearButtonVisible(true);
        targetLanguage.setHelperText("Language of the MT to review");
        sourceLanguage.setItems(LANGUAGES);
        sourceLanguage.setAllowCustomValue(true);
        sourceLanguage.addCustomValueSetListener(e -> sourceLanguage.setValue(e.getDetail()));
        sourceLanguage.setPlaceholder("From the file");
        sourceLanguage.setClearButtonVisible(true);
        sourceLanguage.setHelperText("Bilingual files only");

        Upload upload = new Upload(new BoundedUpload(documents.maxFileSize(), this::importInBackground,
                this::refusedFromUploadThread));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, documents.maxFileSize()));
        upload.setDropLabel(new Span("Drop a file: text, HTML, Markdown, DOCX, ODT, XLIFF 1.2/2.x, PO or TMX (up to "
                + DocumentService.megabytes(documents.maxFileSize()) + ")"));
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        upload.addAllFinishedListener(e -> upload.clearFileList());

        importing.setIndeterminate(true);
        importing.setVisible(false);
        importing.setWidth("12rem");
        HorizontalLayout importRow = new HorizontalLayout(upload, sourceLanguage, targetLanguage);
        importRow.setAlignItems(FlexComponent.Alignment.START);
        importRow.setWidthFull();
        importRow.setFlexGrow(1, upload);
        HorizontalLayout progressRow = new HorizontalLayout(importing, importStatus);
        progressRow.setAlignItems(FlexComponent.Alignment.CENTER);

        configureGrid();
        showArchived.addValueChangeListener(e -> refresh());
        exportSelected.setEnabled(false);
        exportSelected.setTooltipText("Export the documents ticked in the list: one file, or one ZIP for several");
        exportSelected.addClickListener(e -> fileActions.openExport(grid.getSelectedItems().stream()
                .map(DocumentProgress::document).toList()));
        HorizontalLayout heading = new HorizontalLayout(new H2("Documents"), showArchived, exportSelected);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.getStyle().set("flex-wrap", "wrap");
        add(heading, importRow, progressRow, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> exportSelected.setEnabled(!e.getAllSelectedItems().isEmpty()));
        grid.addComponentColumn(p -> {
            Document d = p.document();
            // a plain link keeps this package free of the review package (the flow goes document -> review)
            Anchor link = new Anchor("review/" + d.id(), d.name());
            link.getElement().setAttribute("title", "Review " + d.name());
            return link;
        }).setHeader("Document").setWidth("16rem").setFlexGrow(3).setSortable(false);
        grid.addColumn(p -> p.document().format().label()).setHeader("Format").setAutoWidth(true);
        grid.addColumn(p -> languages(p.document())).setHeader("Languages").setAutoWidth(true);
        grid.addColumn(p -> p.document().segmentCount()).setHeader("Segments").setAutoWidth(true);
        grid.addComponentColumn(DocumentsView::progressBar).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(p -> TIME.format(p.document().importedAt()) + " · " + p.document().importedBy())
                .setHeader("Imported").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No documents yet: drop a file above.");
    }

    private Component actions(DocumentProgress p) {
        // a plain link, like the review link: the QA report lives in the check package, which reads from this one
        Anchor qa = new Anchor("documents/" + p.document().id() + "/qa", VaadinIcon.CHECK_SQUARE_O.create());
        qa.getElement().setAttribute("title", "QA report");
        qa.getElement().setAttribute("aria-label", "QA report of " + p.document().name());
        HorizontalLayout actions = new HorizontalLayout(ExportLinks.menu(p.document(), fileActions, this::refresh), qa);
        actions.setSpacing(false);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        if (p.document().archived()) {
            actions.add(new Span("archived"));
            return actions;
        }
        if (!authentication.hasRole("ADMIN")) {
            return actions;
        }
        Button archive = new Button(VaadinIcon.ARCHIVE.create(), e -> confirmArchive(p.document()));
        archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        archive.setAriaLabel("Archive " + p.document().name());
        archive.setTooltipText("Archive (kept with all its versions, hidden from the list)");
        actions.add(archive);
        return actions;
    }

    private void confirmArchive(Document document) {
        ConfirmDialog dialog = new ConfirmDialog("Archive " + document.name() + "?",
                "The document leaves the list; its segments and versions are kept.", "Archive", e -> {
                    documents.archive(document.id(), authentication.getPrincipalName().orElse("?"));
                    refresh();
                    Notification.show("Archived " + document.name());
                });
        dialog.setCancelable(true);
        dialog.open();
    }

    private static Component progressBar(DocumentProgress p) {
        int total = Math.max(1, p.document().segmentCount());
        Div stack = new Div();
        stack.addClassName("progress-stack");
        for (SegmentStatus status : new SegmentStatus[] {SegmentStatus.APPROVED, SegmentStatus.REVIEWED,
                SegmentStatus.EDITED, SegmentStatus.REJECTED}) {
            int n = p.count(status);
            if (n > 0) {
                Span part = new Span();
                part.addClassName("p-" + status.name().toLowerCase());
                part.setWidth((100.0 * n / total) + "%");
                stack.add(part);
            }
        }
        Span label = new Span("%d%% · %d approved".formatted(Math.round(100 * p.doneShare()),
                p.count(SegmentStatus.APPROVED)));
        label.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        HorizontalLayout row = new HorizontalLayout(stack, label);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.getElement().setAttribute("title", p.counts().toString());
        return row;
    }

    private static String languages(Document d) {
        return d.sourceLanguage() == null ? d.targetLanguage() + " (MT only)"
                : d.sourceLanguage() + " → " + d.targetLanguage();
    }

    private void refresh() {
        grid.setItems(documents.list(showArchived.getValue()));
    }

    /** Runs on the upload request thread: hand the import to a worker so the page stays responsive. */
    private void importInBackground(String fileName, Path file) {
        UI ui = UI.getCurrent() != null ? UI.getCurrent() : getUI().orElseThrow();
        String user = authentication.getPrincipalName().orElse("unknown");
        ImportOptions options = new ImportOptions(sourceLanguage.getValue(), targetLanguage.getValue());
        ui.access(() -> {
            importing.setVisible(true);
            importStatus.setText("Importing " + fileName + "…");
        });
        executor.submit(() -> {
            try {
                DocumentProgress imported = documents.importFile(file, fileName, options, user);
                ui.access(() -> {
                    done();
                    refresh();
                    Notification n = Notification.show("Imported %s: %d segments".formatted(fileName,
                            imported.document().segmentCount()), 4000, Notification.Position.BOTTOM_START);
                    n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                });
            } catch (ImportRejectedException e) {
                log.info("Refused {}: {}", fileName, e.getMessage());
                ui.access(() -> {
                    done();
                    error("Not imported: " + e.getMessage());
                });
            } catch (RuntimeException e) {
                log.error("Import of {} failed", fileName, e);
                ui.access(() -> {
                    done();
                    error("Import of " + fileName + " failed unexpectedly; nothing was stored. " + e.getMessage());
                });
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    private void refusedFromUploadThread(String message) {
        log.info("Upload refused: {}", message);
        getUI().ifPresent(ui -> ui.access(() -> error("Not imported: " + message)));
    }

    private void done() {
        importing.setVisible(false);
        importStatus.setText("");
    }

    private static void error(String message) {
        Notification n = new Notification(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }
}
