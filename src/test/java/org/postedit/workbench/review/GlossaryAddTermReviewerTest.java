package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.DocumentProgress;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.glossary.Concept;
import org.postedit.workbench.glossary.ConceptDialog;
import org.postedit.workbench.glossary.GlossaryQuery;
import org.postedit.workbench.glossary.GlossaryService;
import org.postedit.workbench.glossary.TermStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** "Add to glossary" from the review grid is for terminologists and administrators: a reviewer is told so. */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "rita", roles = "REVIEWER")
class GlossaryAddTermReviewerTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    DocumentService documents;
    @Autowired
    GlossaryService glossary;

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
    void aReviewerIsToldTheyLackTheRole() {
        DocumentProgress sample = sample(DocumentFormat.XLIFF12);
        ReviewView view = navigate("review/" + sample.document().id(), ReviewView.class);
        grid().select(test(grid()).getRow(0));
        view.addTerm("Open Atom");
        assertThat($(ConceptDialog.class).exists()).isFalse();
        assertThat(test($(Notification.class).last()).getText()).contains("terminologist or administrator role");
    }

    @SuppressWarnings("unchecked")
    private Grid<Segment> grid() {
        return $(Grid.class).all().stream().filter(g -> g.getColumnByKey("target") != null).findFirst()
                .orElseThrow();
    }

    private DocumentProgress sample(DocumentFormat format) {
        return documents.list(false).stream().filter(p -> p.document().format() == format)
                .filter(p -> p.document().importedBy().equals("admin")).findFirst().orElseThrow();
    }
}
