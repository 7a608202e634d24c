package org.postedit.workbench.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.security.UserAccount;
import org.postedit.workbench.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/documents/{id}/issues} through the real controllers and the API's security chain. */
@CheckTest
class IssueApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApplicationContext applicationContext;
    @Autowired
    DocumentService documents;
    @Autowired
    CheckService checks;
    @Autowired
    UserService users;
    @Autowired
    TestCheckers.Gate gate;

    @TempDir
    Path dir;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        synchronized (IssueApiTest.class) {
            TestSecurity.runAs(applicationContext, "admin", () -> {
                if (users.users().stream().noneMatch(u -> u.username().equals("issue-viewer"))) {
                    users.create("issue-viewer", "viewer-secret-pass", Set.of(UserAccount.Role.VIEWER), "admin");
                }
                return null;
            }, "ADMIN");
        }
    }

    @Test
    void answers202WhileCheckingAnd200WithTheIssuesWhenDone() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add("Segment " + i + " is gated.");
        }
        lines.add("The last one has teh typo.");
        gate.close();
        long id;
        try {
            id = importText("api", lines.toArray(String[]::new));
            MockHttpServletResponse running = call(get("/api/documents/" + id + "/issues"), "admin");
            assertThat(running.getStatus()).isEqualTo(202);
            JsonNode progress = json(running);
            assertThat(progress.get("total").asInt()).isEqualTo(41);
            assertThat(progress.get("checked").asInt()).isLessThan(41);
        } finally {
            gate.open();
        }
        CheckServiceTest.await(() -> !checks.progress(id).running());

        MockHttpServletResponse done = call(get("/api/documents/" + id + "/issues"), "issue-viewer");
        assertThat(done.getStatus()).isEqualTo(200);
        JsonNode issue = mine(json(done)).getFirst();
        assertThat(issue.get("ordinal").asInt()).isEqualTo(41);
        assertThat(issue.get("segmentId").asLong()).isPositive();
        assertThat(issue.get("ruleId").asString()).isEqualTo("TEH");
        assertThat(issue.get("category").asString()).isEqualTo("spelling");
        assertThat(issue.get("severity").asString()).isEqualTo("error");
        assertThat(issue.get("offset").asInt()).isEqualTo(17);
        assertThat(issue.get("length").asInt()).isEqualTo(3);
        assertThat(issue.get("message").asString()).isNotBlank();
        assertThat(issue.get("suggestions").get(0).asString()).isEqualTo("the");
        assertThat(issue.has("ignored")).isFalse();

        MockHttpServletResponse again = call(post("/api/documents/" + id + "/issues/check"), "admin");
        assertThat(again.getStatus()).isEqualTo(202);
        assertThat(json(again).get("total").asInt()).isEqualTo(41);
    }

    @Test
    void ignoredIssuesAreLeftOutUnlessAskedFor() throws Exception {
        long id = importText("api-ignored", "Teh first.", "Teh second.");
        CheckServiceTest.await(() -> !checks.progress(id).running());
        ReportedIssue first = checks.report(id, false).stream()
                .filter(r -> r.issue().checker().equals(TestCheckers.FlagWords.ID)).findFirst().orElseThrow();
        TestSecurity.runAs(applicationContext, "rev", () -> {
            checks.ignore(first.segmentId(), first.issue(), "rev");
            return null;
        }, "REVIEWER");

        assertThat(mine(json(call(get("/api/documents/" + id + "/issues"), "admin")))).hasSize(1);
        List<JsonNode> all = mine(json(call(get("/api/documents/" + id + "/issues?includeIgnored=true"), "admin")));
        assertThat(all).extracting(n -> n.get("ordinal").asInt() + ":" + n.get("ignored").asBoolean())
                .containsExactly("1:true", "2:false");
    }

    @Test
    void unknownDocumentsAndStrangersAreRefused() throws Exception {
        MockHttpServletResponse missing = call(get("/api/documents/987654/issues"), "admin");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).contains("application/problem+json");
        assertThat(call(post("/api/documents/987654/issues/check"), "admin").getStatus()).isEqualTo(404);

        MockHttpServletResponse anonymous = mvc.perform(get("/api/documents/1/issues")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
    }

    @Test
    void downloadsTheReportAsCsvAndHtml() throws Exception {
        long id = importText("api-report", "A <b>bold</b> teh, \"quoted\".", "=HYPERLINK(\"x\") teh.");
        CheckServiceTest.await(() -> !checks.progress(id).running());

        MockHttpServletResponse csv = call(get("/api/documents/" + id + "/qa-report?format=csv"), "issue-viewer");
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment").contains("api-report-qa.csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("segment,category,severity,checker,rule,text,issue,message,suggestions,ignored")
                .contains("1,Spelling,error,test-flag,TEH,\"A <b>bold</b> teh, \"\"quoted\"\".\",teh,")
                .contains(",\"'=HYPERLINK(\"\"x\"\") teh.\",teh,");

        MockHttpServletResponse html = call(get("/api/documents/" + id + "/qa-report?format=html"), "admin");
        assertThat(html.getStatus()).isEqualTo(200);
        assertThat(html.getContentType()).startsWith("text/html");
        String page = html.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as(page).startsWith("<!DOCTYPE html>").contains("A &lt;b&gt;bold&lt;/b&gt; <mark>teh</mark>")
                .doesNotContain("<b>bold</b>").doesNotContain("<script").doesNotContain("src=");

        assertThat(call(get("/api/documents/" + id + "/qa-report?format=pdf"), "admin").getStatus()).isEqualTo(400);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user) throws Exception {
        String password = user.equals("admin") ? "test-admin-password" : "viewer-secret-pass";
        return mvc.perform(request.with(httpBasic(user, password))).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> mine(JsonNode issues) {
        List<JsonNode> mine = new ArrayList<>();
        issues.forEach(n -> {
            if (n.get("checker").asString().equals(TestCheckers.FlagWords.ID)) {
                mine.add(n);
            }
        });
        return mine;
    }

    private long importText(String name, String... sentences) throws Exception {
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, String.join("\n\n", sentences), StandardCharsets.UTF_8);
        return documents.importFile(file, name + ".txt", new ImportOptions(null, "en-US"), "test").document().id();
    }
}
