package org.postedit.workbench.document;

import java.util.List;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;

/**
 * An "Export" menu of download links for a document. Plain links to the export endpoint keep the views free of
 * the export package (which reads from them), and the browser streams the file itself.
 */
public final class ExportLinks {

    private ExportLinks() {
    }

    /**
     * The download links, then "Export…" (the dialog: statuses, progress) and, for those who may,
     * "Update from XLIFF…".
     *
     * @param updated runs after an update from XLIFF changed segments
     */
    public static MenuBar menu(Document document, DocumentFileActions actions, Runnable updated) {
        MenuBar bar = menu(document);
        SubMenu formats = bar.getItems().getFirst().getSubMenu();
        formats.addSeparator();
        formats.addItem("Export…", e -> actions.openExport(List.of(document)));
        if (actions.mayUpdateFromXliff() && !document.archived()) {
            formats.addItem("Update from XLIFF…", e -> actions.openXliffUpdate(document, updated));
        }
        return bar;
    }

    public static MenuBar menu(Document document) {
        MenuBar bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        MenuItem export = bar.addItem(VaadinIcon.DOWNLOAD_ALT.create());
        export.setAriaLabel("Export " + document.name());
        bar.setTooltipText(export, "Export");
        SubMenu formats = export.getSubMenu();
        formats.addItem(link(document, "xliff12", "XLIFF 1.2"));
        formats.addItem(link(document, "xliff2", "XLIFF 2.0"));
        formats.addItem(link(document, "tmx", document.hasSource() ? "TMX 1.4b (approved)" : "TMX 1.4b (MT → approved)"));
        formats.addItem(link(document, "original", "Original format (" + document.format().label() + ")"));
        return bar;
    }

    private static Anchor link(Document document, String format, String label) {
        String query = "tmx".equals(format) && !document.hasSource() ? "&mtPairs=true" : "";
        Anchor anchor = new Anchor("download/documents/" + document.id() + "/export?format=" + format + query, label);
        anchor.setRouterIgnore(true);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
