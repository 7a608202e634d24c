package org.postedit.workbench.review.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Makes a committed transaction durable on embedded H2 before the caller is told it succeeded.
 *
 * <p>With {@code WRITE_DELAY=0} H2 writes its store at every commit, but a commit that arrives while another
 * thread's store is in progress returns at once (H2's {@code MVStore.commit} skips when a store operation is
 * running), and that store may have taken its snapshot before this commit. With background writers (checks
 * storing issues) beside a reviewer's save, a save could be acknowledged and then lost to a {@code kill -9}
 * ({@code CrashSafetyTest} caught it). After every commit this listener waits until a store that began after the
 * commit has finished: H2 serialises stores, so once the store version has moved two past the one seen at commit,
 * the store that began after it is complete; or until nothing is left unsaved. PostgreSQL needs none of this.
 */
@Component
public class DurableH2Commits implements TransactionExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Commits.class);
    // Long, because an acknowledgement that is not yet on disk is what this class exists to prevent: on a loaded
    // machine a store of the whole chunk can take seconds (CrashSafetyTest lost saves under load with 5 s). The
    // limit only keeps a broken disk from hanging every save for ever.
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final DataSource dataSource;
    private volatile MVStore store;
    private volatile boolean notH2;

    public DurableH2Commits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable failure) {
        // a released savepoint (a nested transaction) commits nothing yet: only the outer commit must reach disk
        if (failure != null || !transaction.isNewTransaction()) {
            return;
        }
        MVStore mv = store();
        if (mv == null || mv.isClosed()) {
            return;
        }
        long seen = mv.getCurrentVersion();
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (mv.hasUnsavedChanges() && mv.getCurrentVersion() < seen + 2 && !mv.isClosed()) {
            mv.commit();
            if (System.nanoTime() > deadline) {
                log.warn("H2 did not store a commit within 30 s; it stays in memory until the next store");
                return;
            }
            if (mv.hasUnsavedChanges() && mv.getCurrentVersion() < seen + 2) {
                LockSupport.parkNanos(100_000);   // another thread's store is being written
            }
        }
    }

    private MVStore store() {
        MVStore found = store;
        if (found != null || notH2) {
            return found;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                notH2 = true;
                return null;
            }
            JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
            if (!(h2.getSession() instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
                notH2 = true;   // a server connection: the server makes its own commits durable
                return null;
            }
            found = local.getDatabase().getStore().getMvStore();
            store = found;
            return found;
        } catch (SQLException | RuntimeException e) {
            log.warn("Cannot reach H2's store to make commits durable: {}", e.toString());
            notH2 = true;
            return null;
        }
    }
}
