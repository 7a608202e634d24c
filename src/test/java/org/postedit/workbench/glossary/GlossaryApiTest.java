package org.postedit.workbench.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.api.ApiTestClient;
import org.postedit.workbench.security.UserAccount;
import org.postedit.workbench.security.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The glossary API as a script calls it: search, import with preview, export, problem details, roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GlossaryApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    GlossaryService glossary;

    ApiTestClient admin;

    @BeforeEach
    void client() {
        admin = new ApiTestClient(port, "admin", "test-admin-password");
        for (UserAccount.Role role : new UserAccount.Role[] {UserAccount.Role.REVIEWER, UserAccount.Role.TERMINOLOGIST}) {
            String name = "api-" + role.name().toLowerCase();
            if (users.find(name).isEmpty()) {
                users.insert(name, encoder.encode(name + "-password"), role, Instant.now());
            }
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext applicationContext;

    private long newGlossary() {
        return org.postedit.workbench.TestSecurity.runAs(applicationContext, "t",
                () -> glossary.createGlossary("api " + java.util.UUID.randomUUID(), null, "t").id(), "TERMINOLOGIST");
    }

    @Test
    void searchesTheShippedTerms() throws Exception {
        ApiTestClient.Response response = admin.get("/api/glossary/terms?q=open&match=prefix&language=en"
                + "&status=deprecated&limit=5");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("total").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(json.get("terms").size()).isLessThanOrEqualTo(5);
        JsonNode first = json.get("terms").get(0);
        assertThat(first.get("term").asString()).startsWithIgnoringCase("open");
        assertThat(first.get("status").asString()).isEqualTo("deprecated");
        assertThat(first.get("conceptKey").asString()).startsWith("c");

        assertThat(admin.get("/api/glossary/terms?status=sometimes").status()).isEqualTo(400);
        ApiTestClient.Response reviewer = new ApiTestClient(port, "api-reviewer", "api-reviewer-password")
                .get("/api/glossary/terms?q=China");
        assertThat(reviewer.status()).isEqualTo(200);
        assertThat(reviewer.json().get("total").asInt()).isPositive();
    }

    @Test
    void importsWithPreviewThenApplies() throws Exception {
        long g = newGlossary();
        ApiTestClient terminologist = new ApiTestClient(port, "api-terminologist", "api-terminologist-password");
        byte[] tbx = Files.readAllBytes(TbxTestSupport.SHIPPED);
        ApiTestClient.Response preview = terminologist.upload("/api/glossary/import", "shipped.tbx", tbx,
                "mode", "replace", "preview", "true", "glossary", String.valueOf(g));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("applied").asBoolean()).isFalse();
        assertThat(preview.json().get("conceptsAdded").asInt()).isEqualTo(19);
        assertThat(preview.json().get("format").asString()).isEqualTo("tbx");
        assertThat(preview.json().get("samples").size()).isPositive();

        ApiTestClient.Response applied = terminologist.upload("/api/glossary/import", "shipped.tbx", tbx,
                "mode", "merge", "glossary", String.valueOf(g));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("applied").asBoolean()).isTrue();
        assertThat(glossary.countConcepts(GlossaryQuery.all().withGlossary(g))).isEqualTo(19);
    }

    @Test
    void badFilesGetAProblemDetailWithLineNumbers() throws Exception {
        long g = newGlossary();
        String broken = "<?xml version=\"1.0\"?>\n<martif type=\"TBX\" xml:lang=\"en\">\n<text><body>\n"
                + "<termEntry id=\"c1\"><langSet xml:lang=\"en\"><tig><term>x</tig></langSet></termEntry>\n"
                + "</body></text></martif>\n";
        ApiTestClient.Response tbx = admin.upload("/api/glossary/import", "broken.tbx",
                broken.getBytes(StandardCharsets.UTF_8), "glossary", String.valueOf(g));
        assertThat(tbx.status()).isEqualTo(400);
        assertThat(tbx.contentType()).contains("problem+json");
        assertThat(tbx.json().get("detail").asString()).startsWith("Line 4: ");
        assertThat(tbx.json().get("problems").get(0).get("line").asInt()).isEqualTo(4);

        ApiTestClient.Response csv = admin.upload("/api/glossary/import", "bad.csv",
                "language,term,status\nen,ok,preferred\nen,bad,sometimes\n".getBytes(StandardCharsets.UTF_8),
                "glossary", String.valueOf(g));
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().get("problems").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(glossary.countConcepts(GlossaryQuery.all().withGlossary(g))).isZero();

        assertThat(admin.upload("/api/glossary/import", "x.tbx", new byte[] {'<'}, "mode", "sideways").status())
                .isEqualTo(400);
    }

    @Test
    void onlyTerminologistsAndAdminsImport() throws Exception {
        ApiTestClient reviewer = new ApiTestClient(port, "api-reviewer", "api-reviewer-password");
        ApiTestClient.Response response = reviewer.upload("/api/glossary/import", "shipped.tbx",
                Files.readAllBytes(TbxTestSupport.SHIPPED), "preview", "true");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).contains("problem+json");
    }

    @Test
    void exportsTbxAndCsvAsDownloads() throws Exception {
        ApiTestClient.Response tbx = admin.get("/api/glossary/export?format=tbx");
        assertThat(tbx.status()).isEqualTo(200);
        assertThat(tbx.body()).contains("<martif type=\"TBX-Basic\"").contains("OpenAtom Foundation");
        ApiTestClient.Response csv = admin.get("/api/glossary/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith(String.join(",", GlossaryCsv.COLUMNS));
        ApiTestClient.Response unknown = admin.get("/api/glossary/export?format=docx");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("tbx, csv or tsv");
    }
}
