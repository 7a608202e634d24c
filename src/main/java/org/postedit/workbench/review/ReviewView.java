package org.postedit.workbench.review;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.postedit.workbench.check.CheckService;
import org.postedit.workbench.check.ProjectDictionary;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentFileActions;
import org.postedit.workbench.document.DocumentNotFoundException;
import org.postedit.workbench.document.DocumentProgress;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.glossary.ConceptDialog;
import org.postedit.workbench.glossary.GlossaryService;
import org.postedit.workbench.glossary.TermLookup;
import org.postedit.workbench.glossary.matching.TermMatcher;
import org.postedit.workbench.review.effort.EffortService;
import org.postedit.workbench.security.Permission;
import org.postedit.workbench.security.PermissionDeniedException;

/**
 * The review grid: one row per segment, paged from SQL, the target edited in place with the segment editor.
 * Keyboard first: the shortcuts are listed above the grid.
 */
@Route("review/:documentId")
@PermitAll
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver,
        HasDynamicTitle {

    private final DocumentService documents;
    private final DocumentFileActions fileActions;
    private final ReviewService review;
    private final AuthenticationContext authentication;

    private final Grid<Segment> grid = new Grid<>();
    private final SegmentEditor editor = new SegmentEditor();
    private final H2 title = new H2();
    private final Span summary = new Span();
    private final MultiSelectComboBox<SegmentStatus> statusFilter = new MultiSelectComboBox<>();
    private final TextField textFilter = new TextField();
    private final Checkbox regex = new Checkbox("Regex");
    private final TermLookup termLookup;
    private final GlossaryService glossary;
    private final TermPanel terms = new TermPanel(this::insertTerm);
    private final Div exportSlot = new Div();
    private Grid.Column<Segment> sourceColumn;
    private final ReviewChecks checks;

    private Document document;
    private ConfigurableFilterDataProvider<Segment, Void, SegmentFilter> dataProvider;
    private Segment focused;
    /** The segment open in the editor, at the version the reviewer edits (Ctrl+S moves it on); null when closed. */
    private Segment editing;
    private final SegmentComments comments;
    private final FindReplace findReplace;
    private final UnconfirmedSegments unconfirmed;
    private final CommentsPanel commentsPanel;
    private Map<Long, CommentCount> commentCounts = Map.of();
    /** True while a filter is put back after "keep editing", so that change is not guarded again. */
    private boolean restoringFilter;
    /** The document's glossary terms, taken when the view opens, for the marks in every row. */
    private TermMatcher matcher = TermMatcher.empty();
    private final SegmentInfoColumn info;
    private final LiveReviewGrid live;
    private final RepetitionPropagation repetitions;
    private final ReviewModeToggle reviewMode;

    public ReviewView(DocumentService documents, ReviewService review, AuthenticationContext authentication,
                      TermLookup termLookup, GlossaryService glossary, DocumentFileActions fileActions,
                      ReviewActivity activity, EffortService effort, Clock clock, SegmentComments comments,
                      FindReplace findReplace, UnconfirmedSegments unconfirmed, CheckService checkService,
                      ProjectDictionary dictionary) {
        this.documents = documents;
        this.fileActions = fileActions;
        this.comments = comments;
        this.findReplace = findReplace;
        this.unconfirmed = unconfirmed;
        this.commentsPanel = new CommentsPanel(comments, may(authentication, Permission.DISCUSS), this::user,
                this::refreshCommentCounts);
        this.termLookup = termLookup;
        this.glossary = glossary;
        this.review = review;
        this.authentication = authentication;
        // a word goes to the language, not the variant: a name is spelt the same in en-US and en-GB documents
        this.checks = new ReviewChecks(grid, editor, checkService, review, documents,
                (language, word) -> dictionary.add(java.util.Locale.forLanguageTag(language).getLanguage(), word,
                        user()), permissions(), user(), new ChecksHost());
        setSizeFull();
        setPadding(true);
        setSpacing(false);

        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
        summary.addClassName("shortcut-help");
        reviewMode = new ReviewModeToggle(documents, authentication, user());
        Button effortReport = new Button("Effort", e -> new EffortReportDialog(effort, document.id()).open());
        effortReport.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        effortReport.addClassName("effort-report-button");
        effortReport.setTooltipText("Post-editing effort of this document: TER, edit distance, time; CSV");
        HorizontalLayout heading = new HorizontalLayout(title, summary, exportSlot, reviewMode, effortReport);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        heading.setWrap(true);
        exportSlot.addClassName("review-actions");

        statusFilter.setItems(SegmentStatus.values());
        statusFilter.setItemLabelGenerator(SegmentStatus::label);
        statusFilter.setPlaceholder("All statuses");
        statusFilter.setAriaLabel("Status filter");
        statusFilter.addValueChangeListener(e -> filterChanged(() -> statusFilter.setValue(e.getOldValue())));
        textFilter.setPlaceholder("Find in source, MT or target");
        textFilter.setAriaLabel("Text filter");
        textFilter.setClearButtonVisible(true);
        textFilter.setValueChangeMode(ValueChangeMode.LAZY);
        textFilter.addValueChangeListener(e -> filterChanged(() -> textFilter.setValue(e.getOldValue())));
        textFilter.setWidth("18rem");
        regex.addValueChangeListener(e -> filterChanged(() -> regex.setValue(e.getOldValue())));
        Button confirmShown = new Button("Confirm all shown…", e -> confirmAllShown());
        confirmShown.addThemeVariants(ButtonVariant.LUMO_SMALL);
        confirmShown.setTooltipText("Confirm every segment the filter shows (approved and locked ones are skipped)");
        confirmShown.setVisible(may(authentication, Permission.EDIT_TARGETS));
        Button findButton = new Button("Find and replace", e -> openFindReplace());
        findButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        findButton.addClassName("find-replace-button");
        findButton.setTooltipText(ReviewShortcut.FIND_REPLACE.description() + " (" + ReviewShortcut.FIND_REPLACE.label()
                + ")");
        Button helpButton = new Button("Shortcuts", e -> openHelp());
        helpButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        helpButton.addClassName("shortcuts-button");
        helpButton.setTooltipText("Every keyboard shortcut (" + ReviewShortcut.HELP.label() + ")");
        HorizontalLayout filters = new HorizontalLayout(statusFilter);
        filters.add(checks.filters());
        filters.add(textFilter, regex, confirmShown, checks.progress(), findButton, helpButton);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        configureGrid();
        configureEditor();
        info = new SegmentInfoColumn(grid, documents, effort);
        live = new LiveReviewGrid(grid, editor, info, review, activity, effort, clock, user());
        // other rows, redrawn without closing the editor Ctrl+Enter opened meanwhile
        repetitions = new RepetitionPropagation(documents, review, user(), s -> RowRedraw.of(grid, s));
        grid.setHeightFull();
        Button addTerm = new Button("Add term", e -> {
            if (grid.getEditor().isOpen()) {
                editor.requestSelectedText(this::addTerm);
            } else {
                addTerm("");
            }
        });
        addTerm.addThemeVariants(ButtonVariant.LUMO_SMALL);
        addTerm.addClassName("add-term");
        addTerm.setTooltipText("Add the text selected in the editor to the glossary (Ctrl+Shift+G)");
        Button split = new Button("Split", e -> {
            if (grid.getEditor().isOpen()) {
                editor.requestCaretOffset(this::splitAt);
            } else {
                splitAt(-1);
            }
        });
        split.addThemeVariants(ButtonVariant.LUMO_SMALL);
        split.addClassName("split-segment");
        split.setTooltipText(ReviewShortcut.SPLIT.description() + " (" + ReviewShortcut.SPLIT.label() + ")");
        Button merge = new Button("Merge", e -> mergeWithNext());
        merge.addThemeVariants(ButtonVariant.LUMO_SMALL);
        merge.addClassName("merge-segment");
        merge.setTooltipText(ReviewShortcut.MERGE.description() + " (" + ReviewShortcut.MERGE.label() + ")");
        HorizontalLayout segmentActions = new HorizontalLayout(addTerm, split, merge);
        segmentActions.setSpacing(false);
        segmentActions.getStyle().set("gap", "var(--lumo-space-xs)");
        VerticalLayout side = new VerticalLayout(checks.panel(), terms, segmentActions, commentsPanel);
        side.setPadding(false);
        side.setSpacing(false);
        side.setWidth(null);
        side.getStyle().set("flex-shrink", "0");
        side.setHeightFull();
        side.setFlexGrow(1, checks.panel(), terms);
        HorizontalLayout body = new HorizontalLayout(grid, side);
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        add(heading, filters, shortcutHelp(), body);
        setFlexGrow(1, body);
        ShortcutHelpDialog.registerPageShortcuts(this, Map.of(
                ReviewShortcut.SAVE, this::saveInPlace,
                ReviewShortcut.FIND_REPLACE, this::openFindReplace,
                ReviewShortcut.HELP, this::openHelp));
    }

    /** Whether the signed-in user holds the permission: the same table the services and the API check. */
    private static boolean may(AuthenticationContext authentication, Permission permission) {
        return authentication.hasAnyRole(permission.roleNames());
    }

    private void configureGrid() {
        grid.addClassName("review-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_COLUMN_BORDERS);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.addColumn(Segment::ordinal).setHeader("#").setWidth("4.5rem").setFlexGrow(0);
        sourceColumn = grid.addColumn(SegmentEditor.readOnlyRenderer(
                        s -> s.source() == null ? TaggedText.EMPTY : s.source(), this::sourceTermMarks))
                .setHeader("Source").setFlexGrow(1).setKey("source");
        grid.addColumn(SegmentEditor.readOnlyRenderer(Segment::mt)).setHeader("MT").setFlexGrow(1).setKey("mt")
                .setPartNameGenerator(s -> "mt-cell");
        Grid.Column<Segment> target = grid.addColumn(SegmentEditor.readOnlyRenderer(Segment::target,
                        s -> checks.targetMarks(s, targetTermMarks(s))))
                .setHeader("Target").setFlexGrow(1).setKey("target");
        target.setEditorComponent(editor);
        checks.addCountColumn();
        grid.addComponentColumn(ReviewView::statusBadge).setHeader("Status").setWidth("7.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::historyButton).setHeader("").setWidth("3.5rem").setFlexGrow(0)
                .setKey("history");
        grid.addComponentColumn(s -> CommentsPanel.badge(commentCounts.getOrDefault(s.id(), CommentCount.NONE),
                        () -> grid.select(s)))
                .setHeader("Notes").setWidth("4.5rem").setFlexGrow(0).setKey("comments");
        grid.addCellFocusListener(e -> e.getItem().ifPresent(s -> focused = s));
        grid.addItemDoubleClickListener(e -> {
            if (editing == null || editing.id() != e.getItem().id()) {
                whenEditSafe("open segment " + e.getItem().ordinal(), () -> edit(e.getItem()), () -> { });
            }
        });
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(s -> {
            focused = s;
            showTerms(s, s.target(), false);
            commentsPanel.show(s);
        }));
        // Enter on a focused row opens its editor (the grid itself only moves focus with the arrow keys)
        Shortcuts.addShortcutListener(grid, () -> {
            if (!grid.getEditor().isOpen() && focused != null) {
                edit(focused);
            }
        }, Key.ENTER).listenOn(grid);
        // F8 / Shift+F8: next / previous segment with open check issues, from the grid or the editor
        Shortcuts.addShortcutListener(this, () -> checks.move(1, currentSegment()), Key.F8);
        Shortcuts.addShortcutListener(this, () -> checks.move(-1, currentSegment()), Key.F8, KeyModifier.SHIFT);
    }

    private Segment currentSegment() {
        Segment open = grid.getEditor().isOpen() ? grid.getEditor().getItem() : null;
        return open != null ? open : focused;
    }

    /** What the checks in the grid need of the view: its filter, moving, saving and the conflict dialog. */
    private final class ChecksHost implements ReviewChecks.Host {
        @Override
        public SegmentFilter currentFilter() {
            return ReviewView.this.currentFilter();
        }

        @Override
        public void filterChanged() {
            applyFilter();
        }

        @Override
        public void goTo(Segment segment, int index) {
            boolean editing = grid.getEditor().isOpen();
            grid.getEditor().cancel();
            grid.scrollToIndex(index);
            focused = segment;
            if (editing && !segment.locked()) {
                editWhenLoaded(segment, 5);
            } else {
                grid.select(segment);
                grid.focus();
            }
        }

        @Override
        public void conflict(Segment mine, TaggedText myText, Segment theirs) {
            showConflict(mine, myText, theirs);
        }

        @Override
        public void draftReplaced(Segment segment, TaggedText draft) {
            showTerms(segment, draft, true);
        }

        @Override
        public void saved(Segment segment) {
            updateSummary();
        }
    }

    private IssuesPanel.Permissions permissions() {
        // applying a suggestion writes the target; ignoring an issue is a note on the checks, as a comment is
        return new IssuesPanel.Permissions(may(authentication, Permission.EDIT_TARGETS),
                may(authentication, Permission.DISCUSS), may(authentication, Permission.EDIT_DICTIONARY));
    }

    private void configureEditor() {
        Editor<Segment> gridEditor = grid.getEditor();
        gridEditor.setBinder(new Binder<>(Segment.class));
        gridEditor.setBuffered(false);
        // closing shows the row as the editor last saved it (Ctrl+S saves without closing)
        gridEditor.addCloseListener(e -> {
            Segment fresh = editing;
            editing = null;
            if (fresh != null && e.getItem() != null && fresh.version() != e.getItem().version()) {
                grid.getDataProvider().refreshItem(fresh);
            }
        });
        editor.setWidthFull();
        editor.addSaveListener(e -> saveAndNext());
        editor.addCancelListener(e -> cancel());
        editor.addCopyMtListener(e -> {
            if (editing != null) {
                editor.replaceAsEdit(editing.mt());
            }
        });
        editor.addShortcutListener(e -> {
            ReviewShortcut shortcut = e.getShortcut();
            if (shortcut == ReviewShortcut.SAVE) {
                saveInPlace();
            } else if (shortcut == ReviewShortcut.COPY_SOURCE) {
                copySource();
            } else if (shortcut == ReviewShortcut.NEXT_UNCONFIRMED) {
                nextUnconfirmed();
            } else if (shortcut == ReviewShortcut.FIND_REPLACE) {
                openFindReplace();
            } else if (shortcut == ReviewShortcut.HELP) {
                openHelp();
            } else if (shortcut == ReviewShortcut.SPLIT) {
                splitAt(e.getCaret());
            } else if (shortcut == ReviewShortcut.MERGE) {
                mergeWithNext();
            }
        });
        editor.addDraftFoundListener(e -> {
            if (editing != null) {
                new DraftRecoveryNotice(editing.ordinal(), e.getSavedAt(), editor).open();
            }
        });
        editor.addNavigateListener(e -> move(e.getDirection() > 0 ? 1 : -1));
        editor.addAddTermListener(e -> addTerm(e.getSelection()));
        editor.addInputListener(e -> {
            Segment item = gridEditor.getItem();
            if (item != null) {
                showTerms(item, e.getValue(), true);
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get("documentId").flatMap(ReviewView::parse);
        try {
            document = documents.document(id.orElseThrow(() -> new DocumentNotFoundException(-1)));
        } catch (DocumentNotFoundException e) {
            event.forwardTo("");
            Notification.show("That document does not exist.");
            return;
        }
        title.setText(document.name());
        sourceColumn.setVisible(document.hasSource());
        matcher = termLookup.matcher(document.id());
        exportSlot.removeAll();
        exportSlot.add(org.postedit.workbench.document.ExportLinks.menu(document, fileActions, () -> {
            dataProvider.refreshAll();
            updateSummary();
        }));
        com.vaadin.flow.component.html.Anchor qa = new com.vaadin.flow.component.html.Anchor(
                "documents/" + document.id() + "/qa", "QA report");
        qa.addClassName("qa-report-link");
        exportSlot.add(qa);
        CallbackDataProvider<Segment, SegmentFilter> provider = new CallbackDataProvider<>(
                query -> info.prefetch(checks.prefetch(documents.page(document.id(),
                        query.getFilter().orElse(SegmentFilter.ALL),
                        query.getOffset(), query.getLimit()))).stream(),
                query -> documents.count(document.id(), query.getFilter().orElse(SegmentFilter.ALL)),
                Segment::id);
        dataProvider = provider.withConfigurableFilter();
        commentCounts = comments.counts(document.id());
        grid.setItems(dataProvider);
        live.watch(document.id());
        reviewMode.show(document);
        checks.open(document);
        updateSummary();
        // review/{id}?segment=N (links from the QA report) opens with segment N in view and selected
        event.getLocation().getQueryParameters().getSingleParameter("segment").flatMap(ReviewView::parse)
                .filter(n -> n >= 1 && n <= document.segmentCount())
                .ifPresent(ordinal -> {
                    grid.scrollToIndex(ordinal.intValue() - 1);
                    documents.page(document.id(), SegmentFilter.ALL, ordinal.intValue() - 1, 1).stream().findFirst()
                            .ifPresent(segment -> {
                                grid.select(segment);
                                focused = segment;
                            });
                });
    }

    @Override
    public String getPageTitle() {
        return (document == null ? "Review" : document.name()) + " · Workbench";
    }

    /** A filter changed: an unsaved edit is asked about first, and "keep editing" puts the filter back. */
    private void filterChanged(Runnable putBack) {
        if (restoringFilter) {
            return;
        }
        whenEditSafe("change the filter", this::applyFilter, () -> {
            restoringFilter = true;
            try {
                putBack.run();
            } finally {
                restoringFilter = false;
            }
        });
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!hasUnsavedEdit()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction navigation = event.postpone();
        new UnsavedEditDialog(editing.ordinal(), "leave this page", this::saveInPlace, editor::markClean,
                navigation::proceed, navigation::cancel).open();
    }

    /** True when the editor holds text the server has not saved. */
    boolean hasUnsavedEdit() {
        return editing != null && editor.isModified();
    }

    /**
     * Runs {@code proceed} at once when nothing is unsaved; else asks (keep editing / discard / save) and runs it
     * after a discard or a successful save, or {@code keep} when the reviewer stays.
     */
    private void whenEditSafe(String leaving, Runnable proceed, Runnable keep) {
        if (!hasUnsavedEdit()) {
            proceed.run();
            return;
        }
        new UnsavedEditDialog(editing.ordinal(), leaving, this::saveInPlace, editor::markClean, proceed, () -> {
            keep.run();
            editor.focus();
        }).open();
    }

    private void applyFilter() {
        if (dataProvider == null) {
            return;
        }
        grid.getEditor().cancel();
        Set<SegmentStatus> statuses = statusFilter.getValue().isEmpty() ? Set.of()
                : EnumSet.copyOf(statusFilter.getValue());
        dataProvider.setFilter(checks.narrow(new SegmentFilter(statuses, textFilter.getValue(), regex.getValue())));
    }

    private SegmentFilter currentFilter() {
        Set<SegmentStatus> statuses = statusFilter.getValue().isEmpty() ? Set.of()
                : EnumSet.copyOf(statusFilter.getValue());
        return checks.narrow(new SegmentFilter(statuses, textFilter.getValue(), regex.getValue()));
    }

    private void edit(Segment segment) {
        // the role first: a viewer is told why no segment opens, not that this one happens to be locked
        if (!may(authentication, Permission.EDIT_TARGETS)) {
            Notification.show("Your roles let you read this document, not edit its targets.");
            return;
        }
        if (segment.locked()) {
            Notification.show("Segment " + segment.ordinal() + " is locked in the file and cannot be edited.");
            return;
        }
        focused = segment;
        grid.select(segment);
        grid.getEditor().editItem(segment);
        editing = segment;
        editor.setValue(segment.target());
        editor.setDraftKey(draftKey(segment));
        showTerms(segment, segment.target(), true);
        editor.focusEnd();
    }

    /** The browser's draft of a segment is kept per segment and version: a draft of an older version is stale. */
    static String draftKey(Segment segment) {
        return segment.id() + "-" + segment.version();
    }

    /** Escape: leave the segment; unsaved changes are asked about first. */
    private void cancel() {
        whenEditSafe("leave the segment", () -> {
            Segment item = editing != null ? editing : grid.getEditor().getItem();
            editor.markClean();
            grid.getEditor().cancel();
            if (item != null) {
                grid.getDataProvider().refreshItem(item);
                grid.select(item);
            }
            grid.focus();
        }, () -> { });
    }

    /**
     * Ctrl+S: saves the text as it is (the segment becomes "edited", as any saved change of text does; only
     * Ctrl+Enter confirms) and stays in the segment.
     *
     * @return false when nothing could be saved (the reason is shown)
     */
    boolean saveInPlace() {
        Segment item = editing;
        if (item == null) {
            return true;
        }
        String codeProblem = editor.codeProblem();
        if (codeProblem != null) {
            error("Not saved: " + codeProblem + " Press Ctrl+Shift+M to start again from the MT.");
            return false;
        }
        if (!editor.isModified()) {
            Notification.show("Segment " + item.ordinal() + ": nothing to save.");
            return true;
        }
        TaggedText text = editor.getValue();
        try {
            Segment saved = review.save(item.id(), item.version(), text, user());
            editing = saved;
            editor.markClean();
            editor.setDraftKey(draftKey(saved));
            updateSummary();
            Notification.show("Segment " + saved.ordinal() + " saved (version " + saved.version() + ")");
            return true;
        } catch (StaleSegmentException e) {
            showConflict(item, text, e.current());
        } catch (SegmentEditRejectedException | PermissionDeniedException e) {
            error("Not saved: " + e.getMessage());
        }
        return false;
    }

    /**
     * Alt+Shift+T or the Split button: splits the open segment at the caret (an unsaved edit is saved first, so the
     * caret and the stored text agree) and opens the second part.
     */
    void splitAt(int caret) {
        if (editing == null) {
            Notification.show("Open a segment and put the caret where it should split.");
            return;
        }
        if (caret < 0) {
            Notification.show("Put the caret in the text where segment " + editing.ordinal() + " should split.");
            return;
        }
        if (editor.isModified() && !saveInPlace()) {
            return;
        }
        Segment item = editing;
        try {
            ReviewService.Split split = review.split(item.id(), item.version(), caret, user());
            reopenAfterRestructure(split.second());
            Notification.show("Segment " + item.ordinal() + " split: the second part is segment "
                    + split.second().ordinal() + ".");
        } catch (StaleSegmentException | SegmentEditRejectedException e) {
            error("Not split: " + e.getMessage());
        }
    }

    /** Alt+Shift+J or the Merge button: merges the open segment with the next one (an unsaved edit is saved first). */
    void mergeWithNext() {
        if (editing == null) {
            Notification.show("Open the segment to merge with the next one.");
            return;
        }
        if (editor.isModified() && !saveInPlace()) {
            return;
        }
        Segment item = editing;
        try {
            // the next segment as it is now (the grid may show an older copy): its version names what is merged
            Segment next = documents.page(document.id(), SegmentFilter.ALL, item.ordinal(), 1).stream().findFirst()
                    .orElse(null);
            Segment merged = review.merge(item.id(), item.version(), next == null ? -1 : next.version(), user());
            reopenAfterRestructure(merged);
            Notification.show("Segment " + merged.ordinal() + " merged with the next one.");
        } catch (StaleSegmentException | SegmentEditRejectedException e) {
            error("Not merged: " + e.getMessage());
        }
    }

    /** After a split or merge the ordinals below moved: every row is read again, and the editor opens on one. */
    private void reopenAfterRestructure(Segment open) {
        editor.markClean();
        editing = null;
        grid.getEditor().cancel();
        document = documents.document(document.id());
        grid.getDataProvider().refreshAll();
        updateSummary();
        int index = documents.indexOf(document.id(), currentFilter(), open.ordinal());
        grid.scrollToIndex(index);
        editWhenLoaded(open, 5);
    }

    /** Ctrl+Shift+S: the source as the new target, its tags mapped to the target's own. */
    private void copySource() {
        if (editing == null || editing.source() == null) {
            Notification.show("This document has no source text: Ctrl+Shift+M copies the MT.");
            return;
        }
        editor.replaceAsEdit(SourceCopy.intoTarget(editing.source(), editing.target()));
    }

    /** Ctrl+Shift+Down: the next segment the user's roles could still confirm, wherever it is. */
    private void nextUnconfirmed() {
        Segment from = editing != null ? editing : focused;
        if (document == null) {
            return;
        }
        whenEditSafe("go to the next unconfirmed segment", () -> {
            Optional<Segment> next = unconfirmed.after(document.id(), from == null ? 0 : from.ordinal());
            if (next.isEmpty()) {
                Notification.show("No other segment is waiting for your confirmation.");
                return;
            }
            SegmentFilter filter = currentFilter();
            int index = documents.indexOf(document.id(), filter, next.get().ordinal());
            List<Segment> at = documents.page(document.id(), filter, index, 1);
            if (at.isEmpty() || at.getFirst().id() != next.get().id()) {
                Notification.show("Segment " + next.get().ordinal() + " is next, but the filter hides it.");
                return;
            }
            editor.markClean();
            grid.getEditor().cancel();
            grid.scrollToIndex(index);
            editWhenLoaded(at.getFirst(), 5);
        }, () -> { });
    }

    void openHelp() {
        new ShortcutHelpDialog().open();
    }

    /** Ctrl+H: find in the whole document; replacing saves versions, so the open segment is closed first. */
    void openFindReplace() {
        if (document == null) {
            return;
        }
        whenEditSafe("open find and replace", () -> {
            editor.markClean();
            grid.getEditor().cancel();
            boolean editsTargets = may(authentication, Permission.EDIT_TARGETS);
            new FindReplaceDialog(findReplace, document.id(), editsTargets, this::user, outcome -> {
                grid.getDataProvider().refreshAll();
                updateSummary();
            }).open();
        }, () -> { });
    }

    private void refreshCommentCounts() {
        if (document == null) {
            return;
        }
        commentCounts = comments.counts(document.id());
        Segment shown = commentsPanel.segment();
        if (shown != null) {
            // the editor may be open on this very row
            RowRedraw.of(grid, editing != null && editing.id() == shown.id() ? editing : shown);
        }
    }

    private void saveAndNext() {
        Segment item = editing;
        if (item == null) {
            return;
        }
        String codeProblem = editor.codeProblem();
        if (codeProblem != null) {
            error("Not saved: " + codeProblem + " Press Ctrl+Shift+M to start again from the MT.");
            return;
        }
        TaggedText text = editor.getValue();
        try {
            // confirm: the highest status the reviewer's roles allow (edited, reviewed or approved)
            Segment saved = review.confirm(item.id(), item.version(), text, user());
            editor.markClean();
            checks.saved(saved);
            grid.getEditor().cancel();
            grid.getDataProvider().refreshItem(saved);
            updateSummary();
            moveFrom(saved, 1, true);
            repetitions.offer(saved);
        } catch (StaleSegmentException e) {
            showConflict(item, text, e.current());
        } catch (SegmentEditRejectedException | PermissionDeniedException e) {
            error("Not saved: " + e.getMessage());
        }
    }

    /** Ctrl+Up/Down in the editor: leave this segment unsaved and edit the previous or next one. */
    private void move(int step) {
        Segment from = editing;
        if (from != null) {
            whenEditSafe(step > 0 ? "go to the next segment" : "go to the previous segment", () -> {
                editor.markClean();
                grid.getEditor().cancel();
                moveFrom(from, step, false);
            }, () -> { });
        }
    }

    /** Opens the editor on the next editable segment in the current filter, scrolling it into view. */
    private void moveFrom(Segment from, int step, boolean afterSave) {
        SegmentFilter filter = currentFilter();
        int index = documents.indexOf(document.id(), filter, from.ordinal());
        // after a save the segment may have left the filter (e.g. "new" only): then the next one moved up
        boolean stillListed = filter.statuses().isEmpty() || filter.statuses().contains(SegmentStatus.EDITED);
        index += afterSave && !stillListed ? 0 : step;
        while (index >= 0) {
            List<Segment> next = documents.page(document.id(), filter, index, 1);
            if (next.isEmpty()) {
                Notification.show(step > 0 ? "That was the last segment." : "This is the first segment.");
                break;
            }
            Segment candidate = next.getFirst();
            if (!candidate.locked()) {
                int target = index;
                grid.scrollToIndex(target);
                // the grid loads the scrolled-to rows on the next round trip; open the editor once they are there
                editWhenLoaded(candidate, 5);
                return;
            }
            index += step;
        }
        grid.focus();
    }

    /**
     * The grid knows a row only once the client has fetched it; a row just scrolled to may still be on its way,
     * so try again after a round trip instead of failing.
     */
    private void editWhenLoaded(Segment segment, int attempts) {
        try {
            edit(segment);
        } catch (IllegalStateException | IllegalArgumentException notLoadedYet) {
            if (attempts > 0) {
                grid.getElement().executeJs("return new Promise(r => requestAnimationFrame(() => r(0)))")
                        .then(ignored -> editWhenLoaded(segment, attempts - 1));
            } else {
                grid.select(segment);
                grid.focus();
            }
        }
    }

    private void showConflict(Segment mine, TaggedText myText, Segment theirs) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Segment " + mine.ordinal() + " was changed meanwhile");
        Paragraph who = new Paragraph((theirs.updatedBy() == null ? "Someone" : theirs.updatedBy())
                + " saved version " + theirs.version() + " after you opened it. Nothing of yours was lost.");
        Div theirsText = new Div(new Span("Theirs: "), text(theirs.target(), "segment-text"));
        Div mineText = new Div(new Span("Yours: "), text(myText, "segment-text"));
        Div mtText = new Div(new Span("MT: "), text(mine.mt(), "segment-text"));
        Div changes = new Div(new Span("From yours to theirs: "),
                DiffText.of(WordDiff.between(myText.plainText(), theirs.target().plainText())));
        theirsText.addClassName("conflict-theirs");
        mineText.addClassName("conflict-mine");
        mtText.addClassName("conflict-mt");
        changes.addClassName("conflict-diff");
        Button keepMine = new Button("Save mine over theirs", e -> {
            dialog.close();
            try {
                Segment saved = review.save(mine.id(), theirs.version(), myText, user());
                editor.markClean();
                grid.getEditor().cancel();
                grid.getDataProvider().refreshItem(saved);
                updateSummary();
            } catch (RuntimeException ex) {
                error("Not saved: " + ex.getMessage());
            }
        });
        keepMine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button takeTheirs = new Button("Take theirs", e -> {
            dialog.close();
            grid.getEditor().cancel();
            grid.getDataProvider().refreshItem(theirs);
            edit(theirs);
            editor.focusEnd();
        });
        // the draft stays in the editor, now resting on their version (so the next save is no conflict again);
        // Ctrl+Z in the editor brings their text back, the dialog's texts are in the notification
        Button mergeByHand = new Button("Merge by hand", e -> {
            dialog.close();
            grid.getEditor().cancel();
            grid.getDataProvider().refreshItem(theirs);
            edit(theirs);
            editor.replaceAsEdit(myText);
            editor.focusEnd();   // the dialog's button had the focus: the keys go back to the editor
            Notification.show("Your text is in the editor, on " + (theirs.updatedBy() == null ? "their"
                    : theirs.updatedBy() + "'s") + " version " + theirs.version() + ": merge in what you need "
                    + "and save. Ctrl+Z shows theirs.", 8000, Notification.Position.BOTTOM_START);
        });
        takeTheirs.addClassName("conflict-take-theirs");
        keepMine.addClassName("conflict-keep-mine");
        mergeByHand.addClassName("conflict-merge");
        dialog.addClassName("conflict-dialog");
        dialog.add(new VerticalLayout(who, theirsText, mineText, mtText, changes));
        dialog.getFooter().add(takeTheirs, mergeByHand, keepMine);
        dialog.open();
    }

    /** Lists the glossary terms of a segment and underlines the target's terms in the open editor. */
    private void showTerms(Segment segment, TaggedText target, boolean inEditor) {
        String targetLanguage = document.targetLanguage();
        List<TermLookup.FoundTerm> sourceTerms = segment.source() == null || document.sourceLanguage() == null
                ? List.of() : termLookup.find(document.id(), document.sourceLanguage(), segment.source().plainText());
        List<TermLookup.FoundTerm> targetTerms = termLookup.find(document.id(), targetLanguage, target.plainText());
        terms.show(sourceTerms, targetTerms, targetLanguage);
        if (inEditor) {
            // the grid opens its editor at the end of the round trip, so isOpen() is no guide here
            checks.draftChanged(segment, target, TermPanel.marks(targetTerms, targetLanguage));
        } else {
            checks.selected(segment);
        }
    }

    private void insertTerm(String text) {
        if (grid.getEditor().isOpen()) {
            editor.insertText(text);
        } else {
            Notification.show("Open a segment (Enter) to insert \"" + text + "\".");
        }
    }

    /**
     * Ctrl+Shift+G or "Add term": a new concept with the selected text as the target term (and the segment's source
     * beside it) in the document's first glossary. Terminologists and administrators only.
     */
    void addTerm(String selection) {
        if (!may(authentication, Permission.EDIT_TERMINOLOGY)) {
            Notification.show("Adding to the glossary needs the terminologist or administrator role.");
            return;
        }
        Segment segment = grid.getEditor().getItem() != null ? grid.getEditor().getItem() : focused;
        String source = segment == null || segment.source() == null ? null : segment.source().plainText();
        ConceptDialog dialog = ConceptDialog.forSelection(glossary, glossary.documentGlossaries(document.id())
                        .getFirst(), user(), selection, document.targetLanguage(), document.sourceLanguage(), source,
                saved -> {
                    if (segment != null) {
                        showTerms(segment, grid.getEditor().isOpen() ? editor.getValue() : segment.target(),
                                grid.getEditor().isOpen());
                    }
                });
        dialog.open();
    }

    /** Glossary terms of the source, dotted in every row; the panel beside the grid says what to write. */
    private List<IssueMark> sourceTermMarks(Segment segment) {
        if (segment.source() == null || document == null || document.sourceLanguage() == null) {
            return List.of();
        }
        return matcher.find(document.sourceLanguage(), segment.source().plainText()).stream()
                .map(m -> new IssueMark(m.offset(), m.length(), "info", "Glossary term: " + m.term().text(),
                        List.of()))
                .toList();
    }

    /** Deprecated and forbidden target terms, underlined in every row. */
    private List<IssueMark> targetTermMarks(Segment segment) {
        if (document == null) {
            return List.of();
        }
        return matcher.find(document.targetLanguage(), segment.target().plainText()).stream()
                .filter(m -> m.term().status().toAvoid())
                .map(m -> new IssueMark(m.offset(), m.length(),
                        m.term().status() == org.postedit.workbench.glossary.matching.TermStatus.FORBIDDEN
                                ? "error" : "warning",
                        "Glossary: " + m.term().status().name().toLowerCase() + " term (see the Glossary panel)",
                        List.of()))
                .toList();
    }

    private void confirmAllShown() {
        SegmentFilter filter = currentFilter();
        int shown = documents.count(document.id(), filter);
        com.vaadin.flow.component.confirmdialog.ConfirmDialog dialog =
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog("Confirm " + shown + " segments?",
                        "Every segment the filter shows gets the status your roles allow, each as a new version. "
                                + "Approved and locked segments are skipped.", "Confirm all", e -> {
                            try {
                                int changed = review.confirmAll(document.id(), filter, user());
                                grid.getEditor().cancel();
                                grid.getDataProvider().refreshAll();
                                updateSummary();
                                Notification.show(changed + " segments confirmed");
                            } catch (RuntimeException ex) {
                                error("Not confirmed: " + ex.getMessage());
                            }
                        });
        dialog.setCancelable(true);
        dialog.open();
    }

    private Component historyButton(Segment segment) {
        Button history = new Button(com.vaadin.flow.component.icon.VaadinIcon.TIME_BACKWARD.create(),
                e -> openHistory(segment.id()));
        history.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        history.setAriaLabel("History of segment " + segment.ordinal());
        history.setTooltipText("Versions, diffs, restore");
        return history;
    }

    /** The versions of a segment with their diffs; restoring one saves it as a new version. */
    void openHistory(long segmentId) {
        Segment segment = review.segment(segmentId);
        boolean canRevert = !segment.locked() && may(authentication, Permission.EDIT_TARGETS);
        new VersionHistoryDialog(segment, review.history(segmentId), canRevert, toVersion -> {
            try {
                Segment current = review.segment(segmentId);
                Segment restored = review.revert(segmentId, current.version(), toVersion, user());
                grid.getEditor().cancel();
                grid.getDataProvider().refreshItem(restored);
                updateSummary();
                Notification.show("Segment " + restored.ordinal() + ": version " + toVersion
                        + " restored as version " + restored.version());
            } catch (RuntimeException ex) {
                error("Not restored: " + ex.getMessage());
            }
        }).open();
    }

    private void updateSummary() {
        DocumentProgress progress = documents.progress(document.id());
        StringBuilder text = new StringBuilder();
        text.append(document.hasSource() ? document.sourceLanguage() + " → " + document.targetLanguage()
                : document.targetLanguage() + " (MT only)");
        text.append(" · ").append(document.segmentCount()).append(" segments");
        for (SegmentStatus status : SegmentStatus.values()) {
            int n = progress.count(status);
            if (n > 0) {
                text.append(" · ").append(n).append(' ').append(status.label().toLowerCase());
            }
        }
        summary.setText(text.toString());
    }

    private String user() {
        return authentication.getPrincipalName().orElse("unknown");
    }

    /** The everyday keys above the grid, from the same list as the help overlay (F1). */
    private static Component shortcutHelp() {
        Div line = new Div();
        line.addClassName("shortcut-help");
        List<ReviewShortcut> everyday = List.of(ReviewShortcut.MOVE, ReviewShortcut.EDIT, ReviewShortcut.CONFIRM,
                ReviewShortcut.SAVE, ReviewShortcut.CANCEL, ReviewShortcut.NEXT_UNCONFIRMED, ReviewShortcut.COPY_MT,
                ReviewShortcut.COPY_SOURCE, ReviewShortcut.INSERT_CODE, ReviewShortcut.NEXT_ISSUE, ReviewShortcut.FIND_REPLACE,
                ReviewShortcut.HELP);
        for (ReviewShortcut shortcut : everyday) {
            if (line.getComponentCount() > 0) {
                line.add(new Span(" · "));
            }
            Span kbd = new Span(shortcut.label().split(" / ")[0]);
            kbd.addClassName("kbd");
            line.add(kbd, new Span(" " + shortcut.brief()));
        }
        return line;
    }

    private static Component text(TaggedText text, String className) {
        Span span = new Span(text == null ? "" : text.displayText());
        span.addClassNames("segment-text", className);
        return span;
    }

    private static Component statusBadge(Segment s) {
        Span badge = new Span(s.locked() ? "Locked" : s.status().label());
        badge.addClassNames("status-badge", s.locked() ? "status-locked" : "status-" + s.status().name().toLowerCase());
        return badge;
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void error(String message) {
        Notification n = new Notification(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }
}
