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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** A viewer reads a document in the review grid but cannot open a target for editing (as the API refuses the PUT). */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "vera", roles = "VIEWER")
class ReviewViewerTest extends SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;

    @Test
    void aViewerCannotOpenTheEditor() {
        DocumentProgress sample = documents.list(false).stream()
                .filter(p -> p.document().format() == DocumentFormat.XLIFF12)
                .filter(p -> p.document().name().equals("opensource-summit.zh-en.xlf")).findFirst().orElseThrow();
        navigate("review/" + sample.document().id(), ReviewView.class);
        Grid<Segment> grid = grid();
        test(grid).doubleClickRow(0);
        assertThat(grid.getEditor().isOpen()).isFalse();
        assertThat(test($(Notification.class).last()).getText()).contains("not edit its targets");
    }

    @SuppressWarnings("unchecked")
    private Grid<Segment> grid() {
        return $(Grid.class).all().stream().filter(g -> g.getColumnByKey("target") != null).findFirst()
                .orElseThrow();
    }
}
