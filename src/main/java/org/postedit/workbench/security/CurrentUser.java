package org.postedit.workbench.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of the running request, as Spring Security holds it: the UI (Vaadin's security context, on
 * the UI thread and in work handed on with {@code DelegatingSecurityContextRunnable}) and the API (HTTP Basic) both
 * set it. Services check their permissions here, so a caller that forgets a check still cannot write. Code that
 * runs without a signed-in user is refused: there is no system bypass (nothing at start-up or in the background
 * writes segments; tests sign in as a user of the role they exercise).
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    public static boolean may(Permission permission) {
        return permission.grantedTo(authentication());
    }

    /**
     * @param action what was refused, as the user would say it ("edit segment targets")
     * @throws PermissionDeniedException when the signed-in user lacks the permission, or no one is signed in
     */
    public static void require(Permission permission, String action) {
        if (!may(permission)) {
            throw denied(action, permission);
        }
    }

    public static PermissionDeniedException denied(String action, Permission permission) {
        Authentication user = authentication();
        if (user == null || !user.isAuthenticated()) {
            return new PermissionDeniedException("Sign in to " + action + ".");
        }
        return new PermissionDeniedException("Your roles do not allow you to " + action + " (that needs the "
                + roles(permission) + " role).");
    }

    /** "administrator, approver or reviewer" */
    public static String roles(Permission permission) {
        String[] names = Arrays.stream(permission.roleNames()).map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        if (names.length == 1) {
            return names[0];
        }
        return Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", ")) + " or "
                + names[names.length - 1];
    }
}
