package org.postedit.workbench;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.context.support.WithMockUser;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * Browserless view tests as the test's user (@WithMockUser), also when several Spring contexts share the JVM:
 * the user is handed to this context's security strategy before the Vaadin session exists, and forgotten after.
 */
public abstract class SignedInBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    protected ApplicationContext applicationContext;

    @Override
    @BeforeEach
    protected void initVaadinEnvironment() {
        // set explicitly: after tests of other users in the same JVM, @WithMockUser's listener may not reach Vaadin
        WithMockUser user = AnnotatedElementUtils.findMergedAnnotation(getClass(), WithMockUser.class);
        if (user != null) {
            List<SimpleGrantedAuthority> authorities = user.authorities().length > 0
                    ? Arrays.stream(user.authorities()).map(SimpleGrantedAuthority::new).toList()
                    : Arrays.stream(user.roles()).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            TestSecurityContextHolder.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities));
        }
        TestSecurity.useStrategyOf(applicationContext);
        super.initVaadinEnvironment();
    }

    @AfterEach
    void forgetTheUser() {
        SecurityContextHolder.clearContext();
        TestSecurityContextHolder.clearContext();
    }
}
