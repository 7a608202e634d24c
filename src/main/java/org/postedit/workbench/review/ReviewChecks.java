package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.postedit.workbench.check.CheckProgress;
import org.postedit.workbench.check.CheckService;
import org.postedit.workbench.check.CheckSubscription;
import org.postedit.workbench.check.CheckedText;
import org.postedit.workbench.check.Issue;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.TaggedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality checks in the review grid: underlines from the stored issues in every target cell and from a fresh
 * check of the draft in the open editor, an issue count column, the "with issues" and category filters, "next
 * issue" / "previous issue", the issues panel of the selected segment and its actions, and live updates (rows and
 * a progress indicator) while the checks of the document run. {@link ReviewView} only wires it in.
 */
final class ReviewChecks implements IssuesPanel.Actions {

    private static final Logger log = LoggerFactory.getLogger(ReviewChecks.class);
    /** More changed rows than this in one push refresh the whole grid instead of row by row. */
    private static final int ROW_REFRESH_LIMIT = 100;

    /** What the view does for the checks: the parts of editing and moving it owns. */
    interface Host {
        /** The filter the view shows, issue filters included. */
        SegmentFilter currentFilter();

        /** The user changed an issue filter. */
        void filterChanged();

        /** Scrolls to the segment (at this index of the current filter), selects it, and edits it when editing. */
        void goTo(Segment segment, int index);

        /** Someone saved the segment since it was shown: the view's conflict dialog. */
        void conflict(Segment mine, TaggedText myText, Segment theirs);

        /** A suggestion from the panel changed the draft in the open editor: show it and check it again. */
        void draftReplaced(Segment segment, TaggedText draft);

        /** A segment was saved from here: the summary and anything else the view shows about it. */
        void saved(Segment segment);
    }

    /** Where words go on "Add to dictionary". */
    interface Dictionary {
        void add(String language, String word);
    }

    private final Grid<Segment> grid;
    private final SegmentEditor editor;
    private final CheckService checks;
    private final ReviewService review;
    private final DocumentService documents;
    private final Dictionary dictionary;
    private final String user;
    private final Host host;
    private final PageIssues pageIssues;
    private final DraftChecks draftChecks;
    private final IssuesPanel panel;
    private final Checkbox withIssues = new Checkbox("With issues");
    private final MultiSelectComboBox<IssueCategory> categories = new MultiSelectComboBox<>();
    private final ProgressBar progressBar = new ProgressBar();
    private final Span progressText = new Span();
    private final Div progress = new Div(progressText, progressBar);

    private Document document;
    private CheckSubscription subscription;
    /** The segment the panel shows. */
    private Segment shown;
    /** The editor's segment, its draft as last checked, and what the check found in it. */
    private Segment editing;
    private TaggedText draft;
    private List<Issue> draftIssues;
    private List<IssueMark> termMarks = List.of();

    ReviewChecks(Grid<Segment> grid, SegmentEditor editor, CheckService checks, ReviewService review,
                 DocumentService documents, Dictionary dictionary, IssuesPanel.Permissions permissions, String user,
                 Host host) {
        this.grid = grid;
        this.editor = editor;
        this.checks = checks;
        this.review = review;
        this.documents = documents;
        this.dictionary = dictionary;
        this.user = user;
        this.host = host;
        this.pageIssues = new PageIssues(checks);
        this.draftChecks = new DraftChecks(checks);
        this.panel = new IssuesPanel(this);
        panel.permit(new IssuesPanel.Permissions(permissions.edit(), permissions.ignore(),
                permissions.addWords() && dictionary != null));

        withIssues.addClassName("issues-filter");
        withIssues.setTooltipText("Only segments with open check issues");
        withIssues.addValueChangeListener(e -> {
            if (!e.getValue() && !categories.isEmpty()) {
                categories.clear();
            }
            host.filterChanged();
        });
        categories.setItems(IssueCategory.values());
        categories.setItemLabelGenerator(IssueMarks::label);
        categories.setPlaceholder("Any issue");
        categories.setAriaLabel("Issue category filter");
        categories.addClassName("issue-category-filter");
        categories.setWidth("11rem");
        categories.addValueChangeListener(e -> host.filterChanged());

        progressBar.setWidth("8rem");
        progressText.addClassName("shortcut-help");
        progress.addClassName("check-progress");
        progress.getStyle().set("display", "flex").set("gap", "0.5em").set("align-items", "center");
        progress.setVisible(false);

        grid.getEditor().addCloseListener(e -> editorClosed());
        grid.addAttachListener(e -> subscribe());
        grid.addDetachListener(e -> unsubscribe());
    }

    // ---- parts the view places ----

    IssuesPanel panel() {
        return panel;
    }

    Component[] filters() {
        return new Component[] {withIssues, categories};
    }

    Component progress() {
        return progress;
    }

    /** The per-row count of open issues, worst severity coloured. */
    Grid.Column<Segment> addCountColumn() {
        return grid.addColumn(LitRenderer.<Segment>of(
                        "<span class='issue-count issue-${item.severity}' title='${item.title}'>${item.count}</span>")
                        .withProperty("count", s -> {
                            int n = pageIssues.issues(s).size();
                            return n == 0 ? "" : String.valueOf(n);
                        })
                        .withProperty("severity", s -> worst(pageIssues.issues(s)))
                        .withProperty("title", s -> title(pageIssues.issues(s))))
                .setHeader("Issues").setKey("issues").setWidth("4.5rem").setFlexGrow(0);
    }

    // ---- the document ----

    void open(Document document) {
        this.document = document;
        pageIssues.forgetAll();
        panel.showChecks(checks.checksFor(document.targetLanguage()));
        panel.clear("Select a segment to see its issues.");
        shown = null;
        // a glossary or dictionary change since the last visit makes the stored checks stale: run them again
        showProgress(checks.ensureChecked(document.id()));
        subscribe();
    }

    /** The data provider's page: the issues of its rows are read now, in one query. */
    List<Segment> prefetch(List<Segment> page) {
        return pageIssues.prefetch(page);
    }

    /** The view's filter narrowed by the issue filters. */
    SegmentFilter narrow(SegmentFilter filter) {
        Set<String> chosen = categories.getValue().stream().map(Enum::name).collect(Collectors.toSet());
        return filter.withIssues(withIssues.getValue() || !chosen.isEmpty(), chosen);
    }

    /** Underlines of a grid row's target: its stored open issues and its glossary terms to avoid. */
    List<IssueMark> targetMarks(Segment segment, List<IssueMark> terms) {
        return IssueMarks.merge(IssueMarks.of(pageIssues.issues(segment)), terms);
    }

    // ---- selection and the editor ----

    /** The grid selected a row: the panel lists its issues (the draft's when it is the one being edited). */
    void selected(Segment segment) {
        shown = segment;
        if (editing != null && editing.id() == segment.id() && draftIssues != null) {
            showDraftInPanel();
        } else {
            showStored(segment);
        }
    }

    /**
     * The editor shows {@code text} for {@code segment} (just opened, typed into, a suggestion applied): underline
     * what the stored check found when it is the stored text, and check the draft again.
     */
    void draftChanged(Segment segment, TaggedText text, List<IssueMark> terms) {
        UI ui = UI.getCurrent();
        boolean newSegment = editing == null || editing.id() != segment.id();
        editing = segment;
        termMarks = terms;
        if (newSegment) {
            draft = null;
            draftIssues = null;
        }
        if (newSegment && text.plainText().equals(segment.target().plainText())) {
            List<Issue> stored = pageIssues.issues(segment);
            editor.setIssues(IssueMarks.merge(IssueMarks.of(stored), terms));
            shown = segment;
            panel.show(segment.ordinal(), stored, text.plainText(), true);
        } else if (!newSegment && draftIssues != null && draft != null
                && draft.plainText().equals(text.plainText())) {
            // only the terms changed (a term was added): the issues stand
            editor.setIssues(IssueMarks.merge(IssueMarks.of(draftIssues), terms));
            return;
        }
        if (ui == null || document == null) {
            return;
        }
        CheckedText checked = CheckedText.of(document, segment, text);
        draftChecks.check(ui, checked, found -> {
            if (editing == null || editing.id() != segment.id()) {
                return;
            }
            draft = text;
            draftIssues = found;
            editor.setIssues(IssueMarks.merge(IssueMarks.of(found), termMarks));
            if (shown == null || shown.id() == segment.id()) {
                shown = segment;
                showDraftInPanel();
            }
        });
    }

    /**
     * The editor's segment was saved: when the draft checked last is exactly the saved text, its issues stand for
     * the row until the stored check (moments later) replaces them.
     */
    void saved(Segment segment) {
        if (draft != null && draftIssues != null && draft.plainText().equals(segment.target().plainText())) {
            pageIssues.remember(segment, draftIssues);
        }
    }

    private void editorClosed() {
        draftChecks.cancel();
        Segment was = editing;
        editing = null;
        draft = null;
        draftIssues = null;
        if (was != null && shown != null && shown.id() == was.id()) {
            showStored(review.segment(was.id()));
        }
    }

    private void showStored(Segment segment) {
        shown = segment;
        panel.show(segment.ordinal(), pageIssues.issues(segment), segment.target().plainText(), true);
    }

    private void showDraftInPanel() {
        boolean stored = draft.plainText().equals(editing.target().plainText());
        panel.show(editing.ordinal(), draftIssues, draft.plainText(), stored);
    }

    // ---- next / previous issue ----

    /** Moves to the next (+1) or previous (-1) segment with open issues in the current filter, in document order. */
    void move(int step, Segment from) {
        if (document == null) {
            return;
        }
        SegmentFilter view = host.currentFilter();
        SegmentFilter filter = view.filtersIssues() ? view : view.withIssues(true, Set.of());
        int ordinal = from == null ? (step > 0 ? 0 : Integer.MAX_VALUE) : from.ordinal();
        // indexOf counts the filtered segments before an ordinal: the next one with issues is at that index
        int index = step > 0 ? documents.indexOf(document.id(), filter, ordinal + 1)
                : documents.indexOf(document.id(), filter, ordinal) - 1;
        List<Segment> next = index < 0 ? List.of() : documents.page(document.id(), filter, index, 1);
        if (next.isEmpty()) {
            Notification.show(step > 0 ? "No more segments with issues below." : "No segments with issues above.");
            return;
        }
        Segment target = next.getFirst();
        host.goTo(target, documents.indexOf(document.id(), view, target.ordinal()));
    }

    // ---- panel actions ----

    @Override
    public void apply(Issue issue, String suggestion) {
        Segment segment = shown;
        if (segment == null) {
            return;
        }
        if (editing != null && editing.id() == segment.id() && grid.getEditor().isOpen()) {
            TaggedText current = editor.getValue();
            TaggedText changed = TextEdit.replace(current, issue.offset(), issue.length(), suggestion);
            if (changed == null || !current.plainText().equals(panel.text())) {
                Notification.show("The text changed since it was checked; wait for the check to catch up.");
                return;
            }
            editor.setValue(changed);
            host.draftReplaced(segment, changed);
            return;
        }
        TaggedText changed = TextEdit.replace(segment.target(), issue.offset(), issue.length(), suggestion);
        if (changed == null) {
            Notification.show("That issue no longer fits the segment's text.");
            return;
        }
        try {
            Segment saved = review.save(segment.id(), segment.version(), changed, user);
            grid.getDataProvider().refreshItem(saved);
            showStored(saved);
            host.saved(saved);
        } catch (StaleSegmentException e) {
            host.conflict(segment, changed, e.current());
        } catch (SegmentEditRejectedException | IllegalArgumentException e) {
            error("Not saved: " + e.getMessage());
        } catch (org.postedit.workbench.security.PermissionDeniedException e) {
            error("Not saved: " + e.getMessage());
        }
    }

    @Override
    public void ignore(Issue issue) {
        Segment segment = shown;
        if (segment == null) {
            return;
        }
        try {
            checks.ignore(segment.id(), issue, user);
        } catch (RuntimeException e) {
            error("Not ignored: " + e.getMessage());
            return;
        }
        refreshRows(Set.of(segment.id()));
        recheckDraft();
        String covered = issue.in(segment.target().plainText());
        undoable("Ignored in segment " + segment.ordinal() + ".",
                () -> checks.unignore(segment.id(), issue.checker(), issue.ruleId(), covered),
                Set.of(segment.id()));
    }

    @Override
    public void ignoreRule(Issue issue) {
        try {
            checks.ignoreRule(document.id(), issue.checker(), issue.ruleId(), user);
        } catch (RuntimeException e) {
            error("Not ignored: " + e.getMessage());
            return;
        }
        // the service tells every open grid (this one too, pushed) which rows lost the issue; with no editor open
        // to disturb, this grid redraws at once
        pageIssues.forgetAll();
        if (!grid.getEditor().isOpen()) {
            grid.getDataProvider().refreshAll();
        }
        reshow();
        recheckDraft();
        undoable("Rule " + issue.ruleId() + " ignored in this document.",
                () -> checks.unignoreRule(document.id(), issue.checker(), issue.ruleId()), null);
    }

    @Override
    public void addToDictionary(Issue issue, String word) {
        if (dictionary == null) {
            return;
        }
        try {
            dictionary.add(document.targetLanguage(), word);
        } catch (RuntimeException e) {
            error("Not added: " + e.getMessage());
            return;
        }
        Notification.show("“" + word + "” added to the project dictionary; the document is being checked again.");
        // the dictionary's version is part of the spelling checker's settings: every segment's check is stale now
        showProgress(checks.ensureChecked(document.id()));
        recheckDraft();
    }

    private void undoable(String message, Runnable undo, Set<Long> rows) {
        Notification notification = new Notification();
        notification.setDuration(6000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        com.vaadin.flow.component.button.Button undoButton = new com.vaadin.flow.component.button.Button("Undo",
                e -> {
                    notification.close();
                    try {
                        undo.run();
                    } catch (RuntimeException ex) {
                        error("Not undone: " + ex.getMessage());
                        return;
                    }
                    if (rows == null) {
                        pageIssues.forgetAll();
                        if (!grid.getEditor().isOpen()) {
                            grid.getDataProvider().refreshAll();
                        }
                    } else {
                        refreshRows(rows);
                    }
                    reshow();
                    recheckDraft();
                });
        undoButton.addClassName("issue-undo");
        com.vaadin.flow.component.orderedlayout.HorizontalLayout content =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(new Span(message), undoButton);
        content.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        notification.add(content);
        notification.open();
    }

    /** The editor's text checked again (after an ignore or a new dictionary word), if a segment is open. */
    private void recheckDraft() {
        if (editing != null && grid.getEditor().isOpen()) {
            draftIssues = null;
            draftChanged(editing, editor.getValue(), termMarks);
        }
    }

    private void reshow() {
        if (shown == null) {
            return;
        }
        if (editing != null && editing.id() == shown.id() && draftIssues != null) {
            showDraftInPanel();
        } else {
            showStored(review.segment(shown.id()));
        }
    }

    // ---- live ----

    private void subscribe() {
        unsubscribe();
        UI ui = grid.getUI().orElse(null);
        if (document == null || ui == null) {
            return;
        }
        long documentId = document.id();
        subscription = checks.subscribe(documentId, (changed, progress) -> ui.access(() -> {
            if (document == null || document.id() != documentId) {
                return;
            }
            showProgress(progress);
            refreshRows(changed);
        }));
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        draftChecks.cancel();
    }

    /** Rows whose issues changed: read again (one query) and redrawn, the open editor's row left alone. */
    private void refreshRows(Set<Long> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Segment open = grid.getEditor().isOpen() ? grid.getEditor().getItem() : null;
        if (changed.size() > ROW_REFRESH_LIMIT) {
            pageIssues.forgetAll();
            if (open == null) {
                grid.getDataProvider().refreshAll();
            }
        } else {
            List<Segment> loaded = new ArrayList<>();
            for (long id : changed) {
                if (pageIssues.isLoaded(id) && (open == null || open.id() != id)) {
                    try {
                        loaded.add(review.segment(id));
                    } catch (SegmentNotFoundException gone) {
                        log.debug("Segment {} went away before its row was refreshed", id);
                    }
                }
            }
            pageIssues.reload(loaded);
            loaded.forEach(s -> RowRedraw.of(grid, s));
        }
        if (shown != null && changed.contains(shown.id()) && (editing == null || editing.id() != shown.id())) {
            showStored(review.segment(shown.id()));
        }
    }

    private void showProgress(CheckProgress state) {
        progress.setVisible(state.running());
        progressBar.setValue(state.share());
        progressText.setText("Checking " + state.checked() + " of " + state.total());
    }

    boolean progressShown() {
        return progress.isVisible();
    }

    // ---- helpers ----

    private static String worst(List<Issue> issues) {
        return issues.stream().map(Issue::severity).min(Comparator.naturalOrder())
                .map(IssueMarks::severity).orElse("none");
    }

    private static String title(List<Issue> issues) {
        if (issues.isEmpty()) {
            return "";
        }
        EnumSet<IssueCategory> kinds = EnumSet.noneOf(IssueCategory.class);
        issues.forEach(i -> kinds.add(i.category()));
        return issues.size() + " open issue" + (issues.size() == 1 ? "" : "s") + ": "
                + kinds.stream().map(IssueMarks::label).collect(Collectors.joining(", "));
    }

    private static void error(String message) {
        Notification n = new Notification(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR);
        n.open();
    }

    Optional<Segment> shownSegment() {
        return Optional.ofNullable(shown);
    }

    List<String> panelRows() {
        return panel.rowTexts();
    }
}
