package org.postedit.workbench.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.SignedInBrowserlessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * A reviewer sees the glossary read-only: no add, import, edit or delete controls.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "rita", roles = "REVIEWER")
class GlossaryViewReviewerTest extends SignedInBrowserlessTest {

    @Test
    void aReviewerSeesTheGlossaryWithoutEditControls() {
        GlossaryView view = navigate(GlossaryView.class);
        assertThat(view.canEdit()).isFalse();
        assertThat(view.addButton().isVisible()).isFalse();
        assertThat($(Upload.class).exists()).isFalse();
        Grid<Concept> grid = view.grid();
        List<Concept> all = new ArrayList<>();
        for (int i = 0; i < test(grid).size(); i++) {
            all.add(test(grid).getRow(i));
        }
        assertThat(all).isNotEmpty();

        view.openDialog(all.getFirst());
        ConceptDialog dialog = $(ConceptDialog.class).single();
        assertThat(dialog.isEditable()).isFalse();
        assertThat(dialog.saveButton().isVisible()).isFalse();
        assertThat(dialog.termEditors()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.textField().isReadOnly()).isTrue();
            assertThat(r.removeButton().isVisible()).isFalse();
        });
    }
}
