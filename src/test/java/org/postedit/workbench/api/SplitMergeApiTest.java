package org.postedit.workbench.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Split and merge through the JSON API, as a script would call them, with the refusals as problem details. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SplitMergeApiTest {

    @LocalServerPort
    int port;

    ApiTestClient api;

    @BeforeEach
    void client() {
        api = new ApiTestClient(port, "admin", "test-admin-password");
    }

    @Test
    void splitsASegmentAndRefusesAStaleVersionAndATornTagPair() throws Exception {
        String html = "<html lang=\"en\"><body><p>The <b>summit</b> opened, and the talks began.</p>"
                + "<p>Second paragraph here.</p></body></html>";
        long id = upload("split.html", html);
        JsonNode first = api.get("/api/documents/" + id + "/segments").json().get(0);
        long segmentId = first.get("id").asLong();
        int version = first.get("version").asInt();

        ApiTestClient.Response torn = api.postJson("/api/segments/" + segmentId + "/split",
                Map.of("offset", 7, "version", version));
        assertThat(torn.status()).as(torn.body()).isEqualTo(400);
        assertThat(torn.contentType()).contains("application/problem+json");
        assertThat(torn.json().get("detail").asString()).contains("between the tags");

        ApiTestClient.Response missing = api.postJson("/api/segments/" + segmentId + "/split", Map.of("offset", 7));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("\"version\"");

        // "The " + <b> + "summit" + </b> + " opened," : 4 + 1 + 6 + 1 + 8 = 20
        ApiTestClient.Response split = api.postJson("/api/segments/" + segmentId + "/split",
                Map.of("offset", 20, "version", version));
        assertThat(split.status()).as(split.body()).isEqualTo(200);
        assertThat(split.json().get("first").get("target").asString())
                .isEqualTo("The \u27E60\u27E7summit\u27E61\u27E7 opened,");
        assertThat(split.json().get("first").get("version").asInt()).isEqualTo(version + 1);
        assertThat(split.json().get("second").get("target").asString()).isEqualTo("and the talks began.");
        assertThat(split.json().get("second").get("ordinal").asInt()).isEqualTo(2);

        ApiTestClient.Response stale = api.postJson("/api/segments/" + segmentId + "/split",
                Map.of("offset", 4, "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("current").get("version").asInt()).isEqualTo(version + 1);

        JsonNode segments = api.get("/api/documents/" + id + "/segments").json();
        assertThat(segments.size()).isEqualTo(3);
        assertThat(segments.get(2).get("ordinal").asInt()).isEqualTo(3);
        assertThat(segments.get(2).get("target").asString()).isEqualTo("Second paragraph here.");
        JsonNode history = api.get("/api/segments/" + split.json().get("second").get("id").asLong() + "/versions")
                .json();
        assertThat(history.get(0).get("comment").asString()).isEqualTo("split from #1 (its second part)");
        assertThat(api.get("/api/documents/" + id).json().get("segmentCount").asInt()).isEqualTo(3);
    }

    @Test
    void mergesWithTheNextSegmentAlsoAcrossParagraphsAndRefusesTheLastAndAStaleNextVersion() throws Exception {
        long id = upload("merge.txt", "First sentence here. Second sentence here.\n\nOther paragraph.");
        JsonNode segments = api.get("/api/documents/" + id + "/segments").json();
        assertThat(segments.size()).isEqualTo(3);
        long first = segments.get(0).get("id").asLong();
        long second = segments.get(1).get("id").asLong();
        long last = segments.get(2).get("id").asLong();

        ApiTestClient.Response lastOne = api.postJson("/api/segments/" + last + "/merge",
                Map.of("version", 0, "nextVersion", 0));
        assertThat(lastOne.status()).isEqualTo(400);
        assertThat(lastOne.json().get("detail").asString()).contains("last one");
        ApiTestClient.Response stale = api.postJson("/api/segments/" + first + "/merge",
                Map.of("version", 0, "nextVersion", 4));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("current").get("id").asLong()).isEqualTo(second);

        ApiTestClient.Response merged = api.postJson("/api/segments/" + first + "/merge",
                Map.of("version", 0, "nextVersion", 0));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("target").asString()).isEqualTo("First sentence here. Second sentence here.");
        assertThat(merged.json().get("version").asInt()).isEqualTo(1);
        JsonNode after = api.get("/api/documents/" + id + "/segments").json();
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.get(1).get("ordinal").asInt()).isEqualTo(2);
        assertThat(api.get("/api/documents/" + id).json().get("segmentCount").asInt()).isEqualTo(2);
        JsonNode absorbed = api.get("/api/segments/" + second + "/versions").json();
        assertThat(absorbed.get(absorbed.size() - 1).get("comment").asString()).isEqualTo("merged into #1");
        assertThat(api.get("/api/segments/" + second).json().get("mergedInto").asLong()).isEqualTo(first);
        assertThat(api.get("/api/segments/" + first).json().has("mergedInto")).isFalse();
        ApiTestClient.Response editRetired = api.putJson("/api/segments/" + second,
                Map.of("target", "x", "version", 1));
        assertThat(editRetired.status()).isEqualTo(400);
        assertThat(editRetired.json().get("detail").asString()).contains("merged into segment 1");

        // a plain-text file is monolingual: the merge also takes the next paragraph's first segment
        ApiTestClient.Response across = api.postJson("/api/segments/" + first + "/merge",
                Map.of("version", 1, "nextVersion", 0));
        assertThat(across.status()).as(across.body()).isEqualTo(200);
        assertThat(across.json().get("target").asString())
                .isEqualTo("First sentence here. Second sentence here. Other paragraph.");
        assertThat(api.get("/api/segments/" + last).json().get("mergedInto").asLong()).isEqualTo(first);
        assertThat(api.get("/api/documents/" + id).json().get("segmentCount").asInt()).isEqualTo(1);
    }

    private long upload(String name, String content) throws Exception {
        ApiTestClient.Response created = api.upload("/api/documents", name, content.getBytes(StandardCharsets.UTF_8),
                "targetLanguage", "en-US");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
