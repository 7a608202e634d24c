package org.postedit.workbench;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Browserless view tests as the test's user ({@code @WithMockUser} on the test method, else on the class), also
 * when several Spring contexts share the JVM: the user is built from the annotation itself (Spring's listener may
 * have put it where this context's Vaadin session does not look, after tests of other users), handed to this
 * context's security strategy before the Vaadin session exists, and forgotten after.
 */
@ExtendWith(SignedInBrowserlessTest.TestMethod.class)
public abstract class SignedInBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    protected ApplicationContext applicationContext;

    private Method testMethod;

    @Override
    @BeforeEach
    protected void initVaadinEnvironment() {
        WithMockUser user = annotation(testMethod);
        if (user == null) {
            user = annotation(getClass());
        }
        if (user != null) {
            TestSecurityContextHolder.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    user.username().isEmpty() ? user.value() : user.username(), null, authorities(user)));
        }
        TestSecurity.useStrategyOf(applicationContext);
        super.initVaadinEnvironment();
    }

    @AfterEach
    void forgetTheUser() {
        SecurityContextHolder.clearContext();
        TestSecurityContextHolder.clearContext();
    }

    private static WithMockUser annotation(AnnotatedElement element) {
        return element == null ? null : AnnotatedElementUtils.findMergedAnnotation(element, WithMockUser.class);
    }

    /** As {@code @WithMockUser} means them: its authorities if given, else its roles as "ROLE_" authorities. */
    private static List<GrantedAuthority> authorities(WithMockUser user) {
        String[] names = user.authorities().length > 0 ? user.authorities()
                : Arrays.stream(user.roles()).map(role -> "ROLE_" + role).toArray(String[]::new);
        return Arrays.stream(names).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    /** Tells the test instance which method runs, before any {@code @BeforeEach} method. */
    static final class TestMethod implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            if (context.getRequiredTestInstance() instanceof SignedInBrowserlessTest test) {
                test.testMethod = context.getRequiredTestMethod();
            }
        }
    }
}
