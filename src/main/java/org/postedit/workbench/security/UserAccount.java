package org.postedit.workbench.security;

/** A person who signs in. Roles: ADMIN (also archives documents, manages users) and REVIEWER. */
public record UserAccount(long id, String username, String passwordHash, Role role, boolean enabled) {

    /** TERMINOLOGIST keeps the glossaries (edits concepts, imports and exports TBX/CSV); ADMIN may too. */
    public enum Role { ADMIN, REVIEWER, TERMINOLOGIST }
}
