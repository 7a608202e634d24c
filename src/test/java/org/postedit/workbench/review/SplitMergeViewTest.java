package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** Split and merge from the review grid without a browser: the editor's shortcut event carries the caret. */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "rita", roles = "REVIEWER")
class SplitMergeViewTest extends org.postedit.workbench.SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;

    @TempDir
    Path dir;

    @Test
    void theSplitShortcutSavesTheEditSplitsAtTheCaretAndOpensTheSecondPart() throws Exception {
        long id = importText("split.txt", "The summit opened today and the talks began. Closing words.");
        navigate("review/" + id, ReviewView.class);
        SegmentEditor editor = openEditor(0);
        // an unsaved edit: it is saved first, so the caret counts in the text the reviewer sees
        editor.acceptClientValue("[{\"t\":\"The summit opened today, and the talks began.\"}]");
        int caret = "The summit opened today,".length();

        ComponentUtil.fireEvent(editor, new SegmentEditor.ShortcutEvent(editor, true, null,
                ReviewShortcut.SPLIT.action(), (double) caret));

        List<Segment> segments = documents.segments(id);
        assertThat(segments).extracting(s -> s.target().plainText()).containsExactly("The summit opened today,",
                "and the talks began.", "Closing words.");
        assertThat(segments).extracting(Segment::ordinal).containsExactly(1, 2, 3);
        assertThat(review.history(segments.getFirst().id())).extracting(SegmentVersion::comment)
                .containsExactly(null, "split: second part is #2");
        assertThat(test(grid()).size()).isEqualTo(3);
        assertThat(grid().getEditor().getItem()).isEqualTo(segments.get(1));
        assertThat(editor.getValue().plainText()).isEqualTo("and the talks began.");
    }

    @Test
    void aSplitWithoutACaretOrOnAnApprovedSegmentIsExplainedAndChangesNothing() throws Exception {
        long id = importText("refused.txt", "Only one sentence, here.");
        navigate("review/" + id, ReviewView.class);
        SegmentEditor editor = openEditor(0);
        ComponentUtil.fireEvent(editor, new SegmentEditor.ShortcutEvent(editor, true, null,
                ReviewShortcut.SPLIT.action(), -1.0));
        assertThat(notifications()).anyMatch(text -> text.contains("Put the caret in the text"));
        ComponentUtil.fireEvent(editor, new SegmentEditor.ShortcutEvent(editor, true, null,
                ReviewShortcut.SPLIT.action(), 0.0));
        assertThat(notifications()).anyMatch(text -> text.contains("Not split") && text.contains("both parts"));
        assertThat(documents.segments(id)).hasSize(1);
    }

    @Test
    void theMergeShortcutJoinsTheNextSegmentAndKeepsTheEditorOnTheResult() throws Exception {
        long id = importText("merge.txt", "First sentence here. Second sentence here. Third sentence here.");
        navigate("review/" + id, ReviewView.class);
        SegmentEditor editor = openEditor(0);
        ComponentUtil.fireEvent(editor, new SegmentEditor.ShortcutEvent(editor, true, null,
                ReviewShortcut.MERGE.action(), 3.0));
        List<Segment> segments = documents.segments(id);
        assertThat(segments).extracting(s -> s.target().plainText()).containsExactly(
                "First sentence here. Second sentence here.", "Third sentence here.");
        assertThat(test(grid()).size()).isEqualTo(2);
        assertThat(grid().getEditor().getItem()).isEqualTo(segments.getFirst());

        // the last segment has nothing to merge with: explained, nothing changes
        test(grid()).doubleClickRow(1);
        ComponentUtil.fireEvent(editor, new SegmentEditor.ShortcutEvent(editor, true, null,
                ReviewShortcut.MERGE.action(), 0.0));
        assertThat(notifications()).anyMatch(text -> text.contains("Not merged") && text.contains("last one"));
        assertThat(documents.segments(id)).hasSize(2);
    }

    private List<String> notifications() {
        return $(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    private SegmentEditor openEditor(int row) {
        test(grid()).doubleClickRow(row);
        return (SegmentEditor) grid().getColumnByKey("target").getEditorComponent();
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
