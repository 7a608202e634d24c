package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.SignedInBrowserlessTest;
import org.postedit.workbench.check.CheckService;
import org.postedit.workbench.check.CheckTest;
import org.postedit.workbench.check.IssueCategory;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Check issues in the review grid without a browser, with the test checkers ("teh" is a spelling error with the
 * suggestion "the", "very unique" a style warning): underlines and counts per row, the issues panel and its
 * actions, the issue filters, next/previous issue, and the editor's draft checked as the reviewer types.
 */
@CheckTest
@WithMockUser(username = "rita", roles = "REVIEWER")
class ReviewChecksViewTest extends SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;
    @Autowired
    CheckService checks;
    @Autowired
    ReviewService review;

    @TempDir
    Path dir;

    @Test
    void rowsShowTheirIssuesAsUnderlinesAndCounts() throws Exception {
        long id = checkedDocument("rows", "en-US");
        navigate("review/" + id, ReviewView.class);
        Grid<Segment> grid = grid();

        assertThat(test(grid).getLitRendererPropertyValue(0, "target", "issues", String.class))
                .contains("\"offset\":0,\"length\":3,\"severity\":\"error\"")
                .contains("Spelling: Possible spelling mistake").contains("[\"the\"]");
        assertThat(test(grid).getLitRendererPropertyValue(2, "target", "issues", String.class))
                .contains("\"severity\":\"warning\"").contains("Style: Unique is absolute");
        assertThat(test(grid).getLitRendererPropertyValue(0, "issues", "count", String.class)).isNotEmpty();
        assertThat(test(grid).getLitRendererPropertyValue(1, "issues", "count", String.class)).isEmpty();
        assertThat(test(grid).getLitRendererPropertyValue(0, "issues", "severity", String.class)).isEqualTo("error");
    }

    @Test
    void applyingASuggestionFromThePanelSavesItAsANewVersion() throws Exception {
        long id = checkedDocument("apply", "en-US");
        navigate("review/" + id, ReviewView.class);
        Grid<Segment> grid = grid();
        Segment last = test(grid).getRow(4);
        test(grid).select(4);
        assertThat(panel().rowTexts()).contains(TEH);

        test(button("issue-apply", "the")).click();

        Segment saved = review.segment(last.id());
        assertThat(saved.target().plainText()).isEqualTo("It was the end.");
        assertThat(saved.version()).isEqualTo(last.version() + 1);
        assertThat(saved.status()).isEqualTo(org.postedit.workbench.document.SegmentStatus.EDITED);
        assertThat(review.history(last.id())).anySatisfy(v -> {
            assertThat(v.version()).isEqualTo(saved.version());
            assertThat(v.target().plainText()).isEqualTo("It was the end.");
            assertThat(v.author()).isEqualTo("rita");
        });
        // the saved text is checked again and the row and panel follow, pushed
        await(() -> checks.openIssues(List.of(last.id())).isEmpty() && !checks.progress(id).running());
        await(() -> panel().rowTexts().isEmpty());
        assertThat(test(grid).getLitRendererPropertyValue(4, "issues", "count", String.class)).isEmpty();
    }

    @Test
    void anIgnoredIssueStaysDismissedAfterAReload() throws Exception {
        long id = checkedDocument("ignore", "en-US");
        navigate("review/" + id, ReviewView.class);
        test(grid()).select(4);
        assertThat(panel().rowTexts()).contains(TEH);

        test(buttonOf(TEH, "issue-ignore")).click();
        assertThat(panel().rowTexts()).doesNotContain(TEH);

        navigate("review/" + id, ReviewView.class);
        Grid<Segment> grid = grid();
        assertThat(test(grid).getLitRendererPropertyValue(4, "target", "issues", String.class))
                .doesNotContain(TEH_MARK);
        test(grid).select(4);
        assertThat(panel().rowTexts()).doesNotContain(TEH);
        // the other "teh" is still reported: the ignore held for that one segment and text
        assertThat(test(grid).getLitRendererPropertyValue(0, "target", "issues", String.class)).contains(TEH_MARK);
    }

    @Test
    void ignoringARuleClearsItFromTheWholeDocument() throws Exception {
        long id = checkedDocument("ignore-rule", "en-US");
        navigate("review/" + id, ReviewView.class);
        test(grid()).select(0);
        test(buttonOf(TEH, "issue-ignore-rule")).click();

        Grid<Segment> grid = grid();
        assertThat(test(grid).getLitRendererPropertyValue(0, "target", "issues", String.class))
                .doesNotContain(TEH_MARK);
        assertThat(test(grid).getLitRendererPropertyValue(4, "target", "issues", String.class))
                .doesNotContain(TEH_MARK);
        assertThat(test(grid).getLitRendererPropertyValue(2, "target", "issues", String.class))
                .contains("Style: Unique is absolute");
        assertThat(panel().rowTexts()).doesNotContain(TEH);
    }

    @Test
    void theIssueFiltersNarrowTheGrid() throws Exception {
        long id = checkedDocument("filter", "en-US");
        navigate("review/" + id, ReviewView.class);
        Grid<Segment> grid = grid();
        assertThat(test(grid).size()).isEqualTo(5);

        Checkbox withIssues = $(Checkbox.class).withClassName("issues-filter").single();
        test(withIssues).click();
        assertThat(ordinals(grid)).containsExactly(1, 3, 5);

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<IssueCategory> categories = $(MultiSelectComboBox.class)
                .withClassName("issue-category-filter").single();
        categories.setValue(Set.of(IssueCategory.STYLE));
        assertThat(ordinals(grid)).containsExactly(3);

        categories.clear();
        test(withIssues).click();
        assertThat(test(grid).size()).isEqualTo(5);
    }

    @Test
    void f8AndShiftF8MoveBetweenSegmentsWithIssues() throws Exception {
        long id = checkedDocument("next", "en-US");
        navigate("review/" + id, ReviewView.class);
        Grid<Segment> grid = grid();

        fireShortcut(Key.F8);
        assertThat(selectedOrdinal(grid)).isEqualTo(1);
        fireShortcut(Key.F8);
        assertThat(selectedOrdinal(grid)).isEqualTo(3);
        fireShortcut(Key.F8);
        assertThat(selectedOrdinal(grid)).isEqualTo(5);
        fireShortcut(Key.F8);
        assertThat(selectedOrdinal(grid)).isEqualTo(5);
        fireShortcut(Key.F8, KeyModifier.SHIFT);
        assertThat(selectedOrdinal(grid)).isEqualTo(3);
    }

    @Test
    void thePanelSaysWhichChecksRanForTheLanguage() throws Exception {
        long english = checkedDocument("langs-en", "en-US");
        navigate("review/" + english, ReviewView.class);
        assertThat(panel().checksText()).startsWith("Ran for en-US: ").contains("Test words")
                .contains("Test Latin script").doesNotContain("Not available");

        long chinese = checkedDocument("langs-zh", "zh-CN");
        navigate("review/" + chinese, ReviewView.class);
        String text = panel().checksText();
        assertThat(text).contains("Test words").contains(" Not available for zh-CN: ");
        String notAvailable = text.substring(text.indexOf(" Not available for zh-CN: "));
        assertThat(notAvailable).contains("Test Latin script").doesNotContain("Test words");
    }

    @Test
    void theDraftInTheEditorIsCheckedAsTheReviewerTypes() throws Exception {
        long id = checkedDocument("draft", "en-US");
        navigate("review/" + id, ReviewView.class);
        Grid<Segment> grid = grid();
        test(grid).doubleClickRow(1);
        roundTrip();
        SegmentEditor editor = (SegmentEditor) grid.getColumnByKey("target").getEditorComponent();
        assertThat(grid.getEditor().isOpen()).isTrue();

        ComponentUtil.fireEvent(editor, new SegmentEditor.InputEvent(editor, true,
                "[{\"t\":\"Fine sentence, very unique and teh.\"}]"));
        await(() -> editor.getElement().getProperty("issues", "").contains("Spelling: Possible spelling mistake"));
        String marks = editor.getElement().getProperty("issues", "");
        assertThat(marks).contains("\"offset\":15,\"length\":11").contains("\"offset\":31,\"length\":3");
        assertThat(panel().rowTexts()).contains("Style · Warning: Unique is absolute", TEH);
        // a draft's issue cannot be ignored before the text is saved
        assertThat(button("issue-ignore", "Ignore").isEnabled()).isFalse();

        // a suggestion from the panel changes the draft, not the stored segment
        Segment before = review.segment(test(grid).getRow(1).id());
        test(button("issue-apply", "the")).click();
        assertThat(editor.getValue().plainText()).isEqualTo("Fine sentence, very unique and the.");
        assertThat(review.segment(before.id()).version()).isEqualTo(before.version());
        await(() -> !panel().rowTexts().contains(TEH));
        assertThat(panel().rowTexts()).contains("Style · Warning: Unique is absolute");
    }

    @Test
    @WithMockUser(username = "terry", roles = "TERMINOLOGIST")
    void aTerminologistIsNotOfferedSuggestionsAndTheServiceRefusesTheEditAnyway() throws Exception {
        long id = checkedDocument("terminologist", "en-US");
        navigate("review/" + id, ReviewView.class);
        Grid<Segment> grid = grid();
        Segment last = test(grid).getRow(4);
        test(grid).select(4);

        assertThat(panel().rowTexts()).contains(TEH);
        // applying a suggestion writes the target: not for a role that does not edit targets
        assertThat($(Button.class, panel()).withClassName("issue-apply").all()).isEmpty();
        // ignoring an issue is a note on the checks, as a comment is: terminologists may
        assertThat(buttonOf(TEH, "issue-ignore").isVisible()).isTrue();
        // and a path that forgot to ask is refused by the service itself
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> review.save(last.id(), last.version(),
                        org.postedit.workbench.document.TaggedText.plain("It was the end."), "terry"))
                .isInstanceOf(org.postedit.workbench.security.PermissionDeniedException.class)
                .hasMessageContaining("edit segment targets");
        assertThat(review.segment(last.id()).version()).isEqualTo(last.version());
    }

    @Test
    void aRefusalOfTheServiceIsShownAsANotificationAndNothingIsSaved() throws Exception {
        long id = checkedDocument("refused", "en-US");
        navigate("review/" + id, ReviewView.class);
        Grid<Segment> grid = grid();
        Segment last = test(grid).getRow(4);
        test(grid).select(4);
        Button apply = button("issue-apply", "the");

        // the view was opened by a reviewer; the click arrives as a viewer (the view's own check is bypassed)
        org.postedit.workbench.TestSecurity.runAs(applicationContext, "vic", () -> {
            test(apply).click();
            return null;
        }, "VIEWER");

        assertThat(test($(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .startsWith("Not saved: Your roles do not allow you to edit segment targets");
        assertThat(review.segment(last.id()).version()).isEqualTo(last.version());
        assertThat(review.segment(last.id()).target().plainText()).isEqualTo("It was teh end.");
    }

    private long checkedDocument(String name, String language) throws Exception {
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, String.join("\n\n", "Teh report starts here.", "Fine sentence.",
                "A very unique ending.", "Another fine one.", "It was teh end."), StandardCharsets.UTF_8);
        long id = documents.importFile(file, name + ".txt", new ImportOptions(null, language), "test").document().id();
        await(() -> !checks.progress(id).running() && checks.counts(id).open().size() >= 1);
        return id;
    }

    /** The test checker's spelling issue as the panel lists it (LanguageTool's, once present, says more). */
    private static final String TEH = "Spelling · Error: Possible spelling mistake";
    private static final String TEH_MARK = "Spelling: Possible spelling mistake\"";

    private Button buttonOf(String row, String className) {
        com.vaadin.flow.component.html.Div div = $(com.vaadin.flow.component.html.Div.class, panel())
                .withClassName("issue-row").all().stream()
                .filter(d -> row.equals(d.getElement().getAttribute("aria-label"))).findFirst().orElseThrow();
        return $(Button.class, div).withClassName(className).single();
    }

    private IssuesPanel panel() {
        return $(IssuesPanel.class).single();
    }

    private Button button(String className, String text) {
        return $(Button.class, panel()).withClassName(className).all().stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Grid<Segment> grid() {
        return $(Grid.class).all().stream().filter(g -> g.getColumnByKey("target") != null).findFirst()
                .orElseThrow();
    }

    private List<Integer> ordinals(Grid<Segment> grid) {
        return java.util.stream.IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i).ordinal())
                .toList();
    }

    private static int selectedOrdinal(Grid<Segment> grid) {
        return grid.getSelectedItems().iterator().next().ordinal();
    }

    /** Waits for pushed UI updates (run by roundTrip) or background work. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (true) {
            // what other threads handed to the UI (UI.access) runs now, as a push would
            com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 120 s");
            }
            Thread.sleep(20);
        }
    }
}
