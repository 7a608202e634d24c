package org.postedit.workbench.review;

import java.util.Collection;

import org.postedit.workbench.document.SegmentStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The status a confirmation gives, from the roles of whoever confirms. */
final class ConfirmStatus {

    private ConfirmStatus() {
    }

    static SegmentStatus forCurrentUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? SegmentStatus.EDITED : forRoles(user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList());
    }

    /** @param authorities Spring Security authorities such as "ROLE_REVIEWER" */
    static SegmentStatus forRoles(Collection<String> authorities) {
        if (authorities.contains("ROLE_APPROVER") || authorities.contains("ROLE_ADMIN")) {
            return SegmentStatus.APPROVED;
        }
        if (authorities.contains("ROLE_REVIEWER")) {
            return SegmentStatus.REVIEWED;
        }
        return SegmentStatus.EDITED;
    }
}
