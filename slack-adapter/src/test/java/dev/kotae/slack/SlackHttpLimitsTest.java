package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The attack review's findings against the HTTP-mode server, over raw sockets and real HTTP on loopback:
 * what an unauthenticated client can make it spend (memory, threads, log lines), and how signed but
 * odd requests are answered. Each test failed on the Jetty server this replaced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackHttpLimitsTest {
    static final String SECRET = "limits-signing-secret";
    static final long HUNDRED_MB = 100L << 20;

    FakeSlackApi api;
    SlackServers.Running server;
    SlackRequests slack;
    RootLogs logs;

    @BeforeAll
    void start() throws Exception {
        logs = RootLogs.capture(Level.DEBUG); // whatever a request could make the server or Bolt log, at any level
        api = new FakeSlackApi();
        SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-limits", "SLACK_SIGNING_SECRET", SECRET,
                "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_SLACK_PORT", "0", "KOTAE_SLACK_BIND", "127.0.0.1"));
        // The default limits, but a 3 s read deadline so that the slow clients' test is short.
        HttpLimits d = HttpLimits.defaults();
        HttpLimits limits = new HttpLimits(d.maxBody(), Duration.ofSeconds(3), d.connections(), d.bodyBudget(), d.running(),
                d.waiting(), d.maxWait());
        server = SlackServers.http(new KotaeSlackApp(TestService.get(), settings), settings, limits);
        slack = new SlackRequests(server.port(), SECRET);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        api.close();
        logs.close();
    }

    JsonNode health() throws Exception {
        return FakeSlackApi.JSON.readTree(slack.request("GET", SlackServers.HEALTH).body());
    }

    static String head(String method, String path, String... headers) {
        StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString();
    }

    /** The status code of the response on {@code in}, or -1 when the connection ends first. */
    static int status(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void hundredMegabyteUnsignedPostsAreRefusedWithoutBeingRead() throws Exception {
        long before = usedHeap();
        long tooLarge = health().path("http").path("tooLarge").asLong();
        long start = System.nanoTime();
        List<Future<long[]>> clients = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                boolean chunked = i % 2 == 1;
                clients.add(pool.submit(() -> chunked ? chunkedUpload() : declaredUpload()));
            }
            for (Future<long[]> f : clients) {
                long[] result = f.get(30, TimeUnit.SECONDS);
                assertTrue(result[0] == 413 || result[0] == -1, "413 or closed, got " + result[0]);
                // Loopback socket buffers hold a few MB; the server itself stops at 1 MB.
                assertTrue(result[1] < (24L << 20), "the client could send only " + (result[1] >> 20) + " MB, not 100");
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 10_000, "refused quickly, took " + ms + " ms");
        long grown = usedHeap() - before;
        assertTrue(grown < (100L << 20), "heap grew " + (grown >> 20) + " MB");
        assertEquals(tooLarge + 4, health().path("http").path("tooLarge").asLong());
    }

    /** Declares 100 MB: the 413 comes back before a byte of body is sent. Returns {status, bytes sent}. */
    long[] declaredUpload() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(head("POST", SlackServers.PATH, "Content-Type: application/json", "Content-Length: " + HUNDRED_MB)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int status = status(s.getInputStream());
            long sent = 0;
            byte[] block = new byte[64 << 10];
            try {
                while (sent < HUNDRED_MB) {
                    out.write(block);
                    sent += block.length;
                }
            } catch (IOException closed) {
                // the server closed the connection: the rest is never read
            }
            return new long[] {status, sent};
        }
    }

    /** Chunked, no length: the server reads 1 MB, answers 413 and closes. */
    long[] chunkedUpload() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(head("POST", SlackServers.PATH, "Content-Type: application/json", "Transfer-Encoding: chunked")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 << 10];
            byte[] size = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < HUNDRED_MB) {
                    out.write(size);
                    out.write(block);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += block.length;
                }
            } catch (IOException closed) {
                // refused
            }
            int status;
            try {
                status = status(s.getInputStream());
            } catch (IOException reset) {
                status = -1; // the close may reset the connection before the 413 is read
            }
            return new long[] {status, sent};
        }
    }

    @Test
    void slowClientsDoNotDelaySignedEvents() throws Exception {
        int slow = 250; // more than the old server's 200 threads
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch connected = new CountDownLatch(slow);
        long timedOut = health().path("http").path("timedOut").asLong();
        List<Socket> sockets = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> dribblers = new ArrayList<>();
            for (int i = 0; i < slow; i++) {
                dribblers.add(pool.submit(() -> {
                    try (Socket s = new Socket("127.0.0.1", server.port())) {
                        synchronized (sockets) {
                            sockets.add(s);
                        }
                        OutputStream out = s.getOutputStream();
                        out.write(head("POST", SlackServers.PATH, "Content-Type: application/json", "Content-Length: 1000",
                                "X-Slack-Request-Timestamp: " + SlackRequests.now(), "X-Slack-Signature: v0=00")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        connected.countDown();
                        // A byte every 400 ms: 1,000 bytes would take 400 s.
                        for (int b = 0; b < 1000 && !stop.get(); b++) {
                            out.write('x');
                            out.flush();
                            Thread.sleep(400);
                        }
                        return false;
                    } catch (IOException closed) {
                        return true; // the server closed it at the read deadline
                    }
                }));
            }
            assertTrue(connected.await(10, TimeUnit.SECONDS));
            Thread.sleep(500);
            for (int i = 0; i < 10; i++) {
                String ts = "1700000300." + String.format("%06d", i);
                String body = SlackRequests.eventCallback("EvSlow" + i, SlackRequests.message("DSLOW" + i, "im", "U1", ts, null,
                        "WAFとは？")).toString();
                long start = System.nanoTime();
                HttpResponse<String> r = slack.event(body);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(ms < 3000, "acknowledged after " + ms + " ms with " + slow + " slow clients connected");
            }
            // The read deadline (3 s here, 10 s by default) ends every slow client.
            int closed = 0;
            for (Future<Boolean> f : dribblers) {
                if (f.get(15, TimeUnit.SECONDS)) {
                    closed++;
                }
            }
            stop.set(true);
            assertEquals(slow, closed, "every slow client was cut off at the deadline");
        } finally {
            stop.set(true);
        }
        assertTrue(health().path("http").path("timedOut").asLong() >= timedOut + slow);
        api.await(c -> c.method().equals("chat.postMessage") && c.param("channel") != null && c.param("channel").startsWith("DSLOW"),
                10, Duration.ofSeconds(10));
    }

    @Test
    void nothingOfAnUnsignedBodyIsLogged() throws Exception {
        logs.list.clear();
        long unauthorized = health().path("http").path("unauthorized").asLong();
        String marker = "FORGED-LINE-7f3a";
        String[] bodies = {
            "hello\n2026-01-01 00:00:00 ERROR dev.kotae " + marker + " admin logged in\r\n\u001b[31m" + marker,
            "{\"type\":\"nonsense\",\"x\":\"\\n" + marker + "\"}\n" + marker,
            "payload=" + marker + "%0A" + marker,
        };
        for (String body : bodies) {
            HttpResponse<String> r = slack.post(body, "application/json", SlackRequests.now(), "not-the-secret", Map.of());
            assertEquals(401, r.statusCode());
            assertFalse(r.body().contains(marker));
        }
        Thread.sleep(200);
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(line.contains(marker) || line.contains("\u001b"), line);
        }
        // Counted; logged (when not left out after many in a row) by reason and size alone.
        assertEquals(unauthorized + bodies.length, health().path("http").path("unauthorized").asLong());
        assertTrue(logs.list.stream().filter(e -> e.getFormattedMessage().contains("401"))
                .allMatch(e -> e.getFormattedMessage().matches("POST /slack/events: 401, not signed by Slack \\([A-Z_]+, \\d+ bytes\\)")));
    }

    @Test
    void timestampsOutsideFiveMinutesEitherWayAreRefused() throws Exception {
        String body = SlackRequests.eventCallback("EvClock", SlackRequests.message("DCLOCK", "im", "U1", "1700000400.000001", null,
                "WAFとは？")).toString();
        long now = SlackRequests.now();
        assertEquals(401, slack.post(body, "application/json", now + 6 * 60, SECRET, Map.of()).statusCode(), "6 minutes ahead");
        assertEquals(401, slack.post(body, "application/json", now - 6 * 60, SECRET, Map.of()).statusCode(), "6 minutes behind");
        Thread.sleep(300);
        assertTrue(api.calls().stream().noneMatch(c -> "DCLOCK".equals(c.param("channel"))));
        // Within the window on either side (clocks differ a little): accepted.
        assertEquals(200, slack.post(body, "application/json", now + 4 * 60, SECRET, Map.of()).statusCode());
        api.awaitOne(c -> c.method().equals("chat.postMessage") && "DCLOCK".equals(c.param("channel")));
    }

    @Test
    void signedButMalformedRequestsGet400WithoutAStackTrace() throws Exception {
        logs.list.clear();
        String[] bodies = {
            "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\",",
            "{\"no_type\":true}",
            "{\"type\":\"event_callback\",\"event\":\"not an object\"}",
            "not json at all\nSIGNED-MARK-91c2",
            "{\"type\":\"nonsense\",\"text\":\"SIGNED-MARK-91c2\"}",
        };
        for (String body : bodies) {
            HttpResponse<String> r = slack.event(body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("at com."), r.body());
            assertTrue(r.body().length() < 200, r.body());
        }
        HttpResponse<String> form = slack.post("payload=%7Bbroken", "application/x-www-form-urlencoded", SlackRequests.now(),
                SECRET, Map.of());
        assertEquals(400, form.statusCode(), form.body());
        assertTrue(logs.list.stream().noneMatch(e -> e.getThrowableProxy() != null), "no stack trace in the logs");
        // Bolt's parser logs a body it cannot classify, whole: such bodies never reach it.
        assertTrue(logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains("SIGNED-MARK-91c2")));
        assertTrue(health().path("http").path("malformed").asLong() >= bodies.length + 1);
    }
}
