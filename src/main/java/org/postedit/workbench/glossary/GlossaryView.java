package org.postedit.workbench.glossary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.postedit.workbench.document.ImportProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The glossary: a lazy grid of concepts (paged and filtered in SQL) with their preferred terms per language, the
 * terms to avoid, search and filters; add, edit and delete through {@link ConceptDialog} (terminologists and
 * administrators only); the audit; TBX/CSV import with a preview first, and export.
 */
@Route("glossary")
@PageTitle("Glossary · Workbench")
@PermitAll
public class GlossaryView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(GlossaryView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());
    /** The languages shown as columns: the shipped glossary is Chinese to English. */
    static final List<String> COLUMN_LANGUAGES = List.of("zh", "en");
    private static final String ANY_LANGUAGE = "Any language";

    private final GlossaryService glossary;
    private final AuthenticationContext authentication;
    private final AsyncTaskExecutor executor;
    private final long maxFileSize;
    private final boolean canEdit;
    /** The signed-in user, for the import's worker threads (the service checks the role there too). */
    private final Authentication viewer;
    private final SecurityContextHolderStrategy securityContexts;

    private final Grid<Concept> grid = new Grid<>();
    private final Select<Glossary> glossarySelect = new Select<>();
    private final TextField search = new TextField();
    private final RadioButtonGroup<GlossaryQuery.Match> match = new RadioButtonGroup<>();
    private final ComboBox<String> language = new ComboBox<>();
    private final Select<TermStatus> status = new Select<>();
    private final ComboBox<String> domain = new ComboBox<>();
    private final Button add = new Button("Add concept", VaadinIcon.PLUS.create());
    private final Button history = new Button("History", VaadinIcon.CLOCK.create());
    private final ProgressBar importProgress = new ProgressBar();
    private final Span importStatus = new Span();
    private final RadioButtonGroup<ImportMode> importMode = new RadioButtonGroup<>();
    private final Anchor exportTbx;
    private final Anchor exportCsv;
    private CallbackDataProvider<Concept, Void> provider;

    public GlossaryView(GlossaryService glossary, AuthenticationContext authentication, AsyncTaskExecutor executor,
                        ImportProperties importProperties,
                        ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.glossary = glossary;
        this.authentication = authentication;
        this.executor = executor;
        this.maxFileSize = importProperties.maxFileSize().toBytes();
        this.canEdit = authentication.hasAnyRole(
                org.postedit.workbench.security.Permission.EDIT_TERMINOLOGY.roleNames());
        // the strategy the service's method security reads (Vaadin installs one per application context)
        this.securityContexts = securityContexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        Authentication current = this.securityContexts.getContext().getAuthentication();
        this.viewer = current != null ? current : SecurityContextHolder.getContext().getAuthentication();
        setSizeFull();

        List<Glossary> glossaries = glossary.glossaries();
        glossarySelect.setItems(glossaries);
        glossarySelect.setItemLabelGenerator(Glossary::name);
        glossarySelect.setAriaLabel("Glossary");
        glossarySelect.setValue(glossaries.stream().filter(g -> g.name().equals(Glossary.GENERAL)).findFirst()
                .orElse(glossaries.isEmpty() ? null : glossaries.getFirst()));
        glossarySelect.setVisible(glossaries.size() > 1);
        glossarySelect.addValueChangeListener(e -> {
            refreshDomains();
            refresh();
        });

        search.setPlaceholder("Search terms (中文 or English)");
        search.setAriaLabel("Search terms");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18rem");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.addValueChangeListener(e -> refresh());
        match.setItems(GlossaryQuery.Match.values());
        match.setItemLabelGenerator(m -> m == GlossaryQuery.Match.PREFIX ? "Starts with" : "Contains");
        match.setValue(GlossaryQuery.Match.CONTAINS);
        match.setAriaLabel("Match");
        match.addValueChangeListener(e -> refresh());
        language.setItems(ConceptDialog.LANGUAGES);
        language.setAllowCustomValue(true);
        language.addCustomValueSetListener(e -> language.setValue(e.getDetail()));
        language.setPlaceholder(ANY_LANGUAGE);
        language.setClearButtonVisible(true);
        language.setAriaLabel("Language of the search");
        language.setWidth("9rem");
        language.addValueChangeListener(e -> refresh());
        status.setItems(TermStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setAriaLabel("Status filter");
        status.setWidth("9rem");
        status.addValueChangeListener(e -> refresh());
        domain.setPlaceholder("Any domain");
        domain.setClearButtonVisible(true);
        domain.setAriaLabel("Domain filter");
        domain.addValueChangeListener(e -> refresh());
        refreshDomains();

        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> openDialog(null));
        add.setVisible(canEdit);
        history.addClickListener(e -> openHistory(grid.asSingleSelect().getValue()));
        history.setTooltipText("Who changed what when: the selected concept, or the whole glossary");

        exportTbx = download("TBX", "tbx");
        exportCsv = download("CSV", "csv");

        configureGrid();
        HorizontalLayout heading = new HorizontalLayout(new H2("Glossary"), glossarySelect);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout filters = new HorizontalLayout(search, match, language, status, domain);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout actions = new HorizontalLayout(add, history, new Span("Export:"), exportTbx, exportCsv);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        add(heading, filters, actions);
        if (canEdit) {
            add(importRow());
        }
        add(grid);
        setFlexGrow(1, grid);
    }

    // ---------------------------------------------------------------- grid

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("glossary-grid");
        grid.addColumn(Concept::key).setHeader("Id").setKey("key").setWidth("5rem").setFlexGrow(0);
        for (String l : COLUMN_LANGUAGES) {
            grid.addColumn(c -> headTerm(c, l)).setHeader(l).setKey("term-" + l).setFlexGrow(2);
        }
        grid.addColumn(GlossaryView::avoided).setHeader("Avoid").setKey("avoid").setFlexGrow(2);
        grid.addColumn(Concept::domain).setHeader("Domain").setKey("domain").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Concept::note).setHeader("Note").setKey("note").setFlexGrow(3);
        grid.addColumn(c -> c.updatedAt() == null ? "" : TIME.format(c.updatedAt()) + " · " + c.updatedBy())
                .setHeader("Updated").setKey("updated").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::rowActions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.addItemDoubleClickListener(e -> openDialog(e.getItem()));
        grid.setEmptyStateText("No concept matches.");
        provider = new CallbackDataProvider<>(
                q -> glossary.searchConcepts(query(), q.getOffset(), q.getLimit()).stream(),
                q -> glossary.countConcepts(query()), Concept::id);
        grid.setItems(provider);
    }

    private Component rowActions(Concept c) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        Button open = new Button((canEdit ? VaadinIcon.EDIT : VaadinIcon.EYE).create(), e -> openDialog(c));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.setAriaLabel((canEdit ? "Edit " : "Show ") + c.key());
        open.setTooltipText(canEdit ? "Edit" : "Details");
        open.addClassName(canEdit ? "concept-edit" : "concept-show");
        row.add(open);
        if (canEdit) {
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(c));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel("Delete " + c.key());
            delete.setTooltipText("Delete");
            delete.addClassName("concept-delete");
            row.add(delete);
        }
        return row;
    }

    /** The preferred term in a language (a tag "en" also covers "en-US"), else its first term. */
    static String headTerm(Concept c, String language) {
        List<Term> inLanguage = c.terms().stream().filter(t -> sameLanguage(t.language(), language)).toList();
        return inLanguage.stream().filter(t -> t.status() == TermStatus.PREFERRED).map(Term::text).findFirst()
                .orElse(inLanguage.stream().filter(t -> t.status() == TermStatus.ADMITTED).map(Term::text)
                        .findFirst().orElse(""));
    }

    private static String avoided(Concept c) {
        return c.terms().stream()
                .filter(t -> t.status() == TermStatus.DEPRECATED || t.status() == TermStatus.FORBIDDEN)
                .map(t -> t.text() + " (" + t.status().label().toLowerCase(Locale.ROOT) + ")")
                .collect(Collectors.joining(", "));
    }

    private static boolean sameLanguage(String tag, String language) {
        String t = tag.toLowerCase(Locale.ROOT);
        return t.equals(language) || t.startsWith(language + "-");
    }

    GlossaryQuery query() {
        String text = search.getValue() == null || search.getValue().isBlank() ? null : search.getValue().strip();
        String l = language.getValue() == null || language.getValue().isBlank() ? null : language.getValue();
        Glossary g = glossarySelect.getValue();
        return new GlossaryQuery(text, match.getValue() == null ? GlossaryQuery.Match.CONTAINS : match.getValue(),
                l, status.getValue(), domain.getValue(), g == null ? null : g.id(), GlossaryQuery.Sort.TERM);
    }

    private void refresh() {
        provider.refreshAll();
    }

    private void refreshDomains() {
        Glossary g = glossarySelect.getValue();
        String selected = domain.getValue();
        List<String> domains = glossary.domains(g == null ? null : g.id());
        domain.setItems(domains);
        domain.setValue(domains.contains(selected) ? selected : null);
    }

    private long glossaryId() {
        Glossary g = glossarySelect.getValue();
        return g != null ? g.id() : glossary.generalGlossary().id();
    }

    // ---------------------------------------------------------------- edit

    void openDialog(Concept concept) {
        Concept fresh = concept == null ? null : glossary.concept(concept.id()).orElse(null);
        if (concept != null && fresh == null) {
            Notification.show("That concept was deleted meanwhile.");
            refresh();
            return;
        }
        ConceptDialog dialog = new ConceptDialog(glossary, glossaryId(), fresh, user(), canEdit, saved -> {
            refreshDomains();
            refresh();
            grid.select(saved);
        });
        if (fresh == null) {
            dialog.prefill(List.of(Term.of("zh", "", TermStatus.PREFERRED), Term.of("en", "", TermStatus.PREFERRED)),
                    null);
        }
        dialog.open();
    }

    void confirmDelete(Concept concept) {
        ConfirmDialog dialog = new ConfirmDialog("Delete concept " + concept.key() + "?",
                "Deletes " + ConceptDialog.label(concept) + " with all its terms. The history keeps a record.",
                "Delete", e -> delete(concept));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void delete(Concept concept) {
        try {
            glossary.deleteConcept(concept.id(), user());
            Notification.show("Deleted " + concept.key() + ": " + ConceptDialog.label(concept), 3000,
                    Notification.Position.BOTTOM_START);
        } catch (ConceptNotFoundException e) {
            Notification.show("That concept was already deleted.");
        }
        refreshDomains();
        refresh();
    }

    /** The audit of one concept (when one is selected) or of the whole glossary, newest first, paged in SQL. */
    void openHistory(Concept concept) {
        Dialog dialog = new Dialog();
        dialog.addClassName("glossary-history");
        long glossaryId = glossaryId();
        Long conceptId = concept == null ? null : concept.id();
        dialog.setHeaderTitle(concept == null ? "History of " + glossarySelect.getValue().name()
                : "History of " + concept.key() + " (" + ConceptDialog.label(concept) + ")");
        Grid<AuditEntry> entries = new Grid<>();
        entries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        entries.addColumn(a -> TIME.format(a.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        entries.addColumn(AuditEntry::author).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        entries.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        entries.addColumn(AuditEntry::summary).setHeader("Change").setFlexGrow(1);
        entries.setItems(new CallbackDataProvider<>(
                q -> glossary.audit(glossaryId, conceptId, q.getOffset(), q.getLimit()).stream(),
                q -> glossary.countAudit(glossaryId, conceptId), AuditEntry::id));
        entries.setEmptyStateText("No changes recorded yet.");
        entries.setHeight("24rem");
        dialog.add(entries);
        dialog.setWidth("min(60rem, 96vw)");
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    // ---------------------------------------------------------------- export

    private Anchor download(String label, String format) {
        DownloadHandler handler = event -> {
            long id = glossaryId();
            String name = glossary.glossary(id).map(Glossary::name).orElse("glossary")
                    .replaceAll("[^\\p{L}\\p{N}._-]+", "-");
            event.setFileName("glossary-" + name + "-" + LocalDate.now() + "." + format);
            event.setContentType(format.equals("tbx") ? "application/x-tbx+xml" : "text/csv; charset=UTF-8");
            OutputStream out = event.getOutputStream();
            if (format.equals("tbx")) {
                glossary.exportTbx(id, out);
            } else {
                glossary.exportCsv(id, out, ',');
            }
            out.flush();
        };
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, label);
        anchor.addClassName("glossary-export-" + format);
        anchor.getElement().setAttribute("title", "Download the glossary as " + label);
        return anchor;
    }

    // ---------------------------------------------------------------- import

    private Component importRow() {
        Upload upload = new Upload(new org.postedit.workbench.ui.BoundedUpload(maxFileSize, this::previewInBackground,
                this::refusedFromUploadThread));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxFileSize));
        upload.setAcceptedFileTypes(".tbx", ".xml", ".csv", ".tsv", ".txt");
        upload.setDropLabel(new Span("Import a glossary: TBX (v2 or v3), CSV or TSV with a header"));
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        importMode.setItems(ImportMode.values());
        importMode.setItemLabelGenerator(m -> m == ImportMode.MERGE ? "Merge into the glossary"
                : "Replace the glossary");
        importMode.setValue(ImportMode.MERGE);
        importMode.setLabel("Import mode");
        importProgress.setWidth("12rem");
        importProgress.setVisible(false);
        HorizontalLayout progressRow = new HorizontalLayout(importProgress, importStatus);
        progressRow.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout row = new HorizontalLayout(upload, importMode, progressRow);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWidthFull();
        row.setFlexGrow(1, upload);
        return row;
    }

    /** Runs on the upload request thread: read the file for a preview on a worker, then show what would change. */
    private void previewInBackground(String fileName, Path file) {
        UI ui = UI.getCurrent() != null ? UI.getCurrent() : getUI().orElseThrow();
        ImportMode mode = importMode.getValue();
        long glossaryId = glossaryId();
        String user = user();
        ui.access(() -> progress("Reading " + fileName + "…", 0));
        runAsUser(() -> {
            try {
                ImportSummary preview = glossary.importFile(glossaryId, file, fileName, mode, true, user,
                        p -> access(ui, () -> importProgress.setValue(p)));
                boolean shown = access(ui, () -> {
                    done();
                    showPreview(preview, glossaryId, file, fileName, mode);
                });
                if (!shown) {
                    delete(file);
                }
            } catch (RuntimeException e) {
                delete(file);
                access(ui, () -> {
                    done();
                    refused(fileName, e);
                });
            }
        });
    }

    void showPreview(ImportSummary s, long glossaryId, Path file, String fileName, ImportMode mode) {
        Dialog dialog = new Dialog();
        dialog.addClassName("glossary-import-preview");
        dialog.setHeaderTitle("Import " + fileName + " (" + s.format().toUpperCase(Locale.ROOT) + ", "
                + (mode == ImportMode.MERGE ? "merge" : "replace") + ")?");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(new Div("The file holds %d concepts with %d terms.".formatted(s.conceptsInFile(), s.termsInFile())));
        body.add(new Div("Concepts: %d added, %d updated, %d unchanged, %d removed. Terms: %d added, %d removed."
                .formatted(s.conceptsAdded(), s.conceptsUpdated(), s.conceptsUnchanged(), s.conceptsRemoved(),
                        s.termsAdded(), s.termsRemoved())));
        if (!s.samples().isEmpty()) {
            Div samples = new Div();
            samples.addClassName("import-samples");
            samples.getStyle().set("font-size", "var(--lumo-font-size-s)").set("max-height", "14rem")
                    .set("overflow", "auto");
            s.samples().forEach(line -> samples.add(new Div(line)));
            body.add(samples);
        }
        for (String warning : s.warnings()) {
            Div w = new Div("Warning: " + warning);
            w.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-secondary-text-color))");
            body.add(w);
        }
        ProgressBar applying = new ProgressBar();
        applying.setVisible(false);
        body.add(applying);
        dialog.add(body);
        Button apply = new Button("Apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setId("glossary-import-apply");
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened() && !applying.isVisible()) {
                delete(file);
            }
        });
        apply.addClickListener(e -> {
            apply.setEnabled(false);
            cancel.setEnabled(false);
            applying.setVisible(true);
            apply(dialog, applying, glossaryId, file, fileName, mode);
        });
        dialog.setCloseOnOutsideClick(false);
        dialog.getFooter().add(cancel, apply);
        dialog.open();
    }

    private void apply(Dialog dialog, ProgressBar applying, long glossaryId, Path file, String fileName,
                       ImportMode mode) {
        UI ui = UI.getCurrent();
        String user = user();
        progress("Importing " + fileName + "…", 0);
        runAsUser(() -> {
            try {
                ImportSummary done = glossary.importFile(glossaryId, file, fileName, mode, false, user,
                        p -> access(ui, () -> {
                            applying.setValue(p);
                            importProgress.setValue(p);
                        }));
                access(ui, () -> {
                    done();
                    dialog.close();
                    refreshDomains();
                    refresh();
                    Notification n = Notification.show("Imported %s: %d concepts added, %d updated, %d removed"
                            .formatted(fileName, done.conceptsAdded(), done.conceptsUpdated(), done.conceptsRemoved()),
                            5000, Notification.Position.BOTTOM_START);
                    n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                });
            } catch (RuntimeException e) {
                access(ui, () -> {
                    done();
                    dialog.close();
                    refused(fileName, e);
                });
            } finally {
                delete(file);
            }
        });
    }

    /** A refused file: the service's message names the lines (TBX) or rows (CSV); show the first few. */
    private static void refused(String fileName, RuntimeException e) {
        if (e instanceof GlossaryImportException refused) {
            log.info("Glossary file {} refused: {}", fileName, refused.getMessage());
            String lines = refused.problems().stream().limit(5)
                    .map(p -> p.line() > 0 && !p.message().startsWith("row ") ? "line " + p.line() + ": " + p.message()
                            : p.message())
                    .collect(Collectors.joining("; "));
            int more = refused.problems().size() - 5;
            boolean listed = refused.problems().size() == 1
                    && refused.getMessage().contains(refused.problems().getFirst().message());
            error(fileName + " not imported, nothing changed: " + refused.getMessage()
                    + (listed || refused.problems().isEmpty() ? ""
                    : " " + lines + (more > 0 ? "; and " + more + " more." : "")));
        } else if (e instanceof GlossaryValidationException invalid) {
            error(fileName + " not imported, nothing changed: " + String.join(" ", invalid.problems()));
        } else {
            log.error("Glossary import of {} failed", fileName, e);
            error("Import of " + fileName + " failed unexpectedly; nothing changed. " + e.getMessage());
        }
    }

    private void refusedFromUploadThread(String message) {
        log.info("Glossary upload refused: {}", message);
        getUI().ifPresent(ui -> ui.access(() -> error("Not imported: " + message)));
    }

    /**
     * Updates the page from a worker; false when the user has left it (the import goes on: leaving the page must not
     * abort a half-written import through an exception in its progress callback).
     */
    private static boolean access(UI ui, Command update) {
        try {
            ui.access(update);
            return true;
        } catch (UIDetachedException e) {
            return false;
        }
    }

    /**
     * The service's writes need the user's roles; a worker thread has no security context of its own, and the
     * upload's request thread is no reliable source either, so the user captured when the view was built is used.
     */
    private void runAsUser(Runnable work) {
        SecurityContext context = securityContexts.createEmptyContext();
        context.setAuthentication(viewer);
        DelegatingSecurityContextRunnable asUser = new DelegatingSecurityContextRunnable(work, context);
        asUser.setSecurityContextHolderStrategy(securityContexts);
        executor.submit(asUser);
    }

    private void progress(String text, double value) {
        importProgress.setVisible(true);
        importProgress.setValue(value);
        importStatus.setText(text);
    }

    private void done() {
        importProgress.setVisible(false);
        importStatus.setText("");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}", file, e);
        }
    }

    /** The user's name; the view's own copy, as upload threads need it too. */
    private String user() {
        return viewer != null ? viewer.getName() : authentication.getPrincipalName().orElse("unknown");
    }

    private static void error(String message) {
        Notification n = new Notification(message, 10000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }

    boolean canEdit() {
        return canEdit;
    }

    Grid<Concept> grid() {
        return grid;
    }

    Select<Glossary> glossaryField() {
        return glossarySelect;
    }

    TextField searchField() {
        return search;
    }

    RadioButtonGroup<GlossaryQuery.Match> matchField() {
        return match;
    }

    ComboBox<String> languageField() {
        return language;
    }

    Select<TermStatus> statusField() {
        return status;
    }

    ComboBox<String> domainField() {
        return domain;
    }

    Button addButton() {
        return add;
    }
}
