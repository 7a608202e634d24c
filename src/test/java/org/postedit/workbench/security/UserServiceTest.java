package org.postedit.workbench.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.api.ApiTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** Administrators manage users and roles; the roles decide what a user may call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UserServiceTest {

    @Autowired
    UserService users;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void anAdministratorCreatesUsersWithSeveralRolesAndTheyCanSignIn() throws Exception {
        UserAccount created = asAdmin(() -> users.create("mei", "mei-secret-pass",
                EnumSet.of(UserAccount.Role.REVIEWER, UserAccount.Role.TERMINOLOGIST), "admin"));
        assertThat(created.roles()).containsExactlyInAnyOrder(UserAccount.Role.REVIEWER, UserAccount.Role.TERMINOLOGIST);
        assertThat(new ApiTestClient(port, "mei", "mei-secret-pass").get("/api/documents").status()).isEqualTo(200);
        // a terminologist may export the glossary; a reviewer-only user may not import into it
        assertThat(new ApiTestClient(port, "mei", "mei-secret-pass").get("/api/glossary/export?format=csv").status())
                .isEqualTo(200);

        asAdmin(() -> users.setEnabled(created.id(), false, "admin"));
        assertThat(new ApiTestClient(port, "mei", "mei-secret-pass").get("/api/documents").status()).isEqualTo(401);

        asAdmin(() -> users.setEnabled(created.id(), true, "admin"));
        String password = asAdmin(() -> users.resetPassword(created.id(), "admin"));
        assertThat(new ApiTestClient(port, "mei", "mei-secret-pass").get("/api/documents").status()).isEqualTo(401);
        assertThat(new ApiTestClient(port, "mei", password).get("/api/documents").status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> asAdmin(() -> users.create("admin", "long-enough-pass", Set.of(UserAccount.Role.VIEWER),
                "admin"))).hasMessageContaining("already");
        assertThatThrownBy(() -> asAdmin(() -> users.create("short", "short", Set.of(UserAccount.Role.VIEWER), "admin")))
                .hasMessageContaining("at least");
        assertThatThrownBy(() -> asAdmin(() -> users.create("noroles", "long-enough-pass", Set.of(), "admin")))
                .hasMessageContaining("role");
        long self = asAdmin(() -> users.users().stream().filter(u -> u.username().equals("admin")).findFirst()
                .orElseThrow().id());
        assertThatThrownBy(() -> asAdmin(() -> users.setEnabled(self, false, "admin")))
                .hasMessageContaining("your own");
        assertThatThrownBy(() -> asAdmin(() -> users.setRoles(self, Set.of(UserAccount.Role.REVIEWER), "admin")))
                .hasMessageContaining("yourself");
    }

    @Test
    void onlyAdministratorsManageUsers() {
        assertThatThrownBy(() -> TestSecurity.runAs(context, "rita", () -> users.users(), "REVIEWER"))
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return TestSecurity.runAs(context, "admin", work, "ADMIN");
    }
}
