package org.postedit.workbench.check.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** A reviewer reads the checklist and may test a pattern, but sees no controls that change it. */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "rita", roles = "REVIEWER")
class ChecklistViewReaderTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext applicationContext;

    @Override
    @BeforeEach
    protected void initVaadinEnvironment() {
        TestSecurityContextHolder.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("rita", null,
                List.of(new SimpleGrantedAuthority("ROLE_REVIEWER"))));
        TestSecurity.useStrategyOf(applicationContext);
        super.initVaadinEnvironment();
    }

    @AfterEach
    void forgetTheUser() {
        SecurityContextHolder.clearContext();
        TestSecurityContextHolder.clearContext();
    }

    @Test
    void aReviewerSeesTheRulesWithoutEditControlsAndCanTestAPattern() {
        ChecklistView view = navigate(ChecklistView.class);
        assertThat(view.addButton().isVisible()).isFalse();
        assertThat(view.toggleButton().isVisible()).isFalse();
        assertThat(view.deleteButton().isVisible()).isFalse();
        assertThat($(Upload.class).exists()).isFalse();

        test($(com.vaadin.flow.component.button.Button.class).withText("Test a pattern").single()).click();
        ChecklistRuleDialog dialog = $(ChecklistRuleDialog.class).single();
        assertThat(dialog.save.isVisible()).isFalse();
        test(dialog.pattern).setValue("(\\d+) ?%");
        test(dialog.replacement).setValue("$1 percent");
        test(dialog.sample).setValue("up 5 % and 7%");
        test(dialog.test).click();
        assertThat(dialog.results.getElement().getTextRecursively()).contains("“5 %” at 3 → “5 percent”")
                .contains("“7%” at 11 → “7 percent”");
    }
}
