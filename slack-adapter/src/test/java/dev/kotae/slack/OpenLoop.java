package dev.kotae.slack;

import dev.kotae.answer.KotaeService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load run against the real HTTP-mode server on loopback: signed DM events arrive at a
 * fixed rate whatever the server does (as Slack sends them: it does not wait for earlier answers), each
 * in its own DM channel, while the fake Web API takes {@code apiLatency} per call. Above capacity some
 * are refused (503, not acknowledged: Slack would deliver them again); the check is that every
 * ACKNOWLEDGED one got exactly one reply, its answer or the busy reply, and no refused one got any.
 */
final class OpenLoop {
    static final String SECRET = "open-loop-signing-secret";

    /** A run: {@code rate} events a second for {@code seconds}, against workers/queue as given (0: the defaults). */
    record Options(int rate, int seconds, Duration apiLatency, int workers, int queue) {}

    /**
     * What happened.
     *
     * @param sent     events sent
     * @param acked    acknowledged (200)
     * @param refused  not acknowledged (503)
     * @param other    any other status, or a client error (a timeout: Slack would deliver it again, and the
     *                 event id makes that a no-op once it was taken); such events may have one reply, never two
     * @param answered acknowledged events that got their answer
     * @param busy     acknowledged events that got the busy reply
     * @param silent   acknowledged events that got nothing: must be 0
     * @param doubled  events with more than one reply, or refused (503) ones with any: must be 0
     * @param maxAckMillis the slowest acknowledgement (or refusal)
     */
    record Report(Options options, int sent, int acked, int refused, int other, int answered, int busy, int silent,
                  int doubled, long maxAckMillis, String health) {
        String summary() {
            return String.format("slack open loop: %d events/s for %d s, Web API %d ms/call, workers %s: sent %d, acknowledged %d"
                            + " (answered %d, busy reply %d, silent %d), refused %d (503, Slack retries), other %d, duplicates %d,"
                            + " slowest response %d ms%n  /healthz %s%n",
                    options.rate(), options.seconds(), options.apiLatency().toMillis(),
                    options.workers() == 0 ? "default" : options.workers() + "+" + options.queue(), sent, acked, answered, busy,
                    silent, refused, other, doubled, maxAckMillis, health);
        }
    }

    private OpenLoop() {}

    static Report run(Options options) throws Exception {
        KotaeService service = TestService.get();
        Map<String, AtomicInteger> replies = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> busyReplies = new ConcurrentHashMap<>();
        try (FakeSlackApi api = new FakeSlackApi()) {
            api.keep = false;
            api.latencyMillis = options.apiLatency().toMillis();
            api.listener = call -> {
                if (call.method().equals("chat.postMessage") && call.param("channel") != null) {
                    boolean busy = KotaeSlackApp.BUSY.equals(call.param("text"));
                    (busy ? busyReplies : replies).computeIfAbsent(call.param("channel"), k -> new AtomicInteger()).incrementAndGet();
                }
            };
            SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-open-loop", "SLACK_SIGNING_SECRET", SECRET,
                    "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_SLACK_PORT", "0", "KOTAE_SLACK_BIND", "127.0.0.1"));
            KotaeSlackApp bot = options.workers() == 0 ? new KotaeSlackApp(service, settings)
                    : new KotaeSlackApp(service, settings, options.workers(), options.queue(), Math.max(1, Runtime.getRuntime().availableProcessors()));
            SlackServers.Running server = SlackServers.http(bot, settings);
            try {
                SlackRequests slack = new SlackRequests(server.port(), SECRET);
                int total = options.rate() * options.seconds();
                int[] status = new int[total];
                Map<String, Integer> errors = new ConcurrentHashMap<>();
                long[] millis = new long[total];
                long start = System.nanoTime();
                long gap = 1_000_000_000L / options.rate();
                try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < total; i++) {
                        long due = start + i * gap;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        int n = i;
                        String ts = "1700001000." + String.format("%06d", n);
                        String body = SlackRequests.eventCallback("EvOpen" + n, SlackRequests.message("DOPEN" + n, "im", "UOPEN" + (n % 8),
                                ts, null, LOAD_QUESTIONS.get(n % LOAD_QUESTIONS.size()))).toString();
                        pool.execute(() -> {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> r = slack.event(body);
                                status[n] = r.statusCode();
                            } catch (Exception e) {
                                status[n] = -1;
                                errors.merge(e.getClass().getSimpleName() + ": " + SlackText.clip(String.valueOf(e.getMessage()), 80), 1, Integer::sum);
                            }
                            millis[n] = (System.nanoTime() - t0) / 1_000_000;
                        });
                    }
                }
                int acked = 0;
                int refused = 0;
                int other = 0;
                long maxMillis = 0;
                for (int i = 0; i < total; i++) {
                    maxMillis = Math.max(maxMillis, millis[i]);
                    switch (status[i]) {
                        case 200 -> acked++;
                        case 503 -> refused++;
                        default -> other++;
                    }
                }
                // Everything acknowledged is replied to once the queues drain: wait for that, then a little more for extras.
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < end && replies.size() + busyReplies.size() < acked) {
                    Thread.sleep(50);
                }
                Thread.sleep(300);
                int answered = 0;
                int busy = 0;
                int silent = 0;
                int doubled = 0;
                for (int i = 0; i < total; i++) {
                    String channel = "DOPEN" + i;
                    int a = count(replies, channel);
                    int b = count(busyReplies, channel);
                    if (status[i] == 200) {
                        if (a + b == 0) {
                            silent++;
                        } else if (a + b > 1) {
                            doubled++;
                        } else if (a == 1) {
                            answered++;
                        } else {
                            busy++;
                        }
                    } else if (a + b > 1 || (status[i] == 503 && a + b > 0)) {
                        doubled++;
                    }
                }
                String health = slack.request("GET", SlackServers.HEALTH).body() + (errors.isEmpty() ? "" : " client errors " + errors);
                return new Report(options, total, acked, refused, other, answered, busy, silent, doubled, maxMillis, health);
            } finally {
                server.close();
            }
        }
    }

    private static int count(Map<String, AtomicInteger> m, String key) {
        AtomicInteger n = m.get(key);
        return n == null ? 0 : n.get();
    }

    static final List<String> LOAD_QUESTIONS = new ArrayList<>(List.of("WAFとは？", "2025年の崖って何？", "UTMとは？",
            "中小企業のセキュリティ対策は？", "攻めのIT投資の事例をまとめて"));
}
