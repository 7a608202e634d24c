package org.postedit.workbench.glossary;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the shipped glossary on first start only (a marker row records it). */
@Component
@Order(5)
class SampleGlossary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleGlossary.class);
    private static final String MARKER = "sample-glossary";

    private final GlossaryService glossary;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final Path dir;

    SampleGlossary(GlossaryService glossary, JdbcClient jdbc, Clock clock,
                   @Value("${workbench.seed.enabled:true}") boolean enabled,
                   @Value("${workbench.seed.glossary-dir:glossary}") String dir) {
        this.glossary = glossary;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
        this.dir = Path.of(dir);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || jdbc.sql("select count(*) from seed_marker where name = ?").param(MARKER)
                .query(Integer.class).single() > 0) {
            return;
        }
        Path csv = dir.resolve("seed-terms.csv");
        if (!Files.isRegularFile(csv)) {
            log.warn("No sample glossary: {} not found", csv.toAbsolutePath());
            return;
        }
        int concepts;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            concepts = glossary.importSeedCsv(reader);
        }
        jdbc.sql("insert into seed_marker (name, loaded_at) values (?, ?)")
                .params(MARKER, Timestamp.from(clock.instant())).update();
        log.info("Loaded the sample glossary: {} concepts from {}", concepts, csv.toAbsolutePath());
    }
}
