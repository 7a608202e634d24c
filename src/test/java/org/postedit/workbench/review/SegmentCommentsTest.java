package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.api.ApiTestClient;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.security.UserAccount;
import org.postedit.workbench.security.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Comment threads through the service and the HTTP API, with the roles that may write them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SegmentCommentsTest {

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;
    @Autowired
    SegmentComments comments;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void viewer() {
        if (users.find("comment-viewer").isEmpty()) {
            users.insert("comment-viewer", encoder.encode("comment-viewer-password"), UserAccount.Role.VIEWER,
                    Instant.now());
        }
    }

    @Test
    void aThreadIsAddedInOrderResolvedAndCountedPerSegment() throws Exception {
        Segment segment = firstSegment("thread.txt", "Is this the right term? Second sentence.");
        SegmentComment question = TestSecurity.runAs(context, "rita",
                () -> comments.add(segment.id(), "  Is \"summit\" right here?  ", "rita"), "REVIEWER");
        TestSecurity.runAs(context, "tom", () -> comments.add(segment.id(), "Yes, see the glossary.", "tom"),
                "TRANSLATOR");

        assertThat(question.text()).isEqualTo("Is \"summit\" right here?");
        assertThat(comments.thread(segment.id())).extracting(SegmentComment::author).containsExactly("rita", "tom");
        assertThat(comments.counts(segment.documentId())).containsEntry(segment.id(), new CommentCount(2, 2));

        SegmentComment resolved = TestSecurity.runAs(context, "rita", () -> comments.resolve(question.id(), "rita"),
                "REVIEWER");
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.resolvedBy()).isEqualTo("rita");
        assertThat(comments.counts(segment.documentId())).containsEntry(segment.id(), new CommentCount(2, 1));
        // resolving keeps the comment
        assertThat(comments.thread(segment.id())).hasSize(2);
    }

    @Test
    void viewersReadButDoNotWriteAndEmptyCommentsAreRefused() throws Exception {
        Segment segment = firstSegment("roles.txt", "Comment on me.");
        assertThatThrownBy(() -> TestSecurity.runAs(context, "vic", () -> comments.add(segment.id(), "Hi", "vic"),
                "VIEWER")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestSecurity.runAs(context, "rita", () -> comments.add(segment.id(), "  ", "rita"),
                "REVIEWER")).isInstanceOf(SegmentEditRejectedException.class);
        assertThat(TestSecurity.runAs(context, "vic", () -> comments.thread(segment.id()), "VIEWER")).isEmpty();
    }

    @Test
    void theApiListsAndAddsCommentsAndRefusesViewersAndUnknownSegments() throws Exception {
        Segment segment = firstSegment("api.txt", "Comment through the API.");
        ApiTestClient admin = new ApiTestClient(port, "admin", "test-admin-password");
        ApiTestClient viewer = new ApiTestClient(port, "comment-viewer", "comment-viewer-password");

        ApiTestClient.Response created = admin.postJson("/api/segments/" + segment.id() + "/comments",
                Map.of("text", "Check the date format."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("author").asString()).isEqualTo("admin");
        assertThat(created.json().get("resolved").asBoolean()).isFalse();

        ApiTestClient.Response listed = viewer.get("/api/segments/" + segment.id() + "/comments");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.json().get(0).get("text").asString()).isEqualTo("Check the date format.");

        ApiTestClient.Response refused = viewer.postJson("/api/segments/" + segment.id() + "/comments",
                Map.of("text", "Viewers only read."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");

        ApiTestClient.Response empty = admin.postJson("/api/segments/" + segment.id() + "/comments",
                Map.of("text", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(admin.get("/api/segments/99999999/comments").status()).isEqualTo(404);

        long commentId = created.json().get("id").asLong();
        ApiTestClient.Response resolved = admin.postJson("/api/comments/" + commentId + "/resolve", Map.of());
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("resolvedBy").asString()).isEqualTo("admin");
        assertThat(jdbc.sql("select count(*) from segment_comment where segment_id = ?").param(segment.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    private Segment firstSegment(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        long id = documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
        return documents.segments(id).getFirst();
    }
}
