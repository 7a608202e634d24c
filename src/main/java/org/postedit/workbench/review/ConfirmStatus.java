package org.postedit.workbench.review;

import java.util.Collection;
import java.util.List;

import org.postedit.workbench.document.SegmentStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The status a confirmation gives, from the roles of whoever confirms and the document's review mode: in
 * two-step review reviewers mark segments reviewed and approvers approve them; in one-step review reviewers
 * approve directly.
 */
final class ConfirmStatus {

    private ConfirmStatus() {
    }

    static SegmentStatus forCurrentUser(boolean oneStepReview) {
        List<String> authorities = currentAuthorities();
        return authorities == null ? SegmentStatus.EDITED : forRoles(authorities, oneStepReview);
    }

    /** @param authorities Spring Security authorities such as "ROLE_REVIEWER" */
    static SegmentStatus forRoles(Collection<String> authorities, boolean oneStepReview) {
        if (mayApprove(authorities, oneStepReview)) {
            return SegmentStatus.APPROVED;
        }
        if (authorities.contains("ROLE_REVIEWER")) {
            return SegmentStatus.REVIEWED;
        }
        return SegmentStatus.EDITED;
    }

    static boolean mayApprove(Collection<String> authorities, boolean oneStepReview) {
        return authorities.contains("ROLE_APPROVER") || authorities.contains("ROLE_ADMIN")
                || oneStepReview && authorities.contains("ROLE_REVIEWER");
    }

    /**
     * Whether the signed-in user may approve in this document. Code running without a signed-in user (start-up
     * seeding, tests of the service) is trusted: every request from outside is authenticated before it gets here.
     */
    static boolean currentUserMayApprove(boolean oneStepReview) {
        List<String> authorities = currentAuthorities();
        return authorities == null || mayApprove(authorities, oneStepReview);
    }

    private static List<String> currentAuthorities() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? null : user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
