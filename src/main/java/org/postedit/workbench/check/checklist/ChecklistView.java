package org.postedit.workbench.check.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.postedit.workbench.ui.BoundedUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The project checklist: every user sees the rules and may test one on a sample; terminologists and administrators
 * add, edit, delete, switch rules on and off, and import them from CSV. Everyone may export.
 */
@Route("checklist")
@PageTitle("Checklist · Workbench")
@PermitAll
public class ChecklistView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ChecklistView.class);
    /** A checklist is a few hundred rules at most; a larger upload is a mistake. */
    private static final long MAX_CSV_BYTES = 2L * 1024 * 1024;

    private final ChecklistService checklist;
    private final AuthenticationContext authentication;
    private final boolean canEdit;
    private final Authentication viewer;
    private final SecurityContextHolderStrategy securityContexts;

    private final Grid<ChecklistRule> grid = new Grid<>();
    private final Button add = new Button("Add rule", VaadinIcon.PLUS.create());
    private final Button edit = new Button("Open", VaadinIcon.EDIT.create());
    private final Button toggle = new Button("Disable", VaadinIcon.BAN.create());
    private final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
    private final Anchor export;

    public ChecklistView(ChecklistService checklist, AuthenticationContext authentication,
                         ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.checklist = checklist;
        this.authentication = authentication;
        this.canEdit = authentication.hasRole("ADMIN") || authentication.hasRole("TERMINOLOGIST");
        this.securityContexts = securityContexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        Authentication current = this.securityContexts.getContext().getAuthentication();
        this.viewer = current != null ? current : SecurityContextHolder.getContext().getAuthentication();
        setSizeFull();

        Paragraph intro = new Paragraph("Project rules checked on every segment: where a pattern matches the "
                + "target, the grid shows the rule's message and its replacement as a fix.");
        intro.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> r.enabled() ? "On" : "Off").setHeader("Enabled").setKey("enabled").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ChecklistRule::key).setHeader("Rule id").setKey("key").setAutoWidth(true).setSortable(true);
        grid.addColumn(ChecklistRule::name).setHeader("Name").setKey("name").setFlexGrow(2);
        grid.addColumn(ChecklistRule::pattern).setHeader("Pattern").setKey("pattern").setFlexGrow(2);
        grid.addColumn(r -> r.replacement() == null ? "" : r.replacement()).setHeader("Replacement")
                .setKey("replacement");
        grid.addColumn(r -> r.severity().name().toLowerCase()).setHeader("Severity").setKey("severity")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.targetLanguage() == null ? "all" : r.targetLanguage()).setHeader("Language")
                .setKey("language").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ChecklistRule::updatedBy).setHeader("Changed by").setKey("updatedBy").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText("No rules yet." + (canEdit ? " Add one, or import a CSV file." : ""));
        grid.addSelectionListener(e -> selectionChanged());
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.setSizeFull();

        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> open(null));
        edit.addClickListener(e -> selected().ifPresent(this::open));
        toggle.addClickListener(e -> selected().ifPresent(this::toggle));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> selected().ifPresent(this::confirmDelete));
        add.setVisible(canEdit);
        toggle.setVisible(canEdit);
        delete.setVisible(canEdit);
        Button tryRule = new Button("Test a pattern", VaadinIcon.FLASK.create(), e -> openForTest());
        tryRule.setVisible(!canEdit);

        DownloadHandler csv = event -> {
            event.setFileName("checklist-" + LocalDate.now() + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            OutputStream out = event.getOutputStream();
            checklist.exportCsv(out);
            out.flush();
        };
        export = new Anchor(csv, AttachmentType.DOWNLOAD, "Export CSV");
        export.addClassName("checklist-export");

        HorizontalLayout actions = new HorizontalLayout(add, tryRule, edit, toggle, delete, export);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new H2("Checklist"), intro, actions);
        if (canEdit) {
            add(importRow());
        }
        add(grid);
        selectionChanged();
        refresh();
    }

    private HorizontalLayout importRow() {
        Upload upload = new Upload(new BoundedUpload(MAX_CSV_BYTES, this::importFromUpload,
                message -> onUi(() -> error("Not imported: " + message))));
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", ".txt");
        upload.setDropLabel(new Span("Import rules from CSV (UTF-8 with a header row; see docs/checks.md)"));
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        HorizontalLayout row = new HorizontalLayout(upload);
        row.setWidthFull();
        row.setFlexGrow(1, upload);
        return row;
    }

    /** Runs on the upload request thread: the file is small, so it is imported right there, as the signed-in user. */
    private void importFromUpload(String fileName, Path file) {
        ChecklistService.ImportResult result;
        try {
            result = importAsViewer(file);
        } catch (IOException | RuntimeException e) {
            log.warn("Checklist import of {} failed", fileName, e);
            onUi(() -> error("Not imported: " + fileName + " could not be read."));
            return;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the temporary file {}", file, e);
            }
        }
        ChecklistService.ImportResult done = result;
        onUi(() -> showImport(fileName, done));
    }

    ChecklistService.ImportResult importAsViewer(Path file) throws IOException {
        SecurityContext previous = securityContexts.getContext();
        SecurityContext context = securityContexts.createEmptyContext();
        context.setAuthentication(viewer);
        securityContexts.setContext(context);
        try (InputStream in = Files.newInputStream(file)) {
            return checklist.importCsv(in, user());
        } finally {
            securityContexts.setContext(previous);
        }
    }

    void showImport(String fileName, ChecklistService.ImportResult result) {
        if (!result.problems().isEmpty()) {
            List<String> shown = result.problems().stream().limit(8).toList();
            error("Nothing imported from " + fileName + ": " + String.join(" ", shown)
                    + (result.problems().size() > shown.size() ? " (and " + (result.problems().size() - shown.size())
                    + " more)" : ""));
            return;
        }
        refresh();
        Notification.show("Imported " + fileName + ": " + result.added() + " added, " + result.updated()
                + " updated.", 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void open(ChecklistRule rule) {
        new ChecklistRuleDialog(checklist, rule, user(), canEdit, saved -> {
            refresh();
            grid.select(saved);
        }).open();
    }

    private void openForTest() {
        new ChecklistRuleDialog(checklist, null, user(), false, saved -> { }).open();
    }

    private void toggle(ChecklistRule rule) {
        try {
            ChecklistRule changed = checklist.setEnabled(rule.id(), !rule.enabled(), user());
            refresh();
            grid.select(changed);
        } catch (ChecklistValidationException e) {
            error(e.getMessage());
            refresh();
        }
    }

    private void confirmDelete(ChecklistRule rule) {
        ConfirmDialog dialog = new ConfirmDialog("Delete rule " + rule.key() + "?",
                "Its issues disappear from the grids when the segments are checked again.", "Delete",
                e -> {
                    checklist.delete(rule.id(), user());
                    refresh();
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void refresh() {
        ChecklistRule selected = selected().orElse(null);
        List<ChecklistRule> rules = checklist.rules();
        grid.setItems(rules);
        if (selected != null) {
            rules.stream().filter(r -> r.id() == selected.id()).findFirst().ifPresent(grid::select);
        }
        selectionChanged();
    }

    private void selectionChanged() {
        java.util.Optional<ChecklistRule> rule = selected();
        edit.setEnabled(rule.isPresent());
        edit.setText(canEdit ? "Edit" : "Open");
        toggle.setEnabled(rule.isPresent());
        toggle.setText(rule.map(r -> r.enabled() ? "Disable" : "Enable").orElse("Disable"));
        delete.setEnabled(rule.isPresent());
    }

    private java.util.Optional<ChecklistRule> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private String user() {
        return authentication.getPrincipalName().orElse(viewer == null ? "unknown" : viewer.getName());
    }

    private void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Runs a UI change now when this thread holds the session, else through {@code access} (upload threads). */
    private void onUi(Command command) {
        getUI().ifPresent(ui -> {
            if (ui.getSession().hasLock()) {
                command.execute();
            } else {
                ui.access(command);
            }
        });
    }

    // for the browserless test
    Grid<ChecklistRule> grid() {
        return grid;
    }

    Button addButton() {
        return add;
    }

    Button toggleButton() {
        return toggle;
    }

    Button deleteButton() {
        return delete;
    }

    Button editButton() {
        return edit;
    }
}
