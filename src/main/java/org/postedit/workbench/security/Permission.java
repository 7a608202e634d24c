package org.postedit.workbench.security;

import static org.postedit.workbench.security.UserAccount.Role.ADMIN;
import static org.postedit.workbench.security.UserAccount.Role.APPROVER;
import static org.postedit.workbench.security.UserAccount.Role.REVIEWER;
import static org.postedit.workbench.security.UserAccount.Role.TERMINOLOGIST;
import static org.postedit.workbench.security.UserAccount.Role.TRANSLATOR;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.postedit.workbench.security.UserAccount.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What the roles allow on documents under review, in one table: the API's URL rules, the services' own checks and
 * the views (which controls they offer) all read it, so they cannot disagree. A user holds every permission of
 * each of their roles. Viewers hold none: they read.
 */
public enum Permission {

    /**
     * Change a segment's target by hand: save, confirm (Ctrl+Enter), confirm in bulk, restore a version, find and
     * replace, give repetitions the same text, apply a check's suggestion.
     */
    EDIT_TARGETS(ADMIN, APPROVER, REVIEWER, TRANSLATOR),
    /** Mark segments reviewed, reject them, read back an edited export (it carries review statuses). */
    REVIEW(ADMIN, APPROVER, REVIEWER),
    /** Approve in every document; reviewers approve only in one-step-review documents (see the review service). */
    APPROVE(ADMIN, APPROVER),
    /** Set a document's review mode (one-step or two-step). */
    SET_REVIEW_MODE(ADMIN, APPROVER),
    /** Comment on segments and resolve comments, ignore check issues, have a document checked again. */
    DISCUSS(ADMIN, APPROVER, REVIEWER, TRANSLATOR, TERMINOLOGIST),
    /** Add words to and remove words from the project dictionary. */
    EDIT_DICTIONARY(ADMIN, APPROVER, REVIEWER, TERMINOLOGIST),
    /** Keep the glossaries: edit concepts and terms, import them, add a term from the review grid. */
    EDIT_TERMINOLOGY(ADMIN, TERMINOLOGIST);

    private final Set<Role> roles;

    Permission(Role... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public Set<Role> roles() {
        return roles;
    }

    /** The role names for Spring Security's {@code hasAnyRole} (URL rules, {@code @PreAuthorize}). */
    public String[] roleNames() {
        return roles.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    /** @param authorities Spring Security authorities such as "ROLE_REVIEWER" */
    public boolean grantedTo(Collection<String> authorities) {
        return roles.stream().anyMatch(role -> authorities.contains("ROLE_" + role.name()));
    }

    /** @param user null for no one (refused) */
    public boolean grantedTo(Authentication user) {
        return user != null && user.isAuthenticated()
                && grantedTo(user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }
}
