package org.postedit.workbench.review;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * Offers back a draft the browser kept for the segment just opened (typed, never saved: a closed tab, an expired
 * session, a crash). Restoring puts it into the editor as an edit, still to be saved; discarding forgets it.
 */
public class DraftRecoveryNotice extends Notification {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    public DraftRecoveryNotice(int ordinal, long savedAtMillis, SegmentEditor editor) {
        addClassName("draft-recovery");
        addThemeVariants(NotificationVariant.LUMO_WARNING);
        setPosition(Position.TOP_CENTER);
        setDuration(0);
        String when = savedAtMillis > 0 ? " (typed " + TIME.format(Instant.ofEpochMilli(savedAtMillis)) + ")" : "";
        Span text = new Span("Segment " + ordinal + " has an unsaved draft" + when + ".");
        Button restore = new Button("Restore draft", e -> {
            close();
            editor.restoreDraft();
        });
        restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        restore.addClassName("restore-draft");
        Button discard = new Button("Discard it", e -> {
            close();
            editor.discardDraft();
        });
        discard.addThemeVariants(ButtonVariant.LUMO_SMALL);
        discard.addClassName("discard-draft");
        HorizontalLayout layout = new HorizontalLayout(text, restore, discard);
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        add(layout);
    }
}
