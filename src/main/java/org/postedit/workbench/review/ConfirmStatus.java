package org.postedit.workbench.review;

import java.util.Collection;

import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.security.Permission;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The status a confirmation gives, from the permissions of whoever confirms and the document's review mode: in
 * two-step review reviewers mark segments reviewed and approvers approve them; in one-step review reviewers
 * approve directly. Everyone else who edits targets (translators) marks them edited.
 */
final class ConfirmStatus {

    private ConfirmStatus() {
    }

    /** The highest status this user may set in such a document; no one (null) sets nothing above edited. */
    static SegmentStatus forUser(Authentication user, boolean oneStepReview) {
        return forRoles(authorities(user), oneStepReview);
    }

    /** @param authorities Spring Security authorities such as "ROLE_REVIEWER" */
    static SegmentStatus forRoles(Collection<String> authorities, boolean oneStepReview) {
        if (mayApprove(authorities, oneStepReview)) {
            return SegmentStatus.APPROVED;
        }
        if (Permission.REVIEW.grantedTo(authorities)) {
            return SegmentStatus.REVIEWED;
        }
        return SegmentStatus.EDITED;
    }

    static boolean mayApprove(Collection<String> authorities, boolean oneStepReview) {
        return Permission.APPROVE.grantedTo(authorities) || oneStepReview && Permission.REVIEW.grantedTo(authorities);
    }

    /** Whether this user may approve in such a document; no one (null) may not. */
    static boolean userMayApprove(Authentication user, boolean oneStepReview) {
        return mayApprove(authorities(user), oneStepReview);
    }

    /**
     * Whether this user may give a segment of such a document this status: edited (or new) needs
     * {@link Permission#EDIT_TARGETS}, reviewed and rejected {@link Permission#REVIEW}, approved the right to approve.
     */
    static boolean userMaySet(Authentication user, SegmentStatus status, boolean oneStepReview) {
        return switch (status) {
            case NEW, EDITED -> Permission.EDIT_TARGETS.grantedTo(user);
            case REVIEWED, REJECTED -> Permission.REVIEW.grantedTo(user);
            case APPROVED -> mayApprove(authorities(user), oneStepReview);
        };
    }

    private static Collection<String> authorities(Authentication user) {
        return user == null ? java.util.List.of()
                : user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
