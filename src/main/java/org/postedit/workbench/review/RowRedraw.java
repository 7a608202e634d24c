package org.postedit.workbench.review;

import com.vaadin.flow.component.grid.Grid;

/**
 * Redraws grid rows without closing an open editor. Vaadin's Grid closes its editor on every data change event of
 * its data provider, {@code DataProvider.refreshItem} included; the data communicator re-sends just the given row,
 * so the browser re-renders only it and an open editor keeps its caret, draft, undo history and focus. Everything
 * that redraws a row while an editor may be open goes through here.
 */
final class RowRedraw {

    private RowRedraw() {
    }

    static <T> void of(Grid<T> grid, T item) {
        grid.getDataCommunicator().refresh(item);
    }
}
