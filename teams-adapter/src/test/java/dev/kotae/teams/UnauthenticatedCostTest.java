package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, findings 1 and 2, over real HTTP on loopback: until a request carries a token the channel signed
 * it costs the server next to nothing: no body read past the cap, no wait past the read deadline, no
 * outbound call to the channel's OpenID metadata or keys. (The deadline is 2 s here instead of 10 s.)
 */
class UnauthenticatedCostTest {
    static final Duration DEADLINE = Duration.ofSeconds(2);
    static FakeConnector connector;
    static ChannelAuth auth;
    static TeamsServer server;
    static int port;
    static String forged;

    @BeforeAll
    static void start() throws Exception {
        connector = new FakeConnector();
        auth = new ChannelAuth(connector);
        server = auth.server(Set.of(), RequestLimits.DEFAULTS.withReadDeadline(DEADLINE));
        port = server.start();
        forged = ChannelAuth.token(ChannelAuth.newKey(), ChannelAuth.ISSUER, ChannelAuth.APP_ID, connector.url(),
                Instant.now().plusSeconds(600));
    }

    @AfterAll
    static void stop() {
        server.close();
        connector.close();
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    /** Sends {@code total} bytes in 64 KB pieces until done or the server hangs up. */
    private static Thread stream(RawHttp client, long total, boolean chunked) {
        return Thread.ofVirtual().start(() -> {
            byte[] piece = new byte[64 * 1024];
            java.util.Arrays.fill(piece, (byte) 'x');
            byte[] header = (Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (long sent = 0; sent < total; sent += piece.length) {
                    if (chunked) {
                        client.out.write(header);
                    }
                    client.out.write(piece);
                    if (chunked) {
                        client.out.write(new byte[] {'\r', '\n'});
                    }
                }
                client.out.flush();
            } catch (java.io.IOException e) {
                // the server closed the connection: what it should do
            }
        });
    }

    @Test
    void aHundredMegabyteBodyIs413AtOnceAndIsNotRead() throws Exception {
        long hundredMb = 100L << 20;
        for (String authorization : new String[] {null, forged, auth.valid()}) {
            long before = allocated();
            long start = System.nanoTime();
            try (RawHttp client = new RawHttp(port).post(hundredMb, authorization)) {
                Thread writer = stream(client, hundredMb, false);
                assertEquals(413, client.status(Duration.ofSeconds(5)), "declared 100 MB, token " + (authorization != null));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 2000, "413 in " + millis + " ms");
                assertTrue(client.closedWithin(Duration.ofSeconds(5)), "the server hangs up instead of reading 100 MB");
                client.close();
                writer.join(Duration.ofSeconds(10));
            }
            long grown = allocated() - before;
            assertTrue(grown < 16L << 20, "allocated " + (grown >> 20) + " MB for a 100 MB request that was refused");
            System.out.printf("100 MB declared, token %s: 413 in %d ms, %d KB allocated%n", authorization == null ? "none"
                    : authorization.equals(forged) ? "forged" : "valid", (System.nanoTime() - start) / 1_000_000, grown >> 10);
        }
        // Chunked: no length to judge, so an unauthenticated one is refused on its token, still unread…
        try (RawHttp client = new RawHttp(port).post(null, forged)) {
            Thread writer = stream(client, hundredMb, true);
            assertEquals(401, client.status(Duration.ofSeconds(5)));
            assertTrue(client.closedWithin(Duration.ofSeconds(5)));
            client.close();
            writer.join(Duration.ofSeconds(10));
        }
        // …and an authenticated one is cut off as soon as it passes the cap.
        long before = allocated();
        try (RawHttp client = new RawHttp(port).post(null, auth.valid())) {
            Thread writer = stream(client, hundredMb, true);
            assertEquals(413, client.status(Duration.ofSeconds(5)));
            assertTrue(client.closedWithin(Duration.ofSeconds(5)));
            client.close();
            writer.join(Duration.ofSeconds(10));
        }
        long grown = allocated() - before;
        assertTrue(grown < 16L << 20, "allocated " + (grown >> 20) + " MB for a chunked 100 MB body");
        assertTrue(connector.received().isEmpty(), "nothing answered");
    }

    @Test
    void slowBodiesAreCutOffWhileTheChannelIsStillAnswered() throws Exception {
        int slow = 120;
        List<RawHttp> clients = new ArrayList<>();
        try {
            // Without a token, with a forged one: refused from the headers, before the body (which never comes).
            for (int i = 0; i < slow; i++) {
                RawHttp client = new RawHttp(port).post(10_000L, i % 2 == 0 ? null : forged);
                client.send("{\"type\":\"me".getBytes(StandardCharsets.US_ASCII));
                clients.add(client);
            }
            for (RawHttp client : clients) {
                assertEquals(401, client.status(Duration.ofSeconds(3)), "refused without waiting for the body");
            }
            // With a valid token: read, but only until the deadline.
            RawHttp authenticated = new RawHttp(port).post(10_000L, auth.valid());
            authenticated.send("{\"type\":\"me".getBytes(StandardCharsets.US_ASCII));
            clients.add(authenticated);

            // Meanwhile the channel's own activities are answered promptly.
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Long>> answered = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    answered.add(pool.submit(() -> {
                        long start = System.nanoTime();
                        assertEquals(200, Activities.post(port, Activities.personal(connector.url(), "WAFとは？"), auth.valid()).statusCode());
                        return (System.nanoTime() - start) / 1_000_000;
                    }));
                }
                long slowest = 0;
                for (Future<Long> f : answered) {
                    long millis = f.get();
                    slowest = Math.max(slowest, millis);
                    assertTrue(millis < 3000, "answered in " + millis + " ms beside " + slow + " slow clients");
                }
                System.out.printf("beside %d slow bodies: 10 activities answered, the slowest in %d ms%n", slow, slowest);
            }
            assertEquals(10, connector.received().size());

            long start = System.nanoTime();
            int status = authenticated.status(DEADLINE.plusSeconds(3));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(status == 408 || status == -1, "a body that never arrives ends the request: " + status);
            assertTrue(waited < DEADLINE.toMillis() + 2000, "after the read deadline: " + waited + " ms");
            // The refused ones are hung up on too, once the deadline passes (the server stops draining them).
            for (RawHttp client : clients) {
                assertTrue(client.closedWithin(DEADLINE.plusSeconds(3)), "connection closed by the server");
            }
        } finally {
            for (RawHttp client : clients) {
                client.close();
            }
            connector.clear();
        }
    }

}
