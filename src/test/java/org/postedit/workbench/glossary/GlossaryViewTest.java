package org.postedit.workbench.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * The glossary view without a browser: the shipped concepts, search and filters, add/edit/delete through the concept
 * dialog with the service's validation, the history,. Changes are made in a
 * glossary of the test's own, so the shipped General glossary stays as other tests expect it.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "terry", roles = "TERMINOLOGIST")
class GlossaryViewTest extends org.postedit.workbench.SignedInBrowserlessTest {

    @Autowired
    GlossaryService glossary;

    @Test
    void listsTheShippedConceptsAndSearchesByPrefixAndSubstringInChineseAndEnglish() {
        GlossaryView view = navigate(GlossaryView.class);
        assertThat(view.glossaryField().getValue().name()).isEqualTo(Glossary.GENERAL);
        List<Concept> all = rows(view);
        assertThat(all.size()).isGreaterThanOrEqualTo(19);
        Concept foundation = all.stream().filter(c -> "开放原子开源基金会".equals(GlossaryView.headTerm(c, "zh")))
                .findFirst().orElseThrow();
        assertThat(GlossaryView.headTerm(foundation, "en")).isEqualTo("OpenAtom Foundation");
        assertThat(view.grid().getColumnByKey("term-zh")).isNotNull();
        assertThat(test(view.grid()).getCellText(all.indexOf(foundation), columnIndex(view, "avoid")))
                .contains("Open Atom Foundation (deprecated)");

        // Chinese: "原子" is inside terms, never at their start
        view.matchField().setValue(GlossaryQuery.Match.CONTAINS);
        view.searchField().setValue("原子");
        assertThat(rows(view)).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(c -> assertThat(c.terms()).anyMatch(t -> t.text().contains("原子")));
        view.matchField().setValue(GlossaryQuery.Match.PREFIX);
        assertThat(rows(view)).isEmpty();
        view.searchField().setValue("开放原子");
        assertThat(rows(view)).hasSizeGreaterThanOrEqualTo(3);

        // English, case-insensitive
        view.searchField().setValue("atom");
        assertThat(rows(view)).isEmpty();
        view.matchField().setValue(GlossaryQuery.Match.CONTAINS);
        assertThat(rows(view)).hasSizeGreaterThanOrEqualTo(3);
        view.searchField().setValue("chess");
        assertThat(rows(view)).extracting(c -> GlossaryView.headTerm(c, "zh")).containsExactly("一盘棋");
        view.languageField().setValue("zh");
        assertThat(rows(view)).isEmpty();

        // filters: status
        view.languageField().clear();
        view.searchField().clear();
        view.statusField().setValue(TermStatus.FORBIDDEN);
        assertThat(rows(view)).extracting(c -> GlossaryView.headTerm(c, "zh")).contains("我国")
                .doesNotContain("副部长");
    }

    @Test
    void aTerminologistAddsAConceptThroughTheDialog() {
        Glossary own = ownGlossary();
        GlossaryView view = navigate(GlossaryView.class);
        view.glossaryField().setValue(own);
        assertThat(rows(view)).isEmpty();
        assertThat($(Upload.class).exists()).isTrue();

        test(view.addButton()).click();
        ConceptDialog dialog = $(ConceptDialog.class).single();
        List<ConceptDialog.TermEditor> rows = dialog.termEditors();
        assertThat(rows).extracting(r -> r.languageField().getValue()).containsExactly("zh", "en");
        test(rows.get(0).textField()).setValue("星云");
        test(rows.get(1).textField()).setValue("nebula");
        dialog.domainField().setValue("astronomy");
        test(dialog.saveButton()).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(rows(view)).singleElement().satisfies(c -> {
            assertThat(GlossaryView.headTerm(c, "zh")).isEqualTo("星云");
            assertThat(GlossaryView.headTerm(c, "en")).isEqualTo("nebula");
            assertThat(c.domain()).isEqualTo("astronomy");
            assertThat(c.updatedBy()).isEqualTo("terry");
        });
        assertThat(glossary.audit(own.id(), null, 0, 10)).extracting(AuditEntry::action).contains("CREATE");
    }

    @Test
    void aDuplicatePreferredTermIsShownAndNothingIsSaved() {
        Glossary own = ownGlossary();
        glossary.createConcept(own.id(), Concept.draft(null, null, null, null,
                List.of(Term.of("zh", "部件", TermStatus.PREFERRED), Term.of("en", "widget", TermStatus.PREFERRED))),
                "terry");
        GlossaryView view = navigate(GlossaryView.class);
        view.glossaryField().setValue(own);

        test(view.addButton()).click();
        ConceptDialog dialog = $(ConceptDialog.class).single();
        List<ConceptDialog.TermEditor> rows = dialog.termEditors();
        test(rows.get(0).textField()).setValue("小部件");
        test(rows.get(1).textField()).setValue("Widget");
        test(dialog.saveButton()).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.problems()).singleElement().asString()
                .contains("preferred en term 'Widget' is already the preferred term of concept");
        assertThat(rows.get(1).textField().isInvalid()).isTrue();
        assertThat(rows.get(0).textField().isInvalid()).isFalse();
        assertThat(glossary.countConcepts(GlossaryQuery.all().withGlossary(own.id()))).isEqualTo(1);

        // an empty term is refused as well, at its field
        test(rows.get(1).textField()).setValue("gadget");
        test(rows.get(0).textField()).setValue("");
        test(dialog.saveButton()).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.problems()).anyMatch(p -> p.contains("term is empty"));
        assertThat(rows.get(0).textField().isInvalid()).isTrue();
        assertThat(glossary.countConcepts(GlossaryQuery.all().withGlossary(own.id()))).isEqualTo(1);
    }

    @Test
    void aTerminologistEditsAndDeletesAConceptAndSeesItsHistory() {
        Glossary own = ownGlossary();
        Concept created = glossary.createConcept(own.id(), Concept.draft(null, "software", null, null,
                List.of(Term.of("zh", "开源", TermStatus.PREFERRED), Term.of("en", "open source", TermStatus.PREFERRED))),
                "terry");
        GlossaryView view = navigate(GlossaryView.class);
        view.glossaryField().setValue(own);
        assertThat(view.domainField().getListDataView().getItems()).containsExactly("software");

        view.openDialog(rows(view).getFirst());
        ConceptDialog dialog = $(ConceptDialog.class).single();
        assertThat(dialog.isEditable()).isTrue();
        test(dialog.termEditors().get(1).textField()).setValue("open-source software");
        test(dialog.noteField()).setValue("written with a hyphen before a noun");
        test($(com.vaadin.flow.component.button.Button.class).id("concept-add-term")).click();
        ConceptDialog.TermEditor avoid = dialog.termEditors().get(2);
        test(avoid.textField()).setValue("opensource");
        avoid.statusField().setValue(TermStatus.FORBIDDEN);
        test(dialog.saveButton()).click();

        assertThat(dialog.isOpened()).isFalse();
        Concept updated = glossary.concept(created.id()).orElseThrow();
        assertThat(updated.note()).isEqualTo("written with a hyphen before a noun");
        assertThat(updated.terms()).extracting(Term::text).containsExactly("开源", "open-source software", "opensource");
        assertThat(updated.terms().get(2).status()).isEqualTo(TermStatus.FORBIDDEN);
        assertThat(rows(view)).singleElement().satisfies(c ->
                assertThat(GlossaryView.headTerm(c, "en")).isEqualTo("open-source software"));

        view.openHistory(updated);
        Grid<AuditEntry> history = auditGrid();
        assertThat(test(history).size()).isEqualTo(2);
        assertThat(test(history).getRow(0).action()).isEqualTo("UPDATE");
        assertThat(test(history).getRow(0).author()).isEqualTo("terry");

        view.confirmDelete(updated);
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(glossary.concept(created.id())).isEmpty();
        assertThat(rows(view)).isEmpty();
        assertThat(glossary.audit(own.id(), created.id(), 0, 1)).singleElement()
                .satisfies(a -> assertThat(a.action()).isEqualTo("DELETE"));
    }

    private Glossary ownGlossary() {
        return glossary.createGlossary("view test " + UUID.randomUUID(), null, "terry");
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditEntry> auditGrid() {
        return $(Grid.class).all().stream().filter(g -> g.getParent().isPresent()
                && g.getParent().get() instanceof com.vaadin.flow.component.dialog.Dialog).findFirst()
                .orElseThrow();
    }

    private int columnIndex(GlossaryView view, String key) {
        return view.grid().getColumns().indexOf(view.grid().getColumnByKey(key));
    }

    private List<Concept> rows(GlossaryView view) {
        Grid<Concept> grid = view.grid();
        List<Concept> rows = new ArrayList<>();
        int n = test(grid).size();
        for (int i = 0; i < n; i++) {
            rows.add(test(grid).getRow(i));
        }
        return rows;
    }
}
