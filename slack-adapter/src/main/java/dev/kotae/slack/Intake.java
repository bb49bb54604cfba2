package dev.kotae.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Slack requests wait for a worker, decided BEFORE the request is acknowledged, so that nothing
 * acknowledged is left in silence: a question either gets a place in the workers' bounded queue
 * ({@link Outcome#ACCEPTED}: it will be answered), or a place in the busy lane's bounded queue
 * ({@link Outcome#BUSY}: its asker will be told to try again), or neither ({@link Outcome#REFUSED}):
 * then it is not acknowledged, and Slack delivers it again later (events) or shows the user an error
 * (buttons); a slash command is told "busy" in the acknowledgement itself.
 *
 * <p>Every outcome is counted ({@link Counts}, shown on {@code /healthz}).
 */
final class Intake implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    enum Outcome { ACCEPTED, BUSY, REFUSED }

    /**
     * A snapshot of the counters since start.
     *
     * @param accepted   questions given a worker's place and acknowledged
     * @param answered   of those, handled to the end (a Web API failure is counted in {@code apiFailures})
     * @param failed     of those, ended by an error in the adapter
     * @param busy       acknowledged with a place in the busy lane; the asker is told to try again
     * @param busySent   busy replies handled to the end
     * @param busyInline slash commands told "busy" in their acknowledgement (no queue involved)
     * @param refused    not acknowledged (503): Slack delivers events again later
     * @param queued     questions waiting for a worker now
     * @param working    questions being answered now
     * @param apiFailures Web API calls that failed (logged by method and error code)
     */
    record Counts(long accepted, long answered, long failed, long busy, long busySent, long busyInline, long refused,
                  int queued, int working, long apiFailures) {}

    private final ThreadPoolExecutor workers;
    /** The busy replies: few threads, their own bounded queue, so overload never takes an answer's place. */
    private final ThreadPoolExecutor busyLane;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder busy = new LongAdder();
    private final LongAdder busySent = new LongAdder();
    private final LongAdder busyInline = new LongAdder();
    private final LongAdder refused = new LongAdder();
    final LongAdder apiFailures = new LongAdder();
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /**
     * {@code threads} workers with room for {@code queue} waiting questions; the busy lane has
     * {@code busyThreads} threads and room for {@code busyQueue} replies.
     */
    Intake(int threads, int queue, int busyThreads, int busyQueue) {
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "kotae-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.workers.allowCoreThreadTimeOut(true);
        this.busyLane = new ThreadPoolExecutor(busyThreads, busyThreads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, busyQueue)), r -> {
                    Thread t = new Thread(r, "kotae-slack-busy");
                    t.setDaemon(true);
                    return t;
                });
        this.busyLane.allowCoreThreadTimeOut(true);
    }

    /**
     * Finds {@code answer} a worker's place, else {@code whenBusy} (may be null) a place in the busy
     * lane. The caller acknowledges unless the outcome is {@link Outcome#REFUSED}.
     */
    Outcome submit(Runnable answer, Runnable whenBusy) {
        accepted.increment(); // before the worker can count it answered
        try {
            workers.execute(() -> {
                try {
                    answer.run();
                    answered.increment();
                } catch (RuntimeException e) {
                    failed.increment();
                    log.warn("a Slack request failed: {}", e.toString());
                }
            });
            return Outcome.ACCEPTED;
        } catch (RejectedExecutionException e) {
            accepted.decrement();
            if (workers.isShutdown()) {
                refused.increment();
                return Outcome.REFUSED;
            }
        }
        if (whenBusy != null) {
            try {
                busyLane.execute(() -> {
                    try {
                        whenBusy.run();
                    } catch (RuntimeException e) {
                        log.warn("a busy reply failed: {}", e.toString());
                    } finally {
                        busySent.increment();
                    }
                });
                busy.increment();
                warn();
                return Outcome.BUSY;
            } catch (RejectedExecutionException e) {
                // no room for the busy reply either: not acknowledged
            }
        }
        refused.increment();
        warn();
        return Outcome.REFUSED;
    }

    /** A slash command refused a place: its acknowledgement says "busy", which takes no queue. */
    void busyInline() {
        busyInline.increment();
    }

    /** Overload is logged at most every 10 seconds, with the counts, not once per question. */
    private void warn() {
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarn.compareAndSet(last, now)) {
            Counts c = counts();
            log.warn("too many questions at once: {} waiting; since start {} busy replies, {} refused (Slack retries events)",
                    c.queued(), c.busy() + c.busyInline(), c.refused());
        }
    }

    Counts counts() {
        return new Counts(accepted.sum(), answered.sum(), failed.sum(), busy.sum(), busySent.sum(), busyInline.sum(),
                refused.sum(), workers.getQueue().size(), workers.getActiveCount(), apiFailures.sum());
    }

    @Override
    public void close() {
        workers.shutdown();
        busyLane.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            busyLane.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
