package dev.kotae.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDK server's executor: one virtual thread per request, at most {@link HttpLimits#connections()}
 * at once (past it the JDK closes the new connection), and a deadline on reading each request.
 *
 * <p>The JDK server reads the request line, the headers and the body with blocking reads on the thread
 * that runs the exchange, and has no deadline of its own (its {@code maxReqTime} is a global system
 * property). A virtual thread blocked in a socket channel read that is interrupted closes the channel,
 * so the deadline is an interrupt: a client that has not sent its whole request in time loses its
 * connection and frees its thread. The handler calls {@link #bodyRead()} once the body is in; from then
 * on nothing is interrupted.
 */
final class ReadDeadlines implements Executor, AutoCloseable {
    private static final int READING = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;
    private static final ThreadLocal<AtomicInteger> STATE = new ThreadLocal<>();

    private final HttpLimits limits;
    private final Semaphore slots;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kotae-slack-deadlines");
        t.setDaemon(true);
        return t;
    });
    final AtomicLong timedOut = new AtomicLong();
    final AtomicLong turnedAway = new AtomicLong();

    ReadDeadlines(HttpLimits limits) {
        this.limits = limits;
        this.slots = new Semaphore(limits.connections());
    }

    @Override
    public void execute(Runnable exchange) {
        if (!slots.tryAcquire()) {
            turnedAway.incrementAndGet();
            throw new RejectedExecutionException("too many requests at once");
        }
        Thread.ofVirtual().name("kotae-slack-http").start(() -> {
            AtomicInteger state = new AtomicInteger(READING);
            Thread self = Thread.currentThread();
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                if (state.compareAndSet(READING, EXPIRED)) {
                    timedOut.incrementAndGet();
                    self.interrupt();
                }
            }, limits.readDeadline().toMillis(), TimeUnit.MILLISECONDS);
            STATE.set(state);
            try {
                exchange.run();
            } finally {
                deadline.cancel(false);
                state.compareAndSet(READING, DONE);
                STATE.remove();
                slots.release();
            }
        });
    }

    /**
     * The body is in: the deadline no longer applies. False when it had already passed (the connection
     * is closed, and the thread's interrupt is cleared so the handler can finish quietly).
     */
    static boolean bodyRead() {
        AtomicInteger state = STATE.get();
        if (state == null || state.compareAndSet(READING, DONE)) {
            return true;
        }
        if (state.get() == EXPIRED) {
            Thread.interrupted();
            return false;
        }
        return true;
    }

    /** True once this thread's deadline has passed. */
    static boolean expired() {
        AtomicInteger state = STATE.get();
        return state != null && state.get() == EXPIRED;
    }

    /**
     * Ends the connection of a request whose body will not be read (413, 401 on an unread rest): the
     * JDK would otherwise read up to 64 KB of it when the exchange closes, at the client's pace. An
     * interrupted read closes the channel at once; the response has been flushed before.
     */
    static void abortAfterResponse(com.sun.net.httpserver.HttpExchange exchange) {
        AtomicInteger state = STATE.get();
        if (state != null) {
            state.set(DONE);
        }
        Thread.currentThread().interrupt();
        try {
            exchange.close();
        } finally {
            Thread.interrupted();
        }
    }

    int inUse() {
        return limits.connections() - slots.availablePermits();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
