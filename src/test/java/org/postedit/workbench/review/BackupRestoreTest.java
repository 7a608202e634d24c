package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.api.ApiTestClient;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** An online backup taken while the app runs restores into a fresh folder with every segment and version. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "workbench.backup.folder=target/test-data/backups")
@ActiveProfiles("test")
class BackupRestoreTest {

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;

    @TempDir
    Path restored;

    @Test
    void aBackupTakenWhileRunningRestoresIntoAFreshFolder() throws Exception {
        ApiTestClient api = new ApiTestClient(port, "admin", "test-admin-password");
        Segment segment = documents.list(false).stream()
                .flatMap(p -> documents.segments(p.document().id()).stream())
                .filter(s -> !s.target().hasCodes() && !s.locked()).findFirst().orElseThrow();
        ApiTestClient.Response saved = api.putJson("/api/segments/" + segment.id(),
                Map.of("target", "Backed up: " + segment.id(), "version", segment.version()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        ApiTestClient.Response backup = api.postJson("/api/admin/backup", Map.of());
        assertThat(backup.status()).as(backup.body()).isEqualTo(200);
        Path zip = Path.of(backup.json().get("file").asString());
        assertThat(zip).exists();

        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = restored.resolve(Path.of(entry.getName()).getFileName().toString());
                Files.copy(in, target);
            }
        }
        Path database = Files.list(restored).filter(f -> f.toString().endsWith(".mv.db")).findFirst().orElseThrow();
        String name = database.getFileName().toString().replace(".mv.db", "");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve(name), "sa", "")) {
            assertThat(count(connection, "select count(*) from segment")).isEqualTo(
                    documents.list(true).stream().mapToInt(p -> p.document().segmentCount()).sum());
            assertThat(count(connection, "select count(*) from document")).isEqualTo(documents.list(true).size());
            JsonNode versions = api.get("/api/segments/" + segment.id() + "/versions").json();
            assertThat(count(connection, "select count(*) from segment_version where segment_id = " + segment.id()))
                    .isEqualTo(versions.size());
        }

        ApiTestClient.Response reviewer = new ApiTestClient(port, null, null).postJson("/api/admin/backup", Map.of());
        assertThat(reviewer.status()).isEqualTo(401);
    }

    private static int count(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
