package org.postedit.workbench.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded H2 database: H2's {@code BACKUP TO} writes a consistent zip of the database
 * while the workbench keeps running. Restore = stop the app, unzip into the data folder, start it. PostgreSQL
 * deployments back up with the database's own tools (pg_dump) instead.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Path folder;
    private final Clock clock;

    public BackupService(JdbcClient jdbc, DataSource dataSource,
                         @Value("${workbench.backup.folder:data/backups}") String folder, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.folder = Path.of(folder);
        this.clock = clock;
    }

    /** Writes a backup zip and returns it. */
    @PreAuthorize("hasRole('ADMIN')")
    public Path backup(String user) {
        if (!isH2()) {
            throw new UnsupportedOperationException(
                    "Online backup is built in for the embedded H2 database only; back up PostgreSQL with pg_dump.");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path zip = folder.resolve("workbench-" + STAMP.format(clock.instant()) + ".zip").toAbsolutePath();
        jdbc.sql("backup to ?").param(zip.toString()).update();
        log.info("Database backup written to {} by {}", zip, user);
        return zip;
    }

    private boolean isH2() {
        try (var connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName().toLowerCase().contains("h2");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }
}
