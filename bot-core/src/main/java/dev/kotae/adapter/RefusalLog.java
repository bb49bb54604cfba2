package dev.kotae.adapter;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Warnings about refused requests (shared by the Slack and Teams servers), at most {@link #PER_WINDOW} every 10 seconds: whoever sends
 * thousands of bad requests gets counters ({@code /healthz}), not thousands of log lines. The next line
 * logged says how many were left out. The lines themselves carry nothing from a request but its size.
 */
public final class RefusalLog {
    public static final int PER_WINDOW = 20;
    private static final long WINDOW_NANOS = 10_000_000_000L;

    private final Logger log;
    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private final AtomicInteger inWindow = new AtomicInteger();
    private final AtomicInteger left = new AtomicInteger();

    public RefusalLog(Logger log) {
        this.log = log;
    }

    public void warn(String format, Object... args) {
        long now = System.nanoTime();
        long start = windowStart.get();
        if (now - start >= WINDOW_NANOS && windowStart.compareAndSet(start, now)) {
            inWindow.set(0);
        }
        if (inWindow.incrementAndGet() > PER_WINDOW) {
            left.incrementAndGet();
            return;
        }
        int skipped = left.getAndSet(0);
        if (skipped > 0) {
            log.warn("({} more refused requests were not logged)", skipped);
        }
        log.warn(format, args);
    }
}
