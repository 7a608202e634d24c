package org.postedit.workbench.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of the running request, as Spring Security holds it: the UI (Vaadin's security context, on
 * the UI thread and in work handed on with {@code DelegatingSecurityContextRunnable}) and the API (HTTP Basic) both
 * set it. Services check their permissions here, so a caller that forgets a check still cannot write. Code that
 * runs without a signed-in user is refused: there is no system bypass (nothing at start-up or in the background
 * writes segments; tests sign in as a user of the role they exercise).
 *
 * <p>Read through the application's {@link SecurityContextHolderStrategy} (Vaadin's, the one the filter chains and
 * method security use), not the static holder, which another application context in the same JVM may have
 * repointed.
 */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy security;

    public CurrentUser(ObjectProvider<SecurityContextHolderStrategy> security) {
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** @return null when no one is signed in */
    public Authentication authentication() {
        Authentication user = security.getContext().getAuthentication();
        return user == null || !user.isAuthenticated() ? null : user;
    }

    public boolean may(Permission permission) {
        return permission.grantedTo(authentication());
    }

    /**
     * @param action what was refused, as the user would say it ("edit segment targets")
     * @throws PermissionDeniedException when the signed-in user lacks the permission, or no one is signed in
     */
    public void require(Permission permission, String action) {
        if (!may(permission)) {
            throw denied(action, permission);
        }
    }

    public PermissionDeniedException denied(String action, Permission permission) {
        if (authentication() == null) {
            return new PermissionDeniedException("Sign in to " + action + ".");
        }
        return new PermissionDeniedException("Your roles do not allow you to " + action + " (that needs the "
                + roles(permission) + " role).");
    }

    /** "admin, approver or reviewer" */
    static String roles(Permission permission) {
        String[] names = Arrays.stream(permission.roleNames()).map(n -> n.toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        if (names.length == 1) {
            return names[0];
        }
        return Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", ")) + " or "
                + names[names.length - 1];
    }
}
