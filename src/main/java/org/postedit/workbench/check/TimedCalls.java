package org.postedit.workbench.check;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checker calls on a fixed set of platform threads and gives up on a call that takes longer than its limit.
 * Checkers run here rather than on the caller's thread so that a call over its limit can be abandoned: the caller
 * stops waiting and the call is interrupted. Java cannot stop a thread that ignores interrupts (a catastrophic
 * regular expression), so the pool grows by one thread for every abandoned call still running and shrinks again
 * when it returns: a stuck checker costs a thread, never the checks of everything else.
 *
 * <p>The threads are long-lived, so a checker that keeps per-thread state (LanguageTool's one {@code JLanguageTool}
 * per thread) builds it once per thread.
 */
final class TimedCalls implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TimedCalls.class);

    /** How a call ended. */
    enum Status { DONE, FAILED, TIMED_OUT }

    record Outcome<T>(Status status, T value, Throwable failure) {
        boolean done() {
            return status == Status.DONE;
        }
    }

    private final ThreadPoolExecutor pool;
    private final int threads;
    private final AtomicInteger stuck = new AtomicInteger();

    TimedCalls(int threads, String name) {
        this.threads = threads;
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                r -> {
                    Thread thread = new Thread(r, name + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Runs {@code work} and waits for it at most {@code limit} from the moment it starts (time queued behind other
     * calls does not count), and never past {@code deadlineNanos} ({@link System#nanoTime()} based; use
     * {@link Long#MAX_VALUE} for none).
     */
    <T> Outcome<T> call(Callable<T> work, Duration limit, long deadlineNanos) {
        Call<T> call = new Call<>(work);
        pool.execute(call);
        long limitNanos = limit.toNanos();
        while (true) {
            long now = System.nanoTime();
            long started = call.startedAt;
            long wait = started == 0 ? limitNanos : limitNanos - (now - started);
            if (deadlineNanos != Long.MAX_VALUE) {
                wait = Math.min(wait, deadlineNanos - now);
            }
            try {
                if (wait > 0) {
                    return new Outcome<>(Status.DONE, call.get(wait, TimeUnit.NANOSECONDS), null);
                }
            } catch (TimeoutException e) {
                continue;
            } catch (ExecutionException e) {
                return new Outcome<>(Status.FAILED, null, e.getCause());
            } catch (CancellationException e) {
                return new Outcome<>(Status.TIMED_OUT, null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon(call);
                return new Outcome<>(Status.TIMED_OUT, null, null);
            }
            abandon(call);
            return new Outcome<>(Status.TIMED_OUT, null, null);
        }
    }

    private void abandon(Call<?> call) {
        if (call.cancel(true) && call.startedAt != 0) {
            call.abandoned();
        }
    }

    /** Calls given up on that have not returned yet (each holds a thread). */
    int stuckCalls() {
        return stuck.get();
    }

    private synchronized void resize(int change) {
        int size = threads + stuck.addAndGet(change);
        if (change > 0) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** A call that knows when it started and, once abandoned, gives its extra thread back when it returns. */
    private final class Call<T> extends FutureTask<T> {

        volatile long startedAt;
        private boolean abandoned;
        private boolean finished;

        Call(Callable<T> work) {
            super(work);
        }

        @Override
        public void run() {
            startedAt = System.nanoTime();
            try {
                super.run();
            } finally {
                boolean giveBack;
                synchronized (this) {
                    finished = true;
                    giveBack = abandoned;
                }
                if (giveBack) {
                    resize(-1);
                    log.info("An abandoned check returned after {} ms", (System.nanoTime() - startedAt) / 1_000_000);
                }
            }
        }

        void abandoned() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                abandoned = true;
            }
            resize(+1);
        }
    }
}
