package org.postedit.workbench.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * A reviewer sees the glossary read-only: no add, import, edit or delete controls. (The role is set on the class: a
 * method-level user does not reach the Vaadin session when several Spring contexts share the JVM.)
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "rita", roles = "REVIEWER")
class GlossaryViewReviewerTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext applicationContext;

    @Override
    @BeforeEach
    protected void initVaadinEnvironment() {
        // set explicitly: after tests of other users in the same JVM, the listener's user may not reach Vaadin
        TestSecurityContextHolder.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("rita", null,
                List.of(new SimpleGrantedAuthority("ROLE_REVIEWER"))));
        TestSecurity.useStrategyOf(applicationContext);
        super.initVaadinEnvironment();
    }

    /** The user must not outlive the test: the next test class in this JVM may sign in as someone else. */
    @org.junit.jupiter.api.AfterEach
    void forgetTheUser() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        org.springframework.security.test.context.TestSecurityContextHolder.clearContext();
    }

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
