package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.DocumentsView;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * The review view's editing tools without a browser: the help overlay, Ctrl+S, the guard for unsaved edits,
 * draft recovery, comments, find and replace (preview first).
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "rita", roles = "REVIEWER")
class ReviewEditingViewTest extends org.postedit.workbench.SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    SegmentComments comments;

    @TempDir
    Path dir;

    @Test
    void theHelpOverlayListsEveryShortcutOfTheOneList() throws Exception {
        long id = importText("help.txt", "One sentence.");
        navigate("review/" + id, ReviewView.class);
        test(button("Shortcuts")).click();

        Dialog help = $(Dialog.class).withClassName("shortcut-help-dialog").single();
        List<String> texts = $(Span.class, help).all().stream().map(Span::getText).toList();
        for (ReviewShortcut shortcut : ReviewShortcut.values()) {
            assertThat(texts).contains(shortcut.description());
        }
        assertThat(texts).contains("Ctrl+S", "F1", "Ctrl+/", "Ctrl+Shift+S", "F9");
    }

    @Test
    void ctrlSSavesTheTextAndStaysInTheSegment() throws Exception {
        long id = importText("save.txt", "First sentence. Second sentence.");
        ReviewView view = navigate("review/" + id, ReviewView.class);
        Segment first = documents.segments(id).getFirst();
        SegmentEditor editor = openEditor(0);
        type(editor, "First sentence, saved with Ctrl+S.");
        assertThat(view.hasUnsavedEdit()).isTrue();

        assertThat(view.saveInPlace()).isTrue();

        Segment saved = review.segment(first.id());
        assertThat(saved.target().plainText()).isEqualTo("First sentence, saved with Ctrl+S.");
        assertThat(saved.version()).isEqualTo(first.version() + 1);
        assertThat(saved.status()).isEqualTo(SegmentStatus.EDITED);
        // still editing the same segment, now at the new version: nothing unsaved, the draft key moved on
        assertThat(view.hasUnsavedEdit()).isFalse();
        assertThat(editor.getElement().getProperty("draftKey")).isEqualTo(first.id() + "-" + saved.version());
        type(editor, "First sentence, saved twice.");
        assertThat(view.saveInPlace()).isTrue();
        assertThat(review.segment(first.id()).version()).isEqualTo(first.version() + 2);
    }

    @Test
    void aStaleSaveShowsTheirsMineAndTheMtAndMergeByHandKeepsTheDraftOnTheirVersion() throws Exception {
        long id = importText("conflict.txt", "The summit opened on Monday.");
        ReviewView view = navigate("review/" + id, ReviewView.class);
        Segment first = documents.segments(id).getFirst();
        SegmentEditor editor = openEditor(0);
        type(editor, "The summit opened on Monday, my draft.");
        // someone else saves the segment while this editor is open
        Segment theirs = review.save(first.id(), first.version(), TaggedText.plain("The summit began on Monday."),
                "ann");

        assertThat(view.saveInPlace()).isFalse();

        Dialog conflict = $(Dialog.class).withClassName("conflict-dialog").single();
        assertThat(text(conflict, "conflict-theirs")).contains("The summit began on Monday.");
        assertThat(text(conflict, "conflict-mine")).contains("The summit opened on Monday, my draft.");
        assertThat(text(conflict, "conflict-mt")).contains("The summit opened on Monday.");
        assertThat(text(conflict, "conflict-diff")).contains("began").contains("opened");
        assertThat(review.segment(first.id()).target().plainText()).isEqualTo("The summit began on Monday.");

        test($(Button.class, conflict).withClassName("conflict-merge").single()).click();

        // the editor is open on their version; what the reviewer merged by hand saves without a new conflict
        assertThat(grid().getEditor().isOpen()).isTrue();
        assertThat(grid().getEditor().getItem().version()).isEqualTo(theirs.version());
        type(editor, "The summit began on Monday, my draft.");
        assertThat(view.saveInPlace()).isTrue();
        Segment saved = review.segment(first.id());
        assertThat(saved.target().plainText()).isEqualTo("The summit began on Monday, my draft.");
        assertThat(saved.version()).isEqualTo(theirs.version() + 1);
    }

    private String text(Dialog dialog, String className) {
        return $(Div.class, dialog).withClassName(className).single().getElement().getTextRecursively();
    }

    @Test
    void changingTheFilterWithAnUnsavedEditAsksAndKeepingItPutsTheFilterBack() throws Exception {
        long id = importText("guard.txt", "Guard one. Guard two.");
        ReviewView view = navigate("review/" + id, ReviewView.class);
        Segment first = documents.segments(id).getFirst();
        SegmentEditor editor = openEditor(0);
        type(editor, "Guard one, edited.");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<SegmentStatus> statuses = $(MultiSelectComboBox.class).all().stream()
                .filter(c -> "Status filter".equals(((MultiSelectComboBox<?>) c).getElement()
                        .getProperty("accessibleName"))).findFirst().orElseThrow();

        statuses.setValue(Set.of(SegmentStatus.NEW));
        Dialog ask = $(Dialog.class).withClassName("unsaved-edit-dialog").single();
        test($(Button.class, ask).withClassName("keep-editing").single()).click();

        assertThat(statuses.getValue()).isEmpty();
        assertThat(view.hasUnsavedEdit()).isTrue();
        assertThat(editor.getValue().plainText()).isEqualTo("Guard one, edited.");
        assertThat(review.segment(first.id()).version()).isZero();

        statuses.setValue(Set.of(SegmentStatus.NEW));
        ask = $(Dialog.class).withClassName("unsaved-edit-dialog").single();
        test($(Button.class, ask).withClassName("save-changes").single()).click();

        assertThat(review.segment(first.id()).target().plainText()).isEqualTo("Guard one, edited.");
        assertThat(statuses.getValue()).containsExactly(SegmentStatus.NEW);
        assertThat(test(grid()).size()).isEqualTo(1);
    }

    @Test
    void leavingThePageWithAnUnsavedEditAsksAndDiscardGoesOn() throws Exception {
        long id = importText("leave.txt", "Leave me.");
        navigate("review/" + id, ReviewView.class);
        SegmentEditor editor = openEditor(0);
        type(editor, "Leave me, edited.");

        com.vaadin.flow.component.UI.getCurrent().navigate("");
        // postponed: still on the review view, asked
        assertThat($(ReviewView.class).all()).hasSize(1);
        Dialog ask = $(Dialog.class).withClassName("unsaved-edit-dialog").single();
        test($(Button.class, ask).withClassName("discard-changes").single()).click();

        assertThat($(DocumentsView.class).all()).hasSize(1);
        assertThat(documents.segments(id).getFirst().version()).isZero();
    }

    @Test
    void aDraftFoundInTheBrowserIsOfferedBack() throws Exception {
        long id = importText("draft.txt", "Draft me.");
        navigate("review/" + id, ReviewView.class);
        SegmentEditor editor = openEditor(0);
        Segment first = documents.segments(id).getFirst();
        assertThat(editor.getElement().getProperty("draftKey")).isEqualTo(first.id() + "-0");

        ComponentUtil.fireEvent(editor, new SegmentEditor.DraftFoundEvent(editor, true, 1.7e12));

        DraftRecoveryNotice notice = $(DraftRecoveryNotice.class).single();
        assertThat($(Span.class, notice).all()).anySatisfy(s -> assertThat(s.getText())
                .startsWith("Segment 1 has an unsaved draft"));
        test($(Button.class, notice).withClassName("restore-draft").single()).click();
        assertThat(notice.isOpened()).isFalse();
    }

    @Test
    void commentsAreAddedAndResolvedInThePanelAndCountedInTheGrid() throws Exception {
        long id = importText("comments.txt", "Comment here. Not here.");
        navigate("review/" + id, ReviewView.class);
        Segment first = documents.segments(id).getFirst();
        test(grid()).select(0);

        CommentsPanel panel = $(CommentsPanel.class).single();
        TextArea text = $(TextArea.class, panel).single();
        test(text).setValue("Is the date format right?");
        test($(Button.class, panel).withText("Comment").single()).click();

        assertThat(comments.thread(first.id())).singleElement()
                .satisfies(c -> assertThat(c.author()).isEqualTo("rita"));
        assertThat($(Span.class, panel).all()).anySatisfy(s -> assertThat(s.getText()).startsWith("rita · "));
        Button badge = (Button) test(grid()).getCellComponent(0, "comments");
        assertThat(badge.getText()).isEqualTo("1");

        test($(Button.class, panel).withClassName("resolve-comment").single()).click();
        assertThat(comments.thread(first.id()).getFirst().resolved()).isTrue();
        assertThat(((Button) test(grid()).getCellComponent(0, "comments")).getClassNames())
                .contains("comments-resolved");
    }

    @Test
    void commentingOnTheSegmentBeingEditedKeepsTheEditorAndItsDraft() throws Exception {
        long id = importText("comment-while-editing.txt", "Comment while editing. Another one.");
        ReviewView view = navigate("review/" + id, ReviewView.class);
        Segment first = documents.segments(id).getFirst();
        SegmentEditor editor = openEditor(0);
        type(editor, "Comment while editing, a draft.");

        CommentsPanel panel = $(CommentsPanel.class).single();
        test($(TextArea.class, panel).single()).setValue("Should this be one sentence?");
        test($(Button.class, panel).withText("Comment").single()).click();

        assertThat(comments.thread(first.id())).hasSize(1);
        assertThat(((Button) test(grid()).getCellComponent(0, "comments")).getText()).isEqualTo("1");
        // the comment count's redraw must not close the editor (Grid closes it on a data provider event)
        assertThat(grid().getEditor().isOpen()).isTrue();
        assertThat(view.hasUnsavedEdit()).isTrue();
        assertThat(editor.getValue().plainText()).isEqualTo("Comment while editing, a draft.");
    }

    @Test
    void replaceAllShowsEveryChangeFirstAndSavesOnlyWhenConfirmed() throws Exception {
        long id = importText("replace.txt", "The colour is red. The colour is blue. No match here.");
        navigate("review/" + id, ReviewView.class);
        test(button("Find and replace")).click();
        FindReplaceDialog dialog = $(FindReplaceDialog.class).single();

        test(dialog.find).setValue("colour");
        test($(Button.class, dialog).withClassName("find-button").single()).click();
        assertThat($(Span.class, dialog).withClassName("find-summary").single().getText())
                .isEqualTo("4 hits in 2 segments");
        assertThat($(Span.class, dialog).withClassName("find-match").all()).hasSize(4);

        test(dialog.replaceWith).setValue("color");
        test($(Button.class, dialog).withClassName("replace-all-button").single()).click();
        assertThat($(Span.class, dialog).withClassName("diff-ins").all()).extracting(Span::getText)
                .containsExactly("color", "color");
        assertThat(documents.segments(id)).allSatisfy(s -> assertThat(s.version()).isZero());

        test($(Button.class, dialog).withClassName("confirm-replace").single()).click();
        List<Segment> after = documents.segments(id);
        assertThat(after).extracting(s -> s.target().plainText())
                .containsExactly("The color is red.", "The color is blue.", "No match here.");
        assertThat(after.get(0).version()).isEqualTo(1);
        assertThat(after.get(2).version()).isZero();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class, dialog).withClassName("replace-outcome")
                .single().getText()).isEqualTo("2 replaced.");
    }

    @Test
    @WithMockUser(username = "vic", roles = "VIEWER")
    void viewersReadCommentsAndFindButNeitherCommentNorReplace() throws Exception {
        long id = importText("viewer.txt", "Read only here.");
        Segment first = documents.segments(id).getFirst();
        org.postedit.workbench.TestSecurity.runAs(applicationContext, "rita",
                () -> comments.add(first.id(), "A note for everyone.", "rita"), "REVIEWER");
        navigate("review/" + id, ReviewView.class);
        test(grid()).select(0);

        CommentsPanel panel = $(CommentsPanel.class).single();
        assertThat($(com.vaadin.flow.component.html.Div.class, panel).withClassName("comment-text").single().getText())
                .isEqualTo("A note for everyone.");
        assertThat($(TextArea.class, panel).all()).isEmpty();
        assertThat($(Button.class, panel).withClassName("resolve-comment").all()).isEmpty();

        test(button("Find and replace")).click();
        FindReplaceDialog dialog = $(FindReplaceDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Find");
        assertThat($(Button.class, dialog).withClassName("replace-all-button").all()).isEmpty();
    }

    private SegmentEditor openEditor(int row) {
        test(grid()).doubleClickRow(row);
        assertThat(grid().getEditor().getItem()).isEqualTo(test(grid()).getRow(row));
        return (SegmentEditor) grid().getColumnByKey("target").getEditorComponent();
    }

    /** As the browser sends it: the runs JSON of plain text. */
    private static void type(SegmentEditor editor, String text) {
        editor.acceptClientValue("[{\"t\":\"" + text.replace("\"", "\\\"") + "\"}]");
    }

    private Button button(String text) {
        return $(Button.class).withText(text).single();
    }

    @SuppressWarnings("unchecked")
    private Grid<Segment> grid() {
        return $(Grid.class).all().stream().filter(g -> g.getColumnByKey("target") != null).findFirst()
                .orElseThrow();
    }

    private long importText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
    }
}
