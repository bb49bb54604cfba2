package dev.kotae.slack;

import java.time.Duration;

/**
 * What one HTTP-mode server will spend, and on whom. Until a request's signature is checked it costs a
 * virtual thread and the bytes it has actually sent, within these bounds; only signed requests reach
 * the handler pool, so clients that send slowly cannot keep Slack's requests from being acknowledged.
 *
 * @param maxBody      bodies above this many bytes get 413, by Content-Length before any is read, or
 *                     as soon as a chunked body passes it
 * @param readDeadline the request line, headers and body must all arrive within this, else the
 *                     connection is closed
 * @param connections  requests being read or handled at once; past it a new one's connection is closed
 * @param bodyBudget   bytes of not-yet-verified bodies held at once, all requests together; past it 503
 * @param running      signed requests handled at once (Bolt and the adapter's handlers: milliseconds each)
 * @param waiting      signed requests that may wait for one of those; past it 503 at once
 * @param maxWait      how long a signed request waits at most before 503, well inside Slack's 3 seconds
 */
record HttpLimits(int maxBody, Duration readDeadline, int connections, long bodyBudget, int running, int waiting,
                  Duration maxWait) {
    /** Slack's own payloads are a few KB; its largest (a big view submission) stays far under 1 MB. */
    static final int MAX_BODY = 1 << 20;

    static HttpLimits defaults() {
        return new HttpLimits(MAX_BODY, Duration.ofSeconds(10), 1024, 64L << 20, 16, 64, Duration.ofMillis(1500));
    }
}
