package dev.kotae.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback fake of the Slack Web API: answers {@code auth.test}, {@code chat.postMessage},
 * {@code chat.postEphemeral}, {@code reactions.add}, {@code views.publish} and
 * {@code apps.connections.open}, takes response_url posts, and records every call.
 */
final class FakeSlackApi implements AutoCloseable {
    static final String BOT_USER = "UBOT";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded call: the method (or {@code respond/ID}), its form or JSON parameters, the auth header. */
    record Call(String method, Map<String, String> params, JsonNode json, String authorization) {
        String param(String name) {
            if (params.containsKey(name)) {
                return params.get(name);
            }
            JsonNode n = json == null ? null : json.get(name);
            return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : n.toString();
        }

        JsonNode node(String name) {
            try {
                if (params.containsKey(name)) {
                    return JSON.readTree(params.get(name));
                }
                return json == null ? null : json.get(name);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private final List<Call> calls = new ArrayList<>();
    /** Told of every call as it arrives (the load driver counts answers here). */
    volatile java.util.function.Consumer<Call> listener;
    /** False: calls are not kept (a long load run would fill the heap); {@link #listener} still hears them. */
    volatile boolean keep = true;
    private final AtomicInteger ts = new AtomicInteger();
    final Set<String> ephemeralFails = ConcurrentHashMap.newKeySet();
    final Set<String> postFails = ConcurrentHashMap.newKeySet();
    volatile String socketUrl;
    /** When set, {@code reactions.add} waits for it (up to 30 s): a worker stuck on a slow Web API. */
    volatile java.util.concurrent.CountDownLatch holdReactions;
    /** How long each Web API call takes (the real one takes ~100 ms and more); 0 by default. */
    volatile long latencyMillis;
    /** When set, {@code chat.postMessage} waits for it (up to 30 s): the busy lane stuck as well. */
    volatile java.util.concurrent.CountDownLatch holdPosts;
    volatile boolean authFails;

    FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/", this::handle);
        server.setExecutor(executor); // calls are answered concurrently, as Slack does
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + id;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] raw = ex.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode json = null;
        if (type != null && type.contains("json")) {
            json = JSON.readTree(body.isEmpty() ? "{}" : body);
        } else if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(k, v);
            }
        }
        String method = path.startsWith("/api/") ? path.substring(5) : path.substring(1);
        Call call = new Call(method, params, json, ex.getRequestHeaders().getFirst("Authorization"));
        if (keep) {
            synchronized (calls) {
                calls.add(call);
                calls.notifyAll();
            }
        }
        java.util.function.Consumer<Call> l = listener;
        if (l != null) {
            l.accept(call);
        }
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        java.util.concurrent.CountDownLatch hold = holdReactions;
        if (hold != null && method.equals("reactions.add")) {
            try {
                hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        java.util.concurrent.CountDownLatch posts = holdPosts;
        if (posts != null && method.equals("chat.postMessage")) {
            try {
                posts.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String answer = switch (method) {
            case "auth.test" -> authFails ? "{\"ok\":false,\"error\":\"invalid_auth\"}" : "{\"ok\":true,\"url\":\"https://kotae-test.slack.com/\",\"team\":\"Kotae Test\",\"user\":\"kotae\","
                    + "\"team_id\":\"T0001\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"BBOT\",\"is_enterprise_install\":false}";
            case "chat.postMessage" -> postFails.contains(call.param("channel"))
                    ? "{\"ok\":false,\"error\":\"not_in_channel\"}"
                    : "{\"ok\":true,\"channel\":\"" + call.param("channel") + "\",\"ts\":\"1800000000." + String.format("%06d", ts.incrementAndGet()) + "\"}";
            case "chat.postEphemeral" -> ephemeralFails.contains(call.param("channel"))
                    ? "{\"ok\":false,\"error\":\"channel_not_found\"}"
                    : "{\"ok\":true,\"message_ts\":\"1800000000." + String.format("%06d", ts.incrementAndGet()) + "\"}";
            case "reactions.add", "views.publish" -> "{\"ok\":true}";
            case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
            default -> method.startsWith("respond/") ? "ok" : "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", method.startsWith("respond/") ? "text/plain" : "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until {@code count} calls match, and returns them; fails after {@code timeout}. */
    List<Call> await(java.util.function.Predicate<Call> match, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                List<Call> found = calls.stream().filter(match).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching Web API calls within " + timeout
                            + ", got " + found.size() + "; all calls: " + calls.stream().map(Call::method).toList());
                }
                calls.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    Call awaitOne(java.util.function.Predicate<Call> match) throws InterruptedException {
        return await(match, 1, Duration.ofSeconds(10)).get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
