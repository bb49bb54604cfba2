package dev.kotae.teams;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened to the activities the server was sent, shown on {@code /healthz} so that overload is
 * visible from outside. Every activity that got a 2xx was {@code accepted} and then either {@code answered}
 * (its turn ran: a reply, or nothing to say such as a channel message without a mention) or sent the
 * {@code busy} reply; so at rest {@code accepted == answered + busy}, and anything else is a drop.
 * {@code refused} were turned away with 503 before being accepted (the channel retries them), {@code failed}
 * got a 5xx after their turn went wrong, {@code duplicates} were redeliveries of an activity already taken.
 */
final class TrafficCounters {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficCounters.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    /** Requests refused before their body was read: too large (413), too slow (408), no valid token (401). */
    final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /** At most one log line a minute about overload (a flood must not flood the log); the counters say how much. */
    void warnOverloaded(String what) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("overloaded: {} ({} busy replies, {} refused so far; see /healthz)", what, busy.get(), refused.get());
        }
    }

    String json(int inFlight, int waiting) {
        return "{\"status\":\"ok\",\"accepted\":" + accepted.get() + ",\"answered\":" + answered.get() + ",\"busy\":" + busy.get()
                + ",\"refused\":" + refused.get() + ",\"failed\":" + failed.get() + ",\"duplicates\":" + duplicates.get()
                + ",\"rejected\":" + rejected.get() + ",\"inFlight\":" + inFlight + ",\"waiting\":" + waiting + "}";
    }
}
