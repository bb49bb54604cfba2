package dev.kotae.teams;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deadline on reading a request. The JDK's server reads the body on the handler's thread from a blocking
 * socket channel, with no timeout of its own; an interrupt closes such a channel and ends the read
 * ({@link java.nio.channels.ClosedByInterruptException}). So when a request has not arrived in time the
 * deadline interrupts its handler, which closes the connection: a client sending a byte a minute holds a
 * (virtual) thread and a socket for {@code limit}, not forever.
 */
final class ReadDeadlines implements AutoCloseable {
    private static final int ARMED = 0;
    private static final int DISARMED = 1;
    private static final int FIRED = 2;

    /** One request's deadline: armed until {@link #disarm()}. */
    final class Deadline {
        private final AtomicInteger state = new AtomicInteger(ARMED);
        private volatile ScheduledFuture<?> task;

        private void fire(Thread handler) {
            if (state.compareAndSet(ARMED, FIRED)) {
                handler.interrupt();
            }
        }

        /** Stops the clock; false when the deadline had already passed (the request is abandoned). */
        boolean disarm() {
            boolean inTime = state.compareAndSet(ARMED, DISARMED);
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
            return inTime || state.get() == DISARMED;
        }

        boolean expired() {
            return state.get() == FIRED;
        }
    }

    private final Duration limit;
    private final ScheduledThreadPoolExecutor timer;

    ReadDeadlines(Duration limit) {
        this.limit = limit;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kotae-teams-read-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true); // a disarmed deadline leaves nothing behind
    }

    /** Starts the clock for the request handled on {@code handler}. */
    Deadline arm(Thread handler) {
        Deadline deadline = new Deadline();
        deadline.task = timer.schedule(() -> deadline.fire(handler), limit.toNanos(), TimeUnit.NANOSECONDS);
        return deadline;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
