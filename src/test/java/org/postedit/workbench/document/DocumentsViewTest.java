package org.postedit.workbench.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The document list without a browser: the samples are listed with their progress, and uploads are offered. */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "admin", roles = "ADMIN")
class DocumentsViewTest extends org.postedit.workbench.SignedInBrowserlessTest {

    @Test
    void listsTheSampleDocumentsOnceEach() {
        navigate(DocumentsView.class);
        @SuppressWarnings("unchecked")
        Grid<DocumentProgress> grid = $(Grid.class).single();
        int rows = test(grid).size();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            names.add(test(grid).getRow(i).document().name());
        }
        assertThat(names).contains("000_796b4e4ca0be2a4e.txt");
        assertThat(names).doesNotHaveDuplicates();
        DocumentProgress sample = test(grid).getRow(names.indexOf("000_796b4e4ca0be2a4e.txt"));
        assertThat(sample.document().segmentCount()).isGreaterThan(15);
        assertThat(sample.document().targetLanguage()).isEqualTo("en-US");
        assertThat($(Upload.class).exists()).isTrue();
    }
}
