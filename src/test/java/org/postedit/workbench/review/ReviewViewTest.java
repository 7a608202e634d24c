package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.DocumentProgress;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The review grid without a browser, on the shipped samples. */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "admin", roles = "ADMIN")
class ReviewViewTest extends org.postedit.workbench.SignedInBrowserlessTest {

    @Autowired
    DocumentService documents;

    @Test
    void theMtOnlySampleShowsItsSegmentsWithoutASourceColumn() {
        DocumentProgress sample = sample(DocumentFormat.PLAIN_TEXT);
        navigate("review/" + sample.document().id(), ReviewView.class);
        Grid<Segment> grid = grid();
        assertThat(test(grid).size()).isEqualTo(sample.document().segmentCount());
        assertThat(test(grid).getRow(0).ordinal()).isEqualTo(1);
        assertThat(test(grid).getRow(0).mt().plainText()).startsWith("date 2023-06-13 On June 11");
        assertThat(grid.getColumnByKey("source").isVisible()).isFalse();
        assertThat(grid.getColumnByKey("mt").isVisible()).isTrue();
    }

    @Test
    void theBilingualSampleShowsItsSourceBesideTheMt() {
        DocumentProgress sample = sample(DocumentFormat.XLIFF12);
        navigate("review/" + sample.document().id(), ReviewView.class);
        Grid<Segment> grid = grid();
        assertThat(grid.getColumnByKey("source").isVisible()).isTrue();
        Segment first = test(grid).getRow(0);
        assertThat(first.source().plainText()).contains("开放原子");
        assertThat(first.mt().plainText()).isNotBlank();
        assertThat(sample.document().sourceLanguage()).isEqualTo("zh-CN");
        // glossary terms are marked in every row: source terms dotted, terms to avoid underlined in the target
        assertThat(test(grid).getLitRendererPropertyValue(0, "source", "issues", String.class))
                .contains("Glossary term: 开放原子全球开源峰会");
        assertThat(test(grid).getLitRendererPropertyValue(0, "target", "issues", String.class))
                .contains("\"severity\":\"warning\"").contains("deprecated");
    }

    @Test
    void anUnknownDocumentLeadsBackToTheList() {
        assertThat(navigate("review/999999", org.postedit.workbench.document.DocumentsView.class)).isNotNull();
    }

    @Autowired
    ReviewService review;

    @Test
    void theHistoryShowsEveryVersionWithItsDiffAndRestoresTheMt() {
        DocumentProgress sample = sample(DocumentFormat.XLIFF12);
        Segment segment = documents.segments(sample.document().id()).stream()
                .filter(s -> !s.locked() && !s.target().hasCodes()).findFirst().orElseThrow();
        Segment edited = review.save(segment.id(), segment.version(),
                org.postedit.workbench.document.TaggedText.plain("China has become the second-largest country."),
                "ann");
        ReviewView view = navigate("review/" + sample.document().id(), ReviewView.class);
        view.openHistory(segment.id());

        com.vaadin.flow.component.dialog.Dialog dialog = $(com.vaadin.flow.component.dialog.Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("History of segment " + segment.ordinal());
        assertThat($(com.vaadin.flow.component.html.Span.class, dialog).all())
                .anySatisfy(span -> assertThat(span.getClassNames()).contains("diff-ins"))
                .anySatisfy(span -> assertThat(span.getText()).contains("Version " + edited.version()));
        com.vaadin.flow.component.button.Button restore = $(com.vaadin.flow.component.button.Button.class, dialog)
                .all().stream().filter(b -> "Restore the MT".equals(b.getText())).findFirst().orElseThrow();
        test(restore).click();

        Segment restored = review.segment(segment.id());
        assertThat(restored.target()).isEqualTo(segment.mt());
        assertThat(restored.version()).isEqualTo(edited.version() + 1);
        assertThat(review.history(segment.id()).getLast().comment()).isEqualTo("reverted to version 0");
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
