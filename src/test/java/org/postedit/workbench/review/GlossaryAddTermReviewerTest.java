package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;


import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.SignedInBrowserlessTest;
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
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** "Add to glossary" from the review grid is for terminologists and administrators: a reviewer is told so. */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "rita", roles = "REVIEWER")
class GlossaryAddTermReviewerTest extends SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;
    @Autowired
    GlossaryService glossary;

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
