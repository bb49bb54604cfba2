package dev.kotae.teams;

import java.time.Duration;

/**
 * What one request may cost the server before and after it is known to come from the channel (issue 14).
 * Everything an unauthenticated client can make the server do is bounded here: it cannot make it read more
 * than {@link #maxBody}, wait longer than {@link #readDeadline}, or hold more than {@link #inFlight} handlers.
 *
 * @param maxBody      the largest body read, in bytes; a larger one is 413, from its Content-Length before
 *                     anything is read, or as soon as the count passes it (chunked bodies)
 * @param readDeadline how long a request may take to arrive (its body, and the rest of a refused one the
 *                     server drains before closing); then the connection is closed
 * @param inFlight     requests past the token check at once (reading their body or in their turn); one more is
 *                     503 at once: the channel retries, and nothing was accepted
 * @param turns        turns (the core answering, the reply being sent) at once
 * @param turnQueue    accepted activities that may wait for a turn; with the queue full, or after {@link #turnWait},
 *                     a message gets the busy reply instead of waiting longer
 * @param turnWait     how long an accepted activity waits for a turn
 */
record RequestLimits(int maxBody, Duration readDeadline, int inFlight, int turns, int turnQueue, Duration turnWait) {
    /** 1 MB (a Teams activity is a few KB), 10 s, 64 in flight, 16 turns + 32 waiting up to 5 s. */
    static final RequestLimits DEFAULTS = new RequestLimits(1 << 20, Duration.ofSeconds(10), 64, 16, 32, Duration.ofSeconds(5));

    RequestLimits {
        if (maxBody < 1 || inFlight < 1 || turns < 1 || turnQueue < 0 || readDeadline.isNegative() || turnWait.isNegative()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    RequestLimits withReadDeadline(Duration deadline) {
        return new RequestLimits(maxBody, deadline, inFlight, turns, turnQueue, turnWait);
    }

    RequestLimits withTurns(int running, int queue, Duration wait) {
        return new RequestLimits(maxBody, readDeadline, inFlight, running, queue, wait);
    }

    RequestLimits withInFlight(int n) {
        return new RequestLimits(maxBody, readDeadline, n, turns, turnQueue, turnWait);
    }
}
