package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 5: an open-loop overload. Activities arrive at a fixed rate well above what the bot can
 * answer (the Bot Connector is slowed to 250 ms a reply, and only 4 turns run at once), whatever the bot's
 * responses; and every activity that got a 200 must have got exactly one reply, its answer or the busy
 * reply, while the others were refused with 503 and got none. Zero silent drops; the counters on /healthz
 * say the same.
 */
class OverloadTest {
    static final int RATE_PER_SECOND = 60;
    static final int SECONDS = 4;

    @Test
    void everyAcceptedActivityGetsExactlyOneAnswerOrBusyReply() throws Exception {
        RequestLimits limits = RequestLimits.DEFAULTS.withInFlight(24).withTurns(4, 8, Duration.ofMillis(300));
        try (FakeConnector connector = new FakeConnector()) {
            connector.keep = false;
            connector.latencyMillis = 250;
            Map<String, List<String>> replies = new ConcurrentHashMap<>();
            connector.listener = r -> {
                if (r.body() != null && "message".equals(r.body().path("type").asText())) {
                    replies.computeIfAbsent(r.body().path("replyToId").asText(""), k -> new CopyOnWriteArrayList<>())
                            .add(r.body().path("text").asText(""));
                }
            };
            ChannelAuth auth = new ChannelAuth(connector);
            TeamsServer server = auth.server(Set.of(), limits);
            int port = server.start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY)
                    .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
            String token = auth.valid();
            Map<String, Integer> statuses = new ConcurrentHashMap<>();
            List<CompletableFuture<?>> sent = new CopyOnWriteArrayList<>();
            AtomicInteger errors = new AtomicInteger();
            try {
                // Warm up first (a cold JVM spends its first seconds building Jackson deserializers on two cores):
                // this measures overload, not start-up.
                for (int i = 0; i < 10; i++) {
                    ObjectNode warm = Activities.personal(connector.url(), "WAFとは？");
                    warm.put("id", "warm-" + i);
                    assertEquals(200, Activities.post(port, warm, token).statusCode());
                }
                JsonNode baseline = Activities.JSON.readTree(Activities.get(port, "/healthz").body());
                // Open loop: the next activity leaves on schedule, whether or not the earlier ones were answered.
                long period = 1_000_000_000L / RATE_PER_SECOND;
                long start = System.nanoTime();
                for (int i = 0; i < RATE_PER_SECOND * SECONDS; i++) {
                    long due = start + i * period;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    ObjectNode activity = Activities.personal(connector.url(), i % 3 == 0 ? "WAFとは？" : "ゼロトラストとは？");
                    String id = "overload-" + i;
                    activity.put("id", id);
                    activity.with("conversation").put("id", "a:overload-" + (i % 7));
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Authorization", token)
                            .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(activity), StandardCharsets.UTF_8))
                            .build();
                    sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .whenComplete((r, e) -> {
                                if (e != null) {
                                    errors.incrementAndGet();
                                } else {
                                    statuses.put(id, r.statusCode());
                                }
                            }));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).handle((v, e) -> null).get();
                Thread.sleep(500); // a reply sent just before its 200 is already counted; nothing else should come

                int total = RATE_PER_SECOND * SECONDS;
                assertEquals(0, errors.get(), "every request got a response");
                assertEquals(total, statuses.size());
                long accepted = statuses.values().stream().filter(s -> s == 200).count();
                long refused = statuses.values().stream().filter(s -> s == 503).count();
                assertEquals(total, accepted + refused, "only 200 and 503: " + statuses.values().stream().distinct().toList());
                int answers = 0;
                int busy = 0;
                for (var e : statuses.entrySet()) {
                    List<String> got = replies.getOrDefault(e.getKey(), List.of());
                    if (e.getValue() == 200) {
                        assertEquals(1, got.size(), "exactly one reply to accepted " + e.getKey() + ": " + got);
                        if (KotaeTeamsBot.BUSY.equals(got.get(0))) {
                            busy++;
                        } else {
                            answers++;
                        }
                    } else {
                        assertEquals(0, got.size(), "no reply to refused " + e.getKey());
                    }
                }
                assertEquals(accepted, replies.entrySet().stream().filter(e -> e.getKey().startsWith("overload-"))
                        .mapToInt(e -> e.getValue().size()).sum(), "no reply to anything else");
                assertTrue(busy > 0, "the overload was real: some busy replies");
                assertTrue(answers > 0, "and the bot kept answering");

                JsonNode health = Activities.JSON.readTree(Activities.get(port, "/healthz").body());
                assertEquals(accepted, health.path("accepted").asLong() - baseline.path("accepted").asLong());
                assertEquals(answers, health.path("answered").asLong() - baseline.path("answered").asLong());
                assertEquals(busy, health.path("busy").asLong() - baseline.path("busy").asLong());
                assertEquals(refused, health.path("refused").asLong() - baseline.path("refused").asLong());
                assertEquals(health.path("accepted").asLong(), health.path("answered").asLong() + health.path("busy").asLong());
                System.out.printf("overload: %d sent at %d/s for %d s; %d accepted (%d answered, %d busy), %d refused (503)%n",
                        total, RATE_PER_SECOND, SECONDS, accepted, answers, busy, refused);
            } finally {
                server.close();
            }
        }
    }
}
