package org.postedit.workbench;

import java.util.Arrays;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * Vaadin installs its own security-context strategy per application context, and the global holder follows the
 * context created last. Tests that share the JVM with other contexts use these helpers so that the context under
 * test sees the test's user.
 */
public final class TestSecurity {

    private TestSecurity() {
    }

    /** Points the global holder at this context's strategy and carries the test's user (@WithMockUser) over. */
    public static void useStrategyOf(ApplicationContext context) {
        Authentication user = TestSecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolderStrategy strategy = context.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable();
        if (strategy != null) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
        if (user != null) {
            SecurityContext security = SecurityContextHolder.createEmptyContext();
            security.setAuthentication(user);
            SecurityContextHolder.setContext(security);
        }
    }

    /** Runs {@code work} as a user with the given roles, in this context's security strategy. */
    public static <T> T runAs(ApplicationContext context, String user, Supplier<T> work, String... roles) {
        SecurityContextHolderStrategy strategy = context.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        SecurityContext previous = strategy.getContext();
        SecurityContext security = strategy.createEmptyContext();
        security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
        strategy.setContext(security);
        // services that read the global holder (ConfirmStatus) must see this user too, even when another context
        // was created after this one
        SecurityContextHolderStrategy global = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(strategy);
        try {
            return work.get();
        } finally {
            strategy.setContext(previous);
            SecurityContextHolder.setContextHolderStrategy(global);
        }
    }
}
