package dev.kotae.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot Connector service on loopback: records every activity the bot sends to
 * {@code /v3/conversations/{conversationId}/activities[/{activityId}]}, and can serve other
 * documents (OpenID metadata, keys) at fixed paths.
 */
final class FakeConnector implements AutoCloseable {
    record Received(String method, String path, String authorization, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> documentHits = new ConcurrentHashMap<>();
    /** Documents that fail (an OpenID or keys endpoint that is down): their status instead of the document. */
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    /** Told of every activity the bot sends (the load driver counts answers here). */
    volatile java.util.function.Consumer<Received> listener;
    /** False: activities are not kept (a long load run would fill the heap); {@link #listener} still hears them. */
    volatile boolean keep = true;
    /** How long each reply takes to be taken (the real Bot Connector takes ~100 ms and more); 0 by default. */
    volatile long latencyMillis;
    /** When set, replies wait for it (up to 30 s); {@link #maxInFlight} says how many waited at once. */
    volatile java.util.concurrent.CountDownLatch holdReplies;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    FakeConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                String document = documents.get(path);
                String response;
                int status = 200;
                if (document != null) {
                    documentHits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    response = document;
                    status = failing.getOrDefault(path, 200);
                } else if (path.startsWith("/v3/conversations/")) {
                    java.util.concurrent.CountDownLatch hold = holdReplies;
                    if (hold != null) {
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        try {
                            hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                    if (latencyMillis > 0) {
                        try {
                            Thread.sleep(latencyMillis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    Received r = new Received(exchange.getRequestMethod(), path,
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            body.length == 0 ? null : JSON.readTree(body));
                    if (keep) {
                        received.add(r);
                    }
                    java.util.function.Consumer<Received> l = listener;
                    if (l != null) {
                        l.accept(r);
                    }
                    response = "{\"id\":\"reply-" + ids.incrementAndGet() + "\"}";
                } else {
                    status = 404;
                    response = "{}";
                }
                byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.setExecutor(executor); // replies are taken concurrently, as the Bot Connector does
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void serve(String path, String json) {
        documents.put(path, json);
    }

    /** The document at {@code path} answers {@code status} (0: it is served again). */
    void fail(String path, int status) {
        if (status == 0) {
            failing.remove(path);
        } else {
            failing.put(path, status);
        }
    }

    int hits(String path) {
        AtomicInteger n = documentHits.get(path);
        return n == null ? 0 : n.get();
    }

    /** The most replies that were waiting on {@link #holdReplies} at once. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
