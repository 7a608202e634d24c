package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
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

/**
 * "Add to glossary" from the review grid without a browser: the path of the Ctrl+Shift+G listener with a selection,
 * prefilled from the segment.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "terry", roles = "TERMINOLOGIST")
class GlossaryAddTermViewTest extends org.postedit.workbench.SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;
    @Autowired
    GlossaryService glossary;

    @Test
    void theSelectionBecomesTheTargetTermBesideTheSourceOfTheSegment() {
        DocumentProgress sample = sample(DocumentFormat.XLIFF12);
        ReviewView view = navigate("review/" + sample.document().id(), ReviewView.class);
        Grid<Segment> grid = grid();
        // a short source (at most 40 characters) is prefilled whole, a long one left for the user
        Segment segment = null;
        for (int i = 0; i < test(grid).size() && segment == null; i++) {
            Segment s = test(grid).getRow(i);
            if (s.source() != null && !s.source().plainText().isBlank() && s.source().plainText().strip().length() <= 40) {
                segment = s;
            }
        }
        assertThat(segment).as("a sample segment with a short source").isNotNull();
        grid.select(segment);

        view.addTerm("summit of Open Atom");
        ConceptDialog dialog = $(ConceptDialog.class).single();
        List<ConceptDialog.TermEditor> rows = dialog.termEditors();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).languageField().getValue()).isEqualTo("zh-CN");
        assertThat(rows.get(0).textField().getValue()).isEqualTo(segment.source().plainText().strip());
        assertThat(rows.get(1).languageField().getValue()).isEqualTo("en-US");
        assertThat(rows.get(1).textField().getValue()).isEqualTo("summit of Open Atom");
        assertThat(rows.get(1).statusField().getValue()).isEqualTo(TermStatus.PREFERRED);

        test(rows.get(0).textField()).setValue("开放原子峰会测试");
        test(dialog.saveButton()).click();
        long general = glossary.documentGlossaries(sample.document().id()).getFirst();
        List<Concept> saved = glossary.searchConcepts(GlossaryQuery.all().withGlossary(general)
                .withText("summit of Open Atom", GlossaryQuery.Match.PREFIX), 0, 5);
        try {
            assertThat(dialog.isOpened()).isFalse();
            assertThat(saved).singleElement().satisfies(c -> {
                assertThat(c.headTerm("zh-CN")).isEqualTo("开放原子峰会测试");
                assertThat(c.updatedBy()).isEqualTo("terry");
            });
        } finally {
            saved.forEach(c -> glossary.deleteConcept(c.id(), "terry"));
        }
    }

    @Test
    void aLongSourceIsLeftForTheUserAndSaidSo() {
        DocumentProgress sample = sample(DocumentFormat.XLIFF12);
        ReviewView view = navigate("review/" + sample.document().id(), ReviewView.class);
        Grid<Segment> grid = grid();
        Segment segment = null;
        for (int i = 0; i < test(grid).size() && segment == null; i++) {
            Segment s = test(grid).getRow(i);
            if (s.source() != null && s.source().plainText().strip().length() > 40) {
                segment = s;
            }
        }
        assertThat(segment).isNotNull();
        grid.select(segment);
        view.addTerm("");
        ConceptDialog dialog = $(ConceptDialog.class).single();
        assertThat(dialog.termEditors()).extracting(r -> r.textField().getValue()).containsExactly("", "");
        assertThat(dialog.getElement().getTextRecursively()).contains("type the source term");
        dialog.close();
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
