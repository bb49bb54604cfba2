package dev.kotae.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kotae.adapter.RefusalLog;
import dev.kotae.answer.AnswerHealth;
import dev.kotae.answer.KotaeService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode on the JDK's own server: {@code POST /slack/events} and {@code GET /healthz}.
 *
 * <p>Nothing of a request is trusted, parsed or logged before its Slack signature is checked on the raw
 * bytes: a body over {@link HttpLimits#maxBody()} is refused with 413 by its Content-Length before any of
 * it is read, or as soon as a chunked one passes the limit; the whole request must arrive within the
 * read deadline ({@link ReadDeadlines}); an unsigned or wrongly signed request gets 401 and one log line
 * (method, path, size, reason). Only then does the request take a place in the handler pool and go to
 * Bolt's {@link App#run}, whose response is sent back as it is. A signed request Bolt cannot read gets
 * 400 with a short message.
 */
final class SlackHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Requests turned away, by reason, since start.
     *
     * @param tooLarge     413: over the body limit
     * @param timedOut     connections closed at the read deadline
     * @param unauthorized 401: no valid signature, or a timestamp outside the window
     * @param malformed    400: signed, but not a Slack request Bolt can read
     * @param overloaded   503: the handler pool (or the body budget) was full
     * @param turnedAway   connections closed at once: too many requests at the same time
     */
    record Refusals(long tooLarge, long timedOut, long unauthorized, long malformed, long overloaded, long turnedAway) {}

    private final RefusalLog refusals = new RefusalLog(log);
    private final KotaeSlackApp bot;
    private final App app;
    private final HttpLimits limits;
    private final RequestSignature signature;
    private final SlackRequestParser parser;
    private final ReadDeadlines executor;
    private final HttpServer server;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Bytes of unverified bodies held now, in KB permits: many large bodies at once get 503, not the heap. */
    private final Semaphore bodyBudget;
    private final LongAdder tooLarge = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder overloaded = new LongAdder();

    SlackHttpServer(KotaeSlackApp bot, SlackSettings settings, HttpLimits limits) throws IOException {
        this.bot = bot;
        this.app = bot.app();
        this.limits = limits;
        this.signature = new RequestSignature(settings.signingSecret());
        this.parser = new SlackRequestParser(app.config());
        this.running = new Semaphore(limits.running());
        this.bodyBudget = new Semaphore((int) Math.min(Integer.MAX_VALUE, limits.bodyBudget() >> 10));
        this.executor = new ReadDeadlines(limits);
        this.server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 128);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    Refusals refusals() {
        return new Refusals(tooLarge.sum(), executor.timedOut.get(), unauthorized.sum(), malformed.sum(), overloaded.sum(),
                executor.turnedAway.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            // Outside POST /slack/events no body is read: the read deadline still covers what the JDK
            // reads of it when the exchange closes.
            if (path.equals(SlackServers.HEALTH)) {
                if (method.equals("GET") || method.equals("HEAD")) {
                    send(exchange, 200, health(), method.equals("HEAD"));
                } else {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    send(exchange, 405, error("use GET"), false);
                }
            } else if (path.equals(SlackServers.PATH)) {
                if (method.equals("POST")) {
                    events(exchange);
                } else {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    send(exchange, 405, error("use POST"), false);
                }
            } else {
                send(exchange, 404, error("not found"), false);
            }
        } catch (IOException e) {
            if (ReadDeadlines.expired()) {
                refusals.warn("{} {}: closed at the read deadline ({} s)", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), limits.readDeadline().toSeconds());
            }
            throw e;
        } catch (RuntimeException e) {
            log.error("{} {} failed ({})", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.getClass().getSimpleName());
            try {
                send(exchange, 500, error("internal error"), false);
            } catch (IOException | RuntimeException ignored) {
                // the response may already have started
            }
        } finally {
            exchange.close();
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                refuse(exchange, 400, "a bad Content-Length", -1);
                malformed.increment();
                return;
            }
            if (declared > limits.maxBody()) {
                tooLarge.increment();
                refuse(exchange, 413, "over " + limits.maxBody() + " bytes (Content-Length)", declared);
                return;
            }
        }
        Body body;
        try {
            body = read(exchange.getRequestBody());
        } catch (OverBudget e) {
            overloaded.increment();
            refuse(exchange, 503, "no room for more request bodies now", declared);
            return;
        }
        try {
            if (!ReadDeadlines.bodyRead()) {
                throw new IOException("read deadline");
            }
            if (body.length() > limits.maxBody()) {
                tooLarge.increment();
                refuse(exchange, 413, "over " + limits.maxBody() + " bytes (while reading)", declared);
                return;
            }
            RequestSignature.Verdict verdict = signature.check(exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Slack-Signature"), body.bytes(), body.length());
            if (verdict != RequestSignature.Verdict.OK) {
                unauthorized.increment();
                refusals.warn("POST {}: 401, not signed by Slack ({}, {} bytes)", SlackServers.PATH, verdict, body.length());
                send(exchange, 401, error("invalid signature"), false);
                return;
            }
            String text = new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8);
            body.release();
            signed(exchange, text);
        } finally {
            body.release();
        }
    }

    /** A signed request: a place in the handler pool, then Bolt. */
    private void signed(HttpExchange exchange, String body) throws IOException {
        if (!running.tryAcquire()) {
            if (waiting.incrementAndGet() > limits.waiting()) {
                waiting.decrementAndGet();
                busy(exchange);
                return;
            }
            boolean got;
            try {
                got = running.tryAcquire(limits.maxWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            } finally {
                waiting.decrementAndGet();
            }
            if (!got) {
                busy(exchange);
                return;
            }
        }
        Response response;
        try {
            response = bolt(exchange, body);
        } finally {
            running.release();
        }
        if (response == null) {
            malformed.increment();
            refusals.warn("POST {}: 400, a signed request that is not a Slack request Kotae can read ({} chars)", SlackServers.PATH, body.length());
            send(exchange, 400, error("not a Slack request this app can read"), false);
            return;
        }
        String type = response.getContentType();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
        }
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        byte[] out = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    /** Bolt's response, or null when the signed body is not a Slack request (malformed JSON, no type). */
    private Response bolt(HttpExchange exchange, String body) {
        if (!readable(body)) {
            return null; // never handed to Bolt's parser, which logs what it cannot classify, body and all
        }
        Request<?> request;
        try {
            Map<String, List<String>> headers = new java.util.HashMap<>(exchange.getRequestHeaders());
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(Map.of())
                    .requestBody(body)
                    .headers(new RequestHeaders(headers))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
        } catch (RuntimeException e) {
            return null; // Gson's JsonSyntaxException and kin: said once in the caller's log line, no stack
        }
        if (request == null) {
            return null;
        }
        try {
            return app.run(request);
        } catch (com.google.gson.JsonParseException | IllegalArgumentException | IllegalStateException e) {
            return null; // a payload with the right type but fields of the wrong shape
        } catch (Exception e) {
            log.error("POST {}: Bolt failed ({})", SlackServers.PATH, e.getClass().getSimpleName());
            return Response.builder().statusCode(500).contentType("application/json; charset=utf-8")
                    .body(error("internal error")).build();
        }
    }

    /** The payload types Bolt's parser knows (JSON, or form-encoded {@code payload=}). */
    private static final java.util.Set<String> TYPES = java.util.Set.of("event_callback", "url_verification", "block_actions",
            "block_suggestion", "interactive_message", "message_action", "dialog_submission", "dialog_cancellation",
            "dialog_suggestion", "view_submission", "view_closed");
    private final com.slack.api.app_backend.util.JsonPayloadExtractor payloads = new com.slack.api.app_backend.util.JsonPayloadExtractor();

    /**
     * Whether Bolt's parser will classify the body: a JSON payload with a type it knows, or a slash
     * command or SSL check form.
     */
    private boolean readable(String body) {
        String json = payloads.extractIfExists(body);
        if (json == null) {
            return body.startsWith("command=") || body.contains("&command=") || body.startsWith("ssl_check=")
                    || body.contains("&ssl_check=");
        }
        try {
            com.fasterxml.jackson.databind.JsonNode type = JSON.readTree(json).get("type");
            return type != null && type.isTextual() && TYPES.contains(type.asText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void busy(HttpExchange exchange) throws IOException {
        overloaded.increment();
        exchange.getResponseHeaders().set("Retry-After", "1");
        send(exchange, 503, error("busy, try again later"), false);
    }

    /**
     * Refuses a request whose body is not (all) read: the response, then the connection is closed
     * without reading the rest. Logged with method, path, size and reason only.
     */
    private void refuse(HttpExchange exchange, int status, String reason, long size) throws IOException {
        refusals.warn("POST {}: {} {}{}", SlackServers.PATH, status, reason, size >= 0 ? " (" + size + " bytes declared)" : "");
        exchange.getResponseHeaders().set("Connection", "close");
        byte[] out = error(reason.startsWith("over") ? "request body too large" : reason).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, out.length);
        OutputStream o = exchange.getResponseBody();
        o.write(out);
        o.flush();
        ReadDeadlines.abortAfterResponse(exchange);
    }

    /** Thrown when the body budget has no room left for what a request has sent. */
    private static final class OverBudget extends IOException {
        OverBudget() {
            super("body budget");
        }
    }

    /** A body as read; {@code length} past the limit means it was cut there. Holds its part of the budget until released. */
    private final class Body {
        private final byte[] bytes;
        private final int length;
        private int heldKb;

        Body(byte[] bytes, int length, int heldKb) {
            this.bytes = bytes;
            this.length = length;
            this.heldKb = heldKb;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        void release() {
            bodyBudget.release(heldKb);
            heldKb = 0;
        }
    }

    /**
     * Reads at most one byte past the limit. The budget is taken in 8 KB steps as bytes actually
     * arrive, so a client that sends slowly holds next to nothing, and many large bodies at once get 503.
     */
    private Body read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[8192];
        int total = 0;
        int heldKb = 0;
        try {
            while (total <= limits.maxBody()) {
                int n = in.read(chunk, 0, Math.min(chunk.length, limits.maxBody() + 1 - total));
                if (n < 0) {
                    break;
                }
                int needKb = (int) ((total + n + 8191L) / 8192 * 8);
                if (needKb > heldKb) {
                    if (!bodyBudget.tryAcquire(needKb - heldKb)) {
                        throw new OverBudget();
                    }
                    heldKb = needKb;
                }
                total += n;
                buffer.write(chunk, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            bodyBudget.release(heldKb);
            throw e;
        }
        return new Body(buffer.toByteArray(), total, heldKb);
    }

    /** {@code /healthz}: up, with the adapter's and the core's counters (no text from any request). */
    private String health() {
        Intake.Counts c = bot.counts();
        Refusals r = refusals();
        AnswerHealth core = bot.health();
        ObjectNode root = JSON.createObjectNode();
        root.put("status", core != null && core.stuck() ? "stuck" : c.queued() > 0 && c.refused() > 0 ? "overloaded" : "ok");
        ObjectNode q = root.putObject("questions");
        q.put("accepted", c.accepted()).put("answered", c.answered()).put("failed", c.failed()).put("busy", c.busy())
                .put("busySent", c.busySent()).put("busyInline", c.busyInline()).put("refused", c.refused())
                .put("queued", c.queued()).put("working", c.working()).put("apiFailures", c.apiFailures());
        ObjectNode h = root.putObject("http");
        h.put("tooLarge", r.tooLarge()).put("timedOut", r.timedOut()).put("unauthorized", r.unauthorized())
                .put("malformed", r.malformed()).put("overloaded", r.overloaded()).put("turnedAway", r.turnedAway())
                .put("inFlight", executor.inUse());
        if (core != null) {
            root.putObject("core").put("inProgress", core.inProgress()).put("oldestMillis", core.oldestMillis())
                    .put("stuck", core.stuck()).put("answered", core.answered()).put("failed", core.failed());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String error(String message) {
        return "{\"error\":\"" + message + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String body, boolean headOnly) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (headOnly) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
