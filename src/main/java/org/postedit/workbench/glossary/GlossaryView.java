package org.postedit.workbench.glossary;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The terms of the glossary, searchable in any language. */
@Route("glossary")
@PageTitle("Glossary · Workbench")
@PermitAll
public class GlossaryView extends VerticalLayout {

    public GlossaryView(GlossaryService glossary) {
        setSizeFull();
        Grid<TermHit> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(t -> t.term().text()).setHeader("Term").setFlexGrow(2);
        grid.addColumn(t -> t.term().language()).setHeader("Language").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> {
            Span badge = new Span(t.term().status().label());
            badge.addClassNames("status-badge", switch (t.term().status()) {
                case PREFERRED -> "status-approved";
                case ADMITTED -> "status-edited";
                case DEPRECATED -> "status-new";
                case FORBIDDEN -> "status-rejected";
            });
            return badge;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.term().caseSensitive() ? "yes" : "").setHeader("Case").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.term().note() != null ? t.term().note() : t.conceptNote()).setHeader("Note").setFlexGrow(3);
        grid.addColumn(TermHit::conceptKey).setHeader("Concept").setAutoWidth(true).setFlexGrow(0);

        ConfigurableFilterDataProvider<TermHit, Void, String> provider = new CallbackDataProvider<TermHit, String>(
                q -> glossary.searchTerms(query(q.getFilter().orElse(null)), q.getOffset(), q.getLimit()).stream(),
                q -> glossary.countTerms(query(q.getFilter().orElse(null))), t -> t.term().id())
                .withConfigurableFilter();
        grid.setItems(provider);

        TextField search = new TextField();
        search.setPlaceholder("Search terms in any language");
        search.setAriaLabel("Search terms");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("20rem");
        search.addValueChangeListener(e -> provider.setFilter(e.getValue()));
        add(new H2("Glossary"), search, grid);
        setFlexGrow(1, grid);
    }

    private static GlossaryQuery query(String text) {
        return GlossaryQuery.all().withText(text, GlossaryQuery.Match.CONTAINS);
    }
}
