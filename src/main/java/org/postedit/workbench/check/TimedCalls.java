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
 * stops waiting and moves on. The call is not interrupted: an interrupt can leave a checker's lazily built shared
 * state half-made (LanguageTool's rules, loaded on first use, fail for good when interrupted), and Java cannot stop
 * a thread that ignores interrupts anyway (a catastrophic regular expression). So the abandoned call runs on, its
 * late result is handed to a callback (the result cache keeps it), and the pool grows by one thread for every
 * abandoned call still running and shrinks again when it returns: a stuck checker costs a thread, never the checks
 * of everything else.
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
    /** Threads added for stuck calls; capped, so checkers that never return cannot eat the machine's threads. */
    private int extra;
    private final int maxExtra;

    TimedCalls(int threads, String name) {
        this.threads = threads;
        this.maxExtra = 8 * threads;
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
        return call(work, limit, deadlineNanos, late -> { });
    }

    /** As {@link #call(Callable, Duration, long)}; {@code late} gets the result of a call that was abandoned. */
    <T> Outcome<T> call(Callable<T> work, Duration limit, long deadlineNanos, java.util.function.Consumer<T> late) {
        Call<T> call = new Call<>(work, late);
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
        if (!call.abandoned()) {
            // not started yet: it never will
            call.cancel(false);
        }
    }

    /** Calls given up on that have not returned yet (each holds a thread). */
    int stuckCalls() {
        return stuck.get();
    }

    /** One more thread for a stuck call, unless the cap is reached; whether it was added. */
    private synchronized boolean grow() {
        if (extra >= maxExtra) {
            log.error("{} abandoned checks are still running; no more threads are added for them", extra);
            return false;
        }
        extra++;
        pool.setMaximumPoolSize(threads + extra);
        pool.setCorePoolSize(threads + extra);
        return true;
    }

    private synchronized void shrink() {
        extra--;
        pool.setCorePoolSize(threads + extra);
        pool.setMaximumPoolSize(threads + extra);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** A call that knows when it started and, once abandoned, gives its extra thread back when it returns. */
    private final class Call<T> extends FutureTask<T> {

        volatile long startedAt;
        private final java.util.function.Consumer<T> late;
        private boolean started;
        private boolean abandoned;
        private boolean finished;
        private boolean grown;

        Call(Callable<T> work, java.util.function.Consumer<T> late) {
            super(work);
            this.late = late;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (abandoned || isCancelled()) {
                    return;
                }
                started = true;
            }
            startedAt = System.nanoTime();
            try {
                super.run();
            } finally {
                boolean wasAbandoned;
                boolean giveBack;
                synchronized (this) {
                    finished = true;
                    wasAbandoned = abandoned;
                    giveBack = grown;
                }
                if (giveBack) {
                    shrink();
                }
                if (wasAbandoned) {
                    stuck.decrementAndGet();
                    log.info("An abandoned check returned after {} ms", (System.nanoTime() - startedAt) / 1_000_000);
                    deliverLate();
                }
            }
        }

        private void deliverLate() {
            try {
                late.accept(get());
            } catch (ExecutionException | InterruptedException | RuntimeException e) {
                log.debug("An abandoned check ended without a result", e);
            }
        }

        /**
         * Gives up on this call: a running one keeps its thread (the pool grows by one until it returns).
         *
         * @return false when it had not started (it never will) or had already finished
         */
        boolean abandoned() {
            synchronized (this) {
                if (finished) {
                    return true;
                }
                abandoned = true;
                if (!started) {
                    return false;
                }
                stuck.incrementAndGet();
                grown = grow();
            }
            return true;
        }
    }
}
