package org.postedit.workbench.check.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.SignedInBrowserlessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The checklist view without a browser, as a terminologist: add (with a test run), disable, delete, import. */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "terry", roles = "TERMINOLOGIST")
class ChecklistViewTest extends SignedInBrowserlessTest {

    @Autowired
    ChecklistService checklist;
    @TempDir
    Path temp;

    private List<ChecklistRule> rows(ChecklistView view) {
        Grid<ChecklistRule> grid = view.grid();
        List<ChecklistRule> rows = new ArrayList<>();
        for (int i = 0; i < test(grid).size(); i++) {
            rows.add(test(grid).getRow(i));
        }
        return rows;
    }

    private ChecklistRule row(ChecklistView view, String key) {
        return rows(view).stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aTerminologistTestsAndAddsARuleThenDisablesAndDeletesIt() {
        String key = "no-my-country-" + UUID.randomUUID().toString().substring(0, 6);
        ChecklistView view = navigate(ChecklistView.class);
        assertThat(view.addButton().isVisible()).isTrue();
        assertThat($(Upload.class).exists()).isTrue();

        test(view.addButton()).click();
        ChecklistRuleDialog dialog = $(ChecklistRuleDialog.class).single();
        test(dialog.key).setValue(key);
        test(dialog.name).setValue("Say China");
        test(dialog.message).setValue("Write China, not my country");
        test(dialog.pattern).setValue("(?i)\\bmy (country)\\b");
        test(dialog.replacement).setValue("China");
        test(dialog.sample).setValue("my country and My Country grew");
        test(dialog.test).click();
        assertThat(dialog.results.getChildren().map(c -> ((ListItem) c).getText()).toList())
                .containsExactly("“my country” at 0 → “China”", "“My Country” at 15 → “China”");

        // a broken pattern is explained in the dialog and not saved
        test(dialog.pattern).setValue("(unclosed");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.problems.getElement().getTextRecursively()).contains("not a valid regular expression");

        test(dialog.pattern).setValue("(?i)\\bmy (country)\\b");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        ChecklistRule saved = row(view, key);
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.updatedBy()).isEqualTo("terry");
        assertThat(test(view.grid()).getSelected()).contains(saved);

        test(view.toggleButton()).click();
        assertThat(row(view, key).enabled()).isFalse();
        assertThat(checklist.rule(saved.id()).orElseThrow().enabled()).isFalse();
        assertThat(view.toggleButton().getText()).isEqualTo("Enable");

        test(view.deleteButton()).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(rows(view)).noneMatch(r -> r.key().equals(key));
        assertThat(checklist.rule(saved.id())).isEmpty();
    }

    @Test
    void aCsvFileIsImportedAndABadOneChangesNothing() throws Exception {
        String key = "csv-" + UUID.randomUUID().toString().substring(0, 6);
        ChecklistView view = navigate(ChecklistView.class);
        int before = rows(view).size();

        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "rule_id,pattern\n" + key + ",(broken\n", StandardCharsets.UTF_8);
        view.showImport("bad.csv", view.importAsViewer(bad));
        assertThat(rows(view)).hasSize(before);

        Path good = temp.resolve("good.csv");
        Files.writeString(good, "rule_id,name,pattern,replacement,severity\n" + key + ",Double dash,--,—,info\n",
                StandardCharsets.UTF_8);
        ChecklistService.ImportResult result = view.importAsViewer(good);
        assertThat(result.added()).isEqualTo(1);
        view.showImport("good.csv", result);
        assertThat(rows(view)).hasSize(before + 1);
        assertThat(row(view, key).replacement()).isEqualTo("—");
    }
}
