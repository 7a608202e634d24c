package org.postedit.workbench.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The JSON API against the real application and a real H2 file database, as a script would call it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentAndSegmentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiTestClient api;

    @BeforeEach
    void client() {
        api = new ApiTestClient(port, "admin", "test-admin-password");
    }

    @Test
    void listsTheSampleDocumentsWithCountsPerStatus() throws Exception {
        ApiTestClient.Response response = api.get("/api/documents");
        assertThat(response.status()).isEqualTo(200);
        JsonNode sample = find(response.json(), "000_796b4e4ca0be2a4e.txt");
        assertThat(sample.get("format").asString()).isEqualTo("plain_text");
        assertThat(sample.get("targetLanguage").asString()).isEqualTo("en-US");
        assertThat(sample.get("sourceLanguage").isNull()).isTrue();
        assertThat(sample.get("segmentCount").asInt()).isGreaterThan(15);
        assertThat(sample.get("statusCounts").get("new").asInt()).isLessThanOrEqualTo(sample.get("segmentCount").asInt());
    }

    @Test
    void importsAFileEditsASegmentAndRefusesAStaleVersion() throws Exception {
        String html = "<html lang=\"en\"><body><p>The <b>summit</b> was held in Beijing.Improve the layout.</p>"
                + "<p>Second paragraph here.</p></body></html>";
        ApiTestClient.Response created = api.upload("/api/documents", "summit.html",
                html.getBytes(StandardCharsets.UTF_8), "targetLanguage", "en-US");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("format").asString()).isEqualTo("html");

        JsonNode segments = api.get("/api/documents/" + id + "/segments").json();
        assertThat(segments.size()).isEqualTo(3);
        JsonNode first = segments.get(0);
        assertThat(first.get("target").asString()).isEqualTo("The \u27E60\u27E7summit\u27E61\u27E7 was held in Beijing.");
        assertThat(first.get("codes").size()).isEqualTo(2);
        assertThat(segments.get(1).get("mt").asString()).isEqualTo("Improve the layout.");

        long segmentId = first.get("id").asLong();
        int version = first.get("version").asInt();
        ApiTestClient.Response saved = api.putJson("/api/segments/" + segmentId, Map.of(
                "target", "The \u27E60\u27E7Summit\u27E61\u27E7 took place in Beijing.", "version", version));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("status").asString()).isEqualTo("edited");
        assertThat(saved.json().get("version").asInt()).isEqualTo(version + 1);
        assertThat(saved.json().get("mt").asString()).isEqualTo("The \u27E60\u27E7summit\u27E61\u27E7 was held in Beijing.");

        ApiTestClient.Response stale = api.putJson("/api/segments/" + segmentId, Map.of(
                "target", "Someone else's older edit.", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).contains("application/problem+json");
        assertThat(stale.json().get("current").get("target").asString()).contains("took place");

        ApiTestClient.Response lostCode = api.putJson("/api/segments/" + segmentId, Map.of(
                "target", "The Summit took place in Beijing.", "version", version + 1));
        assertThat(lostCode.status()).isEqualTo(400);
        assertThat(lostCode.json().get("detail").asString()).contains("missing");

        ApiTestClient.Response approved = api.postJson("/api/segments/" + segmentId + "/approve",
                Map.of("version", version + 1));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("approved");

        JsonNode history = api.get("/api/segments/" + segmentId + "/versions").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("status").asString()).isEqualTo("edited");
        assertThat(history.get(1).get("status").asString()).isEqualTo("approved");
        assertThat(history.get(1).get("author").asString()).isEqualTo("admin");
    }

    @Test
    void refusesBadUploadsWithProblemDetailsAndStoresNothing() throws Exception {
        int documentsBefore = count("document");
        int segmentsBefore = count("segment");

        assertProblem(api.upload("/api/documents", "empty.txt", new byte[0]), 400);
        assertProblem(api.upload("/api/documents", "picture.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}), 415);
        assertProblem(api.upload("/api/documents", "broken.xlf",
                "<?xml version=\"1.0\"?><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file"
                        .getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(api.upload("/api/documents", "notzip.docx",
                "this is not a zip archive at all".getBytes(StandardCharsets.UTF_8)), 400);
        byte[] large = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        ApiTestClient.Response tooLarge = api.upload("/api/documents", "large.txt", large);
        assertThat(tooLarge.status()).isEqualTo(413);

        assertThat(count("document")).isEqualTo(documentsBefore);
        assertThat(count("segment")).isEqualTo(segmentsBefore);
        assertThat(api.get("/api/documents").status()).isEqualTo(200);
    }

    @Test
    void refusesCallsWithoutCredentials() throws Exception {
        ApiTestClient.Response response = new ApiTestClient(port, null, null).get("/api/documents");
        assertThat(response.status()).isEqualTo(401);
        ApiTestClient.Response wrong = new ApiTestClient(port, "admin", "wrong").get("/api/documents");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void answersNotFoundForUnknownIds() throws Exception {
        assertProblem(api.get("/api/documents/999999/segments"), 404);
        assertProblem(api.putJson("/api/segments/999999", Map.of("target", "x", "version", 0)), 404);
    }

    private void assertProblem(ApiTestClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static JsonNode find(JsonNode documents, String name) {
        for (JsonNode d : documents) {
            if (d.get("name").asString().equals(name)) {
                return d;
            }
        }
        throw new AssertionError(name + " not in " + documents);
    }
}
