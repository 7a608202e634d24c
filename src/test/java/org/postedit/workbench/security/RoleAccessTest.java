package org.postedit.workbench.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.api.ApiTestClient;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.security.UserAccount.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who gets into every view and every API call, as a table. The views are found by a classpath scan for
 * {@code @Route}, the calls from Spring MVC's handler mapping, so a new view or endpoint that is missing from the
 * table fails here until someone decides who may use it. Each API call is then made for real as a user of each
 * role: "gets in" means anything but 401/403 (a 400 for the empty request body is fine: the rules come first).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RoleAccessTest {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.APPROVER, Role.REVIEWER, Role.TRANSLATOR);
    private static final Set<Role> COMMENTERS = EnumSet.of(Role.ADMIN, Role.APPROVER, Role.REVIEWER, Role.TRANSLATOR,
            Role.TERMINOLOGIST);
    private static final Set<Role> DICTIONARY = EnumSet.of(Role.ADMIN, Role.APPROVER, Role.REVIEWER,
            Role.TERMINOLOGIST);
    private static final Set<Role> ANONYMOUS = EnumSet.noneOf(Role.class);

    /** View class (simple name) -> roles that may open it; an empty set means anyone, signed in or not. */
    private static final Map<String, Set<Role>> VIEWS = Map.of(
            "LoginView", ANONYMOUS,
            "DocumentsView", EVERYONE,
            "ReviewView", EVERYONE,
            "GlossaryView", EVERYONE,
            "UsersView", EnumSet.of(Role.ADMIN),
            "QaReportView", EVERYONE,
            "ChecklistView", EVERYONE);

    /** "METHOD /pattern" -> roles that get in. */
    private static final Map<String, Set<Role>> API = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/documents", EVERYONE),
            Map.entry("POST /api/documents", EVERYONE),
            Map.entry("GET /api/documents/{id}", EVERYONE),
            Map.entry("GET /api/documents/{id}/segments", EVERYONE),
            Map.entry("GET /api/documents/{id}/settings", EVERYONE),
            Map.entry("PUT /api/documents/{id}/settings", EnumSet.of(Role.ADMIN, Role.APPROVER)),
            Map.entry("GET /api/documents/{id}/export", EVERYONE),
            Map.entry("GET /api/documents/{id}/effort", EVERYONE),
            Map.entry("GET /api/documents/{id}/effort.csv", EVERYONE),
            Map.entry("GET /api/segments/{id}", EVERYONE),
            Map.entry("PUT /api/segments/{id}", EDITORS),
            Map.entry("POST /api/segments/{id}/confirm", EDITORS),
            Map.entry("POST /api/segments/{id}/revert", EDITORS),
            Map.entry("POST /api/segments/{id}/split", EDITORS),
            Map.entry("POST /api/segments/{id}/merge", EDITORS),
            // reviewers get past the URL rule; ReviewService lets them approve only in one-step-review documents
            Map.entry("POST /api/segments/{id}/approve", EnumSet.of(Role.ADMIN, Role.APPROVER, Role.REVIEWER)),
            Map.entry("POST /api/segments/{id}/reject", EnumSet.of(Role.ADMIN, Role.APPROVER, Role.REVIEWER)),
            Map.entry("GET /api/segments/{id}/versions", EVERYONE),
            Map.entry("GET /api/glossary/terms", EVERYONE),
            Map.entry("POST /api/glossary/import", EnumSet.of(Role.ADMIN, Role.TERMINOLOGIST)),
            Map.entry("GET /api/glossary/export", EVERYONE),
            Map.entry("POST /api/admin/backup", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/documents/export", EVERYONE),
            Map.entry("POST /api/documents/{id}/xliff", EnumSet.of(Role.ADMIN, Role.APPROVER, Role.REVIEWER)),
            Map.entry("GET /api/documents/{id}/issues", EVERYONE),
            Map.entry("GET /api/documents/{id}/qa-report", EVERYONE),
            Map.entry("POST /api/documents/{id}/issues/check", COMMENTERS),
            Map.entry("GET /api/segments/{id}/comments", EVERYONE),
            Map.entry("POST /api/segments/{id}/comments", COMMENTERS),
            Map.entry("POST /api/comments/{id}/resolve", COMMENTERS),
            Map.entry("GET /api/dictionary", EVERYONE),
            Map.entry("POST /api/dictionary", DICTIONARY),
            Map.entry("DELETE /api/dictionary", DICTIONARY),
            Map.entry("DELETE /api/dictionary/{id}", DICTIONARY)));

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    DocumentService documents;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void oneUserPerRole() {
        Set<String> existing = new TreeSet<>();
        TestSecurity.runAs(context, "admin", () -> {
            users.users().forEach(u -> existing.add(u.username()));
            for (Role role : Role.values()) {
                if (!existing.contains(user(role))) {
                    users.create(user(role), password(role), Set.of(role), "admin");
                }
            }
            return null;
        }, "ADMIN");
    }

    @Test
    void everyViewIsInTheTableAndLetsInExactlyItsRoles() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> found = new TreeSet<>();
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        List<String> wrong = new ArrayList<>();
        for (BeanDefinition candidate : scan.findCandidateComponents("org.postedit.workbench")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            if (view.getName().contains(".browser.")) {
                continue; // test-only views of the browser tests
            }
            found.add(view.getSimpleName());
            Set<Role> expected = VIEWS.get(view.getSimpleName());
            if (expected == null) {
                continue;
            }
            assertThat(checker.hasAccess(view, null, role -> false)).as(view.getSimpleName() + " signed out")
                    .isEqualTo(expected.isEmpty());
            for (Role role : Role.values()) {
                Principal principal = () -> user(role);
                boolean in = checker.hasAccess(view, principal, r -> r.equals(role.name()));
                if (in != (expected.isEmpty() || expected.contains(role))) {
                    wrong.add(view.getSimpleName() + " as " + role + ": " + (in ? "let in" : "kept out"));
                }
            }
        }
        assertThat(found).as("views with @Route; add new ones to VIEWS").isEqualTo(new TreeSet<>(VIEWS.keySet()));
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyApiCallIsInTheTableAndLetsInExactlyItsRoles() throws Exception {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getPathPatternsCondition() == null) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    for (RequestMethod m : methods.isEmpty() ? EnumSet.of(RequestMethod.GET) : methods) {
                        endpoints.add(m.name() + " " + pattern);
                    }
                }
            }
        });
        assertThat(endpoints).as("API calls; add new ones with their roles to API (and SecurityConfiguration)")
                .isEqualTo(API.keySet());

        long documentId = documents.list(false).getFirst().document().id();
        long segmentId = documents.segments(documentId).getFirst().id();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<Role>> endpoint : API.entrySet()) {
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            String pattern = endpoint.getKey().substring(method.length() + 1);
            String path = pattern.replace("{id}", String.valueOf(pattern.startsWith("/api/segments")
                    ? segmentId : documentId));
            if (method.equals("POST") && path.equals("/api/admin/backup")) {
                // a real backup is slow; the method rule is what is tested, so ask with a body it refuses to read
                path = path + "?probe=1";
            }
            for (Role role : Role.values()) {
                ApiTestClient client = new ApiTestClient(port, user(role), password(role));
                int status = switch (method) {
                    case "GET" -> client.get(path).status();
                    case "PUT" -> client.putJson(path, Map.of()).status();
                    case "POST" -> client.postJson(path, Map.of()).status();
                    case "DELETE" -> client.delete(path).status();
                    default -> throw new IllegalStateException(method);
                };
                boolean in = status != 401 && status != 403;
                if (in != endpoint.getValue().contains(role)) {
                    wrong.add(endpoint.getKey() + " as " + role + ": " + status);
                }
            }
            assertThat(new ApiTestClient(port, null, null).get(path).status()).as(path + " signed out")
                    .isEqualTo(401);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRefusalOfTheServiceIsA403ThatSaysWhyAndChangesNothing() throws Exception {
        ApiTestClient admin = new ApiTestClient(port, user(Role.ADMIN), password(Role.ADMIN));
        ApiTestClient.Response created = admin.upload("/api/documents", "two-step.txt",
                "Approve me later.".getBytes(java.nio.charset.StandardCharsets.UTF_8), "targetLanguage", "en-US");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long segmentId = admin.get("/api/documents/" + created.json().get("id").asLong() + "/segments").json()
                .get(0).get("id").asLong();

        // reviewers pass the URL rule for approve; the review service refuses them in a two-step-review document
        ApiTestClient reviewer = new ApiTestClient(port, user(Role.REVIEWER), password(Role.REVIEWER));
        ApiTestClient.Response refused = reviewer.postJson("/api/segments/" + segmentId + "/approve",
                Map.of("version", 0));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("two-step review");
        assertThat(admin.get("/api/segments/" + segmentId).json().get("version").asInt()).isZero();
    }

    private static String user(Role role) {
        return "role-" + role.name().toLowerCase();
    }

    private static String password(Role role) {
        return "password-of-" + role.name().toLowerCase();
    }
}
