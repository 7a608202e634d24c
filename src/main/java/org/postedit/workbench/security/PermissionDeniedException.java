package org.postedit.workbench.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A service refused a change the user's roles do not allow. The message says what was refused and which roles may
 * do it; the API answers 403 with it as the problem detail, the views show it as a notification.
 */
public class PermissionDeniedException extends AccessDeniedException {

    public PermissionDeniedException(String message) {
        super(message);
    }
}
