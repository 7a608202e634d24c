package org.postedit.workbench.review;

import java.util.function.BooleanSupplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Asked before anything would drop an unsaved edit (another row, a filter, another page, Escape): keep editing,
 * discard, or save and go on. Closing the dialog (Esc, outside click) keeps editing: nothing is lost by a slip.
 */
public class UnsavedEditDialog extends Dialog {

    /** Set once a button decided, so closing the dialog then is not "keep editing". */
    private boolean done;

    /**
     * @param leaving what the reviewer is about to do, e.g. "change the filter"
     * @param save    saves the edit; false when it could not (the reason is already shown), so nothing proceeds
     * @param discard drops the edit and proceeds
     * @param proceed what the reviewer asked for, run after a discard or a successful save
     * @param keep    run when the reviewer stays (e.g. put a filter back)
     */
    public UnsavedEditDialog(int ordinal, String leaving, BooleanSupplier save, Runnable discard, Runnable proceed,
                             Runnable keep) {
        setHeaderTitle("Segment " + ordinal + " has unsaved changes");
        addClassName("unsaved-edit-dialog");
        add(new Paragraph("You are about to " + leaving + ". Your changes to segment " + ordinal
                + " are not saved yet."));
        Button keepEditing = new Button("Keep editing", e -> close());
        keepEditing.addClassName("keep-editing");
        Button discardButton = new Button("Discard changes", e -> {
            dialogDone();
            discard.run();
            proceed.run();
        });
        discardButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        discardButton.addClassName("discard-changes");
        Button saveButton = new Button("Save and continue", e -> {
            dialogDone();
            if (save.getAsBoolean()) {
                proceed.run();
            } else {
                keep.run();
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClassName("save-changes");
        getFooter().add(keepEditing, discardButton, saveButton);
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && !done) {
                keep.run();
            }
        });
    }

    private void dialogDone() {
        done = true;
        close();
    }
}
