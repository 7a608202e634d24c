package org.postedit.workbench.check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentNotFoundException;
import org.postedit.workbench.document.DocumentService;

/**
 * The QA report of one document: open issues counted by category and severity, listed with the text they cover
 * and a link to the segment in the review grid, a progress bar pushed live while the document is being checked,
 * and the report as CSV or a self-contained HTML page.
 */
@Route("documents/:documentId/qa")
@PermitAll
public class QaReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** While checks run, the list is refreshed at most this often; the progress bar moves with every step. */
    private static final long REFRESH_MILLIS = 1000;

    private final CheckService checks;
    private final DocumentService documents;
    private final H2 title = new H2();
    private final Span checkedBy = new Span();
    private final ProgressBar progressBar = new ProgressBar();
    private final Span progressText = new Span();
    private final HorizontalLayout progressRow = new HorizontalLayout(progressBar, progressText);
    private final Span totals = new Span();
    private final Grid<IssueCategory> countGrid = new Grid<>();
    private final Grid<ReportedIssue> issueGrid = new Grid<>();
    private final Checkbox showIgnored = new Checkbox("Show ignored issues");
    private final HorizontalLayout links = new HorizontalLayout();
    private final Button again;
    private Document document;
    private IssueCounts counts;
    private CheckSubscription subscription;
    private long lastRefresh;

    public QaReportView(CheckService checks, DocumentService documents) {
        this.checks = checks;
        this.documents = documents;
        setSizeFull();
        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
        checkedBy.addClassName("shortcut-help");
        progressBar.setWidth("16rem");
        progressRow.setAlignItems(FlexComponent.Alignment.CENTER);
        progressRow.addClassName("qa-progress");
        progressRow.setVisible(false);

        again = new Button("Check again", VaadinIcon.REFRESH.create(), e -> checkAgain());
        again.addThemeVariants(ButtonVariant.LUMO_SMALL);
        again.addClassName("qa-check-again");
        showIgnored.addValueChangeListener(e -> refresh());
        links.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(again, links, showIgnored);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);

        configureCounts();
        configureIssues();
        add(title, checkedBy, actions, progressRow, new H3("Counts"), totals, countGrid, new H3("Issues"), issueGrid);
        setFlexGrow(1, issueGrid);
    }

    private void configureCounts() {
        countGrid.addClassName("qa-counts");
        countGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        countGrid.addColumn(QaReportFormat::label).setHeader("Category").setKey("category").setAutoWidth(true);
        for (IssueSeverity severity : IssueSeverity.values()) {
            countGrid.addColumn(c -> counts.count(c, severity)).setHeader(QaReportFormat.label(severity))
                    .setKey(severity.name().toLowerCase(Locale.ROOT)).setAutoWidth(true);
        }
        countGrid.addColumn(c -> counts.count(c)).setHeader("Total").setKey("total").setAutoWidth(true);
        countGrid.setAllRowsVisible(true);
        countGrid.setWidth("36rem");
        countGrid.setEmptyStateText("No open issues.");
    }

    private void configureIssues() {
        issueGrid.addClassName("qa-issues");
        issueGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_ROW_STRIPES);
        issueGrid.addComponentColumn(this::segmentLink).setHeader("#").setKey("segment").setWidth("4.5rem")
                .setFlexGrow(0);
        issueGrid.addComponentColumn(QaReportView::excerpt).setHeader("Text").setKey("text").setFlexGrow(3);
        issueGrid.addColumn(r -> r.issue().message() + (r.ignored() ? " (ignored)" : "")).setHeader("Issue")
                .setKey("message").setFlexGrow(2);
        issueGrid.addColumn(r -> String.join(" · ", r.issue().suggestions())).setHeader("Suggestions")
                .setKey("suggestions").setFlexGrow(1);
        issueGrid.addComponentColumn(QaReportView::kind).setHeader("Kind").setKey("kind").setWidth("9rem")
                .setFlexGrow(0);
        issueGrid.setPartNameGenerator(r -> r.ignored() ? "qa-ignored" : null);
        issueGrid.setEmptyStateText("No open issues.");
    }

    private Component segmentLink(ReportedIssue reported) {
        Anchor link = new Anchor("review/" + document.id() + "?segment=" + reported.ordinal(),
                Integer.toString(reported.ordinal()));
        link.getElement().setAttribute("title", "Open segment " + reported.ordinal() + " in the review grid");
        return link;
    }

    private static Component excerpt(ReportedIssue reported) {
        Excerpt excerpt = Excerpt.of(reported);
        Span covered = new Span(excerpt.covered().isEmpty() ? "¶" : excerpt.covered());
        covered.addClassName("qa-covered");
        covered.addClassName("qa-" + reported.issue().severity().name().toLowerCase(Locale.ROOT));
        return new Span(new Span(excerpt.before()), covered, new Span(excerpt.after()));
    }

    private static Component kind(ReportedIssue reported) {
        Span badge = new Span(QaReportFormat.label(reported.issue().category()) + " · "
                + reported.issue().severity().name().toLowerCase(Locale.ROOT));
        badge.getElement().getThemeList().add("badge small " + switch (reported.issue().severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "contrast";
        });
        badge.getElement().setAttribute("title", reported.issue().checker() + " / " + reported.issue().ruleId());
        return badge;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get("documentId").flatMap(QaReportView::parse);
        try {
            document = documents.document(id.orElseThrow(() -> new DocumentNotFoundException(-1)));
        } catch (DocumentNotFoundException e) {
            event.forwardTo("");
            Notification.show("That document does not exist.");
            return;
        }
        title.setText("QA report: " + document.name());
        LanguageChecks ran = checks.checksFor(document.targetLanguage());
        checkedBy.setText(describe(ran));
        links.removeAll();
        links.add(link("review/" + document.id(), "Open in review", false),
                link("download/documents/" + document.id() + "/qa-report?format=csv", "CSV", true),
                link("download/documents/" + document.id() + "/qa-report?format=html", "HTML", true));
        showProgress(checks.ensureChecked(document.id()));
        refresh();
    }

    static String describe(LanguageChecks ran) {
        String text = ran.applied().isEmpty() ? "No checks apply to " + ran.targetLanguage() + "."
                : "Checks for " + ran.targetLanguage() + ": " + String.join(", ", ran.applied()) + ".";
        if (!ran.notApplied().isEmpty()) {
            text += " Not for this language: " + String.join(", ", ran.notApplied()) + ".";
        }
        return text;
    }

    private static Anchor link(String href, String text, boolean download) {
        Anchor anchor = new Anchor(href, text);
        if (download) {
            anchor.setRouterIgnore(true);
            anchor.getElement().setAttribute("download", true);
            anchor.addClassName("qa-download");
        }
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return (document == null ? "QA report" : "QA · " + document.name()) + " · Workbench";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (document == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        subscription = checks.subscribe(document.id(), (changed, progress) -> ui.access(() -> {
            showProgress(progress);
            long now = System.currentTimeMillis();
            if (!progress.running() || (!changed.isEmpty() && now - lastRefresh >= REFRESH_MILLIS)) {
                refresh();
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.onDetach(detachEvent);
    }

    private void checkAgain() {
        showProgress(checks.recheck(document.id()));
        Notification.show("Checking " + document.name() + " again…", 2000, Notification.Position.BOTTOM_START);
    }

    private void showProgress(CheckProgress progress) {
        progressRow.setVisible(progress.running());
        progressBar.setValue(progress.share());
        progressText.setText("Checking: %d of %d segments".formatted(progress.checked(), progress.total()));
    }

    private void refresh() {
        lastRefresh = System.currentTimeMillis();
        counts = checks.counts(document.id());
        List<IssueCategory> present = Arrays.stream(IssueCategory.values()).filter(c -> counts.count(c) > 0)
                .toList();
        countGrid.setItems(present);
        totals.setText("%d open issues (%d errors, %d warnings, %d infos)%s".formatted(counts.total(),
                counts.count(IssueSeverity.ERROR), counts.count(IssueSeverity.WARNING),
                counts.count(IssueSeverity.INFO), counts.ignored() > 0 ? "; " + counts.ignored() + " ignored" : ""));
        issueGrid.setItems(checks.report(document.id(), showIgnored.getValue()));
    }

    Grid<ReportedIssue> issueGrid() {
        return issueGrid;
    }

    Grid<IssueCategory> countGrid() {
        return countGrid;
    }

    Button checkAgainButton() {
        return again;
    }

    Checkbox showIgnored() {
        return showIgnored;
    }

    boolean progressShown() {
        return progressRow.isVisible();
    }

    List<String> linkTargets() {
        return links.getChildren().map(c -> ((Anchor) c).getHref()).toList();
    }

    String checksText() {
        return checkedBy.getText();
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
