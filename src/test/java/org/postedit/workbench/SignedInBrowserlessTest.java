package org.postedit.workbench;

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
        TestSecurity.useStrategyOf(applicationContext);
        super.initVaadinEnvironment();
    }

    @AfterEach
    void forgetTheUser() {
        SecurityContextHolder.clearContext();
        TestSecurityContextHolder.clearContext();
    }
}
