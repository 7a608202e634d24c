package org.postedit.workbench.review;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.security.Permission;

/**
 * The review toolbar's "One-step review" switch: approvers and administrators turn it on so reviewers approve
 * directly (Ctrl+Enter by a reviewer then approves); everyone else sees the mode, read-only.
 */
final class ReviewModeToggle extends Checkbox {

    private final DocumentService documents;
    private final String user;
    private Document document;
    private boolean showing;

    ReviewModeToggle(DocumentService documents, AuthenticationContext authentication, String user) {
        super("One-step review");
        this.documents = documents;
        this.user = user;
        addClassName("one-step-review");
        boolean maySet = authentication.hasAnyRole(Permission.SET_REVIEW_MODE.roleNames());
        setReadOnly(!maySet);
        setTooltipText(maySet ? "Reviewers approve directly (no separate approval pass)"
                : "Set by approvers: when on, reviewers approve directly");
        addValueChangeListener(e -> {
            if (showing || !e.isFromClient() || document == null) {
                return;
            }
            try {
                document = documents.setOneStepReview(document.id(), e.getValue(), user);
                Notification.show(e.getValue() ? "One-step review: reviewers now approve directly."
                        : "Two-step review: reviewers mark segments reviewed, approvers approve.");
            } catch (RuntimeException ex) {
                show(document);
                Notification n = Notification.show("Review mode not changed: " + ex.getMessage());
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }

    void show(Document shown) {
        this.document = shown;
        showing = true;
        try {
            setValue(shown.oneStepReview());
        } finally {
            showing = false;
        }
    }
}
