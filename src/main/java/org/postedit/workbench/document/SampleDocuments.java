package org.postedit.workbench.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the sample documents of {@code seeds/} on the first start only: a marker row records that it ran, so
 * a restart (or a user who archived the samples) never gets them twice.
 */
@Component
@Order(10)
class SampleDocuments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleDocuments.class);
    private static final String MARKER = "sample-documents";

    private final DocumentService documents;
    private final SeedProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    SampleDocuments(DocumentService documents, SeedProperties properties, JdbcClient jdbc, Clock clock) {
        this.documents = documents;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.enabled() || alreadyLoaded()) {
            return;
        }
        Path dir = Path.of(properties.documentsDir());
        if (!Files.isDirectory(dir)) {
            log.warn("No sample documents: {} is not a folder", dir.toAbsolutePath());
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        for (Path file : files) {
            documents.importFile(file, file.getFileName().toString(), ImportOptions.DETECT, "admin");
        }
        jdbc.sql("insert into seed_marker (name, loaded_at) values (?, ?)")
                .params(MARKER, Timestamp.from(clock.instant())).update();
        log.info("Loaded {} sample document(s) from {}", files.size(), dir.toAbsolutePath());
    }

    private boolean alreadyLoaded() {
        return jdbc.sql("select count(*) from seed_marker where name = ?").param(MARKER).query(Integer.class)
                .single() > 0;
    }
}
