package org.postedit.workbench.glossary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the shipped glossary (glossary/workbench-glossary.tbx) into "General" on first start only. */
@Component
@Order(5)
class SampleGlossary implements ApplicationRunner {

    static final String FILE_NAME = "workbench-glossary.tbx";
    private static final Logger log = LoggerFactory.getLogger(SampleGlossary.class);
    /** A new marker for the TBX model: databases seeded from the old CSV table get the TBX once. */
    private static final String MARKER = "sample-glossary-tbx";

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
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("select count(*) from seed_marker where name = ?").param(MARKER)
                .query(Integer.class).single() > 0) {
            return;
        }
        Path tbx = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(tbx)) {
            log.warn("No sample glossary: {} not found", tbx.toAbsolutePath());
            return;
        }
        // start-up has no signed-in user: the seeding acts as the system administrator, for this call only
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(system);
        ImportSummary summary;
        try {
            summary = glossary.importFile(glossary.generalGlossary().id(), tbx, FILE_NAME, ImportMode.MERGE, false,
                    "system", p -> { });
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        jdbc.sql("insert into seed_marker (name, loaded_at) values (?, ?)")
                .params(MARKER, Timestamp.from(clock.instant())).update();
        log.info("Loaded the sample glossary: {} concepts from {}", summary.conceptsAdded(), tbx.toAbsolutePath());
    }
}
