package org.postedit.workbench.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person who signs in, with the roles that say what they may do.
 *
 * @param roles never empty for an active user
 */
public record UserAccount(long id, String username, String passwordHash, Set<Role> roles, boolean enabled,
                         Instant createdAt) {

    public UserAccount {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * What a user may do. Review statuses follow the roles: a translator's confirmation makes a segment "edited",
     * a reviewer's "reviewed", an approver's "approved".
     */
    public enum Role {
        /** manages users and documents (archive), and may do everything else */
        ADMIN,
        /** sets segments to approved (final) */
        APPROVER,
        /** sets segments to reviewed, rejects */
        REVIEWER,
        /** edits targets; confirmed segments become edited */
        TRANSLATOR,
        /** keeps the glossaries (edits concepts, imports and exports TBX/CSV) */
        TERMINOLOGIST,
        /** reads documents and glossaries only */
        VIEWER;

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase();
        }
    }
}
