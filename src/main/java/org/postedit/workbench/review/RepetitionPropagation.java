package org.postedit.workbench.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;

/**
 * After a segment is confirmed, offers to give its repetitions the same text: a dialog lists them, those not
 * approved are ticked, approved ones need a tick of their own. Every change is a version written by the review
 * service at the version shown here; any changed meanwhile is reported and left alone.
 */
final class RepetitionPropagation {

    private final DocumentService documents;
    private final ReviewService review;
    private final String user;
    private final java.util.function.Consumer<Segment> refreshRow;

    RepetitionPropagation(DocumentService documents, ReviewService review, String user,
                          java.util.function.Consumer<Segment> refreshRow) {
        this.documents = documents;
        this.review = review;
        this.user = user;
        this.refreshRow = refreshRow;
    }

    /** Opens the dialog when the confirmed segment has repetitions whose target differs; returns it or null. */
    Dialog offer(Segment confirmed) {
        List<Segment> different = documents.repetitionsOf(confirmed.id()).stream()
                .filter(r -> !r.locked() && !r.target().equals(confirmed.target()))
                .toList();
        if (different.isEmpty()) {
            return null;
        }
        List<Segment> open = different.stream().filter(r -> r.status() != SegmentStatus.APPROVED).toList();
        List<Segment> approved = different.stream().filter(r -> r.status() == SegmentStatus.APPROVED).toList();

        Dialog dialog = new Dialog();
        dialog.addClassName("repetition-dialog");
        dialog.setHeaderTitle("Segment " + confirmed.ordinal() + " has " + different.size()
                + (different.size() == 1 ? " repetition" : " repetitions") + " with another translation");
        VerticalLayout body = new VerticalLayout(new Paragraph("Give them this text? Each becomes a new version ("
                + review.confirmStatus(confirmed.documentId()).label().toLowerCase() + "): "),
                new Div(new Span(confirmed.target().displayText())));
        body.setPadding(false);
        Checkbox takeOpen = new Checkbox(open.size() + " not approved: " + ordinals(open), !open.isEmpty());
        takeOpen.setEnabled(!open.isEmpty());
        takeOpen.addClassName("propagate-open");
        body.add(takeOpen, list(open));
        Checkbox takeApproved = new Checkbox("Also overwrite " + approved.size() + " approved: " + ordinals(approved),
                false);
        takeApproved.addClassName("propagate-approved");
        if (!approved.isEmpty()) {
            body.add(takeApproved, list(approved));
        }
        dialog.add(body);
        Button apply = new Button("Apply", e -> {
            dialog.close();
            Map<Long, Integer> expected = new LinkedHashMap<>();
            if (takeOpen.getValue()) {
                open.forEach(r -> expected.put(r.id(), r.version()));
            }
            if (takeApproved.getValue()) {
                approved.forEach(r -> expected.put(r.id(), r.version()));
            }
            if (!expected.isEmpty()) {
                apply(confirmed, expected, takeApproved.getValue());
            }
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClassName("propagate-apply");
        Button skip = new Button("Not now", e -> dialog.close());
        dialog.getFooter().add(skip, apply);
        dialog.open();
        return dialog;
    }

    private void apply(Segment confirmed, Map<Long, Integer> expected, boolean overwriteApproved) {
        try {
            ReviewService.Propagation result = review.propagate(confirmed.id(), expected, overwriteApproved, user);
            result.updated().forEach(refreshRow);
            result.stale().forEach(refreshRow);
            StringBuilder message = new StringBuilder(result.updated().size() + " repetitions updated.");
            if (!result.stale().isEmpty()) {
                message.append(" Changed by someone else meanwhile, left alone: ").append(ordinals(result.stale()))
                        .append('.');
            }
            if (!result.skipped().isEmpty()) {
                message.append(" Not changed (approved, locked or other inline codes): ")
                        .append(ordinals(result.skipped())).append('.');
            }
            Notification n = Notification.show(message.toString(), 8000, Notification.Position.BOTTOM_START);
            if (!result.stale().isEmpty()) {
                n.addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
        } catch (RuntimeException e) {
            Notification n = new Notification("Repetitions not updated: " + e.getMessage(), 8000,
                    Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.open();
        }
    }

    private static Component list(List<Segment> segments) {
        Div list = new Div();
        list.addClassName("repetition-list");
        segments.stream().limit(50).forEach(s -> {
            Div row = new Div(new Span("#" + s.ordinal() + " (" + s.status().label().toLowerCase() + "): "),
                    new Span(s.target().displayText()));
            row.getStyle().set("font-size", "var(--lumo-font-size-s)");
            list.add(row);
        });
        if (segments.size() > 50) {
            list.add(new Span("… and " + (segments.size() - 50) + " more"));
        }
        return list;
    }

    private static String ordinals(List<Segment> segments) {
        return segments.stream().map(s -> "#" + s.ordinal()).limit(20).collect(Collectors.joining(", "))
                + (segments.size() > 20 ? ", …" : "");
    }
}
