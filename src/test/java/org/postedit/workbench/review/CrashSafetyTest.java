package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.WorkbenchApplication;
import org.postedit.workbench.api.ApiTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Kills the running workbench with SIGKILL in the middle of saves, starts it again on the same database, and
 * finds every save the API had acknowledged before the kill: H2 must make an acknowledged commit durable.
 */
class CrashSafetyTest {

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedSaveSurvivesKillDashNine() throws Exception {
        int port = freePort();
        Process app = start(port);
        ApiTestClient api = new ApiTestClient(port, "admin", "crash-password");
        record Ack(long segmentId, int version, String target) {
        }
        List<Ack> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            awaitUp(api, app);
            JsonNode documents = api.get("/api/documents").json();
            long documentId = documents.get(0).get("id").asLong();
            JsonNode segments = api.get("/api/documents/" + documentId + "/segments").json();
            AtomicBoolean stop = new AtomicBoolean();
            Thread saver = Thread.ofPlatform().start(() -> {
                int n = 0;
                while (!stop.get()) {
                    JsonNode segment = segments.get(n % segments.size());
                    long id = segment.get("id").asLong();
                    try {
                        JsonNode current = api.get("/api/segments/" + id).json();
                        if (current == null || current.get("codes") != null) {
                            n++;
                            continue;
                        }
                        String text = "Crash test edit " + n;
                        ApiTestClient.Response saved = api.putJson("/api/segments/" + id,
                                Map.of("target", text, "version", current.get("version").asInt()));
                        if (saved.status() == 200) {
                            acknowledged.add(new Ack(id, saved.json().get("version").asInt(), text));
                        }
                    } catch (IOException | InterruptedException | RuntimeException connectionLost) {
                        return;
                    }
                    n++;
                }
            });
            Instant until = Instant.now().plusSeconds(4);
            while (Instant.now().isBefore(until) || acknowledged.size() < 20) {
                Thread.sleep(50);
                assertThat(app.isAlive()).isTrue();
            }
            app.destroyForcibly();   // SIGKILL: no shutdown hook, no orderly close of the database
            app.waitFor();
            stop.set(true);
            saver.join(10_000);
        } finally {
            app.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);
        System.out.println("CrashSafetyTest: " + acknowledged.size() + " acknowledged saves before kill -9");

        Process again = start(port);
        try {
            awaitUp(api, again);
            for (Ack ack : acknowledged) {
                JsonNode versions = api.get("/api/segments/" + ack.segmentId() + "/versions").json();
                boolean found = false;
                for (JsonNode v : versions) {
                    found |= v.get("version").asInt() == ack.version() && v.get("target").asString().equals(ack.target());
                }
                assertThat(found).as("acknowledged save %s after the restart; history: %s", ack, versions).isTrue();
            }
        } finally {
            again.destroyForcibly();
            again.waitFor();
        }
    }

    private Process start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                WorkbenchApplication.class.getName(), "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("workbench")
                        + System.getProperty("crash.urlOptions", ";WRITE_DELAY=0"),
                "--workbench.admin.password=crash-password",
                "--workbench.admin.password-file=" + data.resolve("initial-admin-password"),
                "--vaadin.productionMode=false", "--logging.level.root=WARN");
        builder.redirectErrorStream(true);
        builder.redirectOutput(data.resolve("app-" + System.nanoTime() + ".log").toFile());
        return builder.start();
    }

    private void awaitUp(ApiTestClient api, Process app) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("the app died: %s", logs()).isTrue();
            try {
                ApiTestClient.Response documents = api.get("/api/documents");
                if (documents.status() == 200 && documents.json().size() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not start in time: " + logs());
    }

    private String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(data)) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                String text = Files.readString(log);
                out.append(text, Math.max(0, text.length() - 3000), text.length());
            }
        }
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
