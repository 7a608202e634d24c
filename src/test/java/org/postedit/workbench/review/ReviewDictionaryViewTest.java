package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.SignedInBrowserlessTest;
import org.postedit.workbench.check.CheckService;
import org.postedit.workbench.check.ProjectDictionary;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** "Add to dictionary" in the issues panel, with the real LanguageTool (the app as shipped). */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "rita", roles = "REVIEWER")
class ReviewDictionaryViewTest extends SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;
    @Autowired
    CheckService checks;
    @Autowired
    ProjectDictionary dictionary;

    @TempDir
    Path dir;

    @Test
    void addToDictionaryStopsTheSpellingIssueInTheDocument() throws Exception {
        Path file = dir.resolve("dictionary.txt");
        Files.writeString(file, "The Qwertzuiop service starts today.\n\nWe tested Qwertzuiop twice.",
                StandardCharsets.UTF_8);
        long id = documents.importFile(file, "dictionary.txt", new ImportOptions(null, "en-GB"), "test").document()
                .id();
        ReviewChecksViewTest.await(() -> !checks.progress(id).running());
        navigate("review/" + id, ReviewView.class);
        @SuppressWarnings("unchecked")
        Grid<Segment> grid = $(Grid.class).all().stream().filter(g -> g.getColumnByKey("target") != null)
                .findFirst().orElseThrow();
        assertThat(test(grid).getLitRendererPropertyValue(1, "target", "issues", String.class))
                .as("LanguageTool reports the unknown word").contains("Spelling: ");
        test(grid).select(0);
        IssuesPanel panel = $(IssuesPanel.class).single();
        Button add = $(Button.class, panel).withClassName("issue-add-word").all().stream().findFirst()
                .orElseThrow();
        assertThat(add.getTooltip().getText()).contains("Qwertzuiop");

        test(add).click();

        assertThat(dictionary.contains("en", "Qwertzuiop")).isTrue();
        // the dictionary's version is in the spelling checker's settings: the document is checked again, pushed
        ReviewChecksViewTest.await(() -> !checks.progress(id).running() && !test(grid)
                .getLitRendererPropertyValue(1, "target", "issues", String.class).contains("Spelling: "));
        ReviewChecksViewTest.await(() -> panel.rowTexts().stream().noneMatch(r -> r.startsWith("Spelling")));
    }
}
