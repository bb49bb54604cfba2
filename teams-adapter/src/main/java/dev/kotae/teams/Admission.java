package dev.kotae.teams;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code running} holders at once, and at most {@code queue} more waiting, each for at most
 * {@code wait}: past that, {@link #tryEnter()} says no at once instead of letting a line grow without end.
 */
final class Admission {
    /** Held while admitted; closing it lets the next one in. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore slots;
    private final int queue;
    private final Duration wait;
    private final AtomicInteger waiting = new AtomicInteger();

    Admission(int running, int queue, Duration wait) {
        this.slots = new Semaphore(running, true);
        this.queue = queue;
        this.wait = wait;
    }

    /** A permit, or null when every slot is taken and the queue is full, or the wait ran out. */
    Permit tryEnter() throws InterruptedException {
        if (slots.tryAcquire()) {
            return permit();
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            return null;
        }
        try {
            return slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS) ? permit() : null;
        } finally {
            waiting.decrementAndGet();
        }
    }

    int waiting() {
        return waiting.get();
    }

    private Permit permit() {
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        };
    }
}
