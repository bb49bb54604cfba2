package dev.kotae.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kotae.adapter.RecentKeys;
import dev.kotae.answer.KotaeService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: {@code POST /api/messages} hands each activity to the SDK's adapter (after the
 * SDK has validated its token: any failure is 401 and nothing is answered), writes an invoke's
 * response back, and {@code GET /healthz} says the bot is up. The JDK's own HTTP server, no framework.
 *
 * <p>A channel may deliver the same activity again (a retry after a slow or lost response): a message or
 * conversation update whose id was already taken in that conversation is acknowledged and not answered
 * again. The ids are remembered for two hours, at most 20,000 of them; a turn that fails is forgotten, so
 * its retry is answered.
 */
public final class TeamsServer implements AutoCloseable {
    static final int MAX_BODY = 1 << 20;
    private static final long TURN_TIMEOUT_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(TeamsServer.class);
    private static final long HOUR = 3_600_000L;

    private final TeamsSettings settings;
    private final KotaeTeamsAdapter adapter;
    private final Bot bot;
    /** Activities already taken (channel, conversation, activity id): a redelivery is answered once. */
    private final RecentKeys taken = new RecentKeys(20_000, 2 * HOUR);
    private HttpServer server;
    private ExecutorService executor;

    public TeamsServer(TeamsSettings settings, KotaeService service) {
        this(settings, new KotaeTeamsAdapter(settings), service);
    }

    TeamsServer(TeamsSettings settings, KotaeTeamsAdapter adapter, KotaeService service) {
        this.settings = settings;
        this.adapter = adapter;
        this.bot = new KotaeTeamsBot(service, settings);
    }

    /** Starts listening; returns the port (useful with port 0). */
    public synchronized int start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(settings.bindHost(), settings.port()), 64);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(1);
            executor.shutdown();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/healthz")) {
                if (method.equals("GET")) {
                    respond(exchange, 200, "{\"status\":\"ok\"}");
                } else if (method.equals("HEAD")) {
                    respond(exchange, 200, null);
                } else {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    respond(exchange, 405, error("use GET"));
                }
            } else if (path.equals("/api/messages")) {
                if (method.equals("POST")) {
                    messages(exchange);
                } else {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    respond(exchange, 405, error("use POST"));
                }
            } else {
                respond(exchange, 404, error("not found"));
            }
        } catch (RuntimeException e) {
            LOG.error("request failed ({}): {}", e.getClass().getSimpleName(), e.getMessage());
            LOG.debug("request failure", e);
            try {
                respond(exchange, 500, error("internal error"));
            } catch (IOException | RuntimeException ignored) {
                // the response may already have started
            }
        }
    }

    private void messages(HttpExchange exchange) throws IOException {
        String authHeader = exchange.getRequestHeaders().getFirst("Authorization");
        if (settings.authEnabled() && (authHeader == null || authHeader.isBlank())) {
            LOG.warn("rejected a request without a token from {}", exchange.getRemoteAddress().getAddress().getHostAddress());
            respond(exchange, 401, error("unauthorized"));
            return;
        }
        byte[] body = readBody(exchange.getRequestBody());
        Activity activity = body == null ? null : parse(body);
        boolean wellFormed = activity != null && activity.getType() != null && !activity.getType().isBlank();
        // Authentication comes first: whatever the body, a request without a valid token is 401.
        ClaimsIdentity identity;
        try {
            identity = adapter.authenticate(authHeader, wellFormed ? activity : new Activity((String) null))
                    .get(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (identity == null || !identity.isAuthenticated()) {
                throw new IllegalStateException("no identity");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, error("shutting down"));
            return;
        } catch (Exception e) { // AuthenticationException, JWTDecodeException, IllegalArgumentException, timeouts…
            Throwable cause = unwrap(e);
            LOG.warn("rejected a request with an invalid token from {} ({})",
                    exchange.getRemoteAddress().getAddress().getHostAddress(), cause.getClass().getSimpleName());
            respond(exchange, 401, error("unauthorized"));
            return;
        }
        if (body == null) {
            respond(exchange, 413, error("request body too large"));
            return;
        }
        if (!wellFormed) {
            respond(exchange, 400, error("the body is not a Bot Framework activity (JSON with a type)"));
            return;
        }
        String key = redeliveryKey(activity);
        if (key != null && !taken.add(key)) {
            LOG.info("a {} activity was delivered again: already taken, not answered twice", activity.getType());
            respond(exchange, 200, null);
            return;
        }
        InvokeResponse invoke;
        try {
            invoke = adapter.processActivity(identity, activity, bot::onTurn).get(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forget(key);
            respond(exchange, 503, error("shutting down"));
            return;
        } catch (ExecutionException | TimeoutException | CompletionException e) {
            forget(key);
            Throwable cause = unwrap(e);
            LOG.error("activity {} failed ({}): {}", activity.getType(), cause.getClass().getSimpleName(), cause.getMessage());
            LOG.debug("activity failure", cause);
            respond(exchange, 500, error("internal error"));
            return;
        } catch (RuntimeException e) {
            forget(key);
            throw e; // a 500 from handle()
        }
        if (invoke == null) {
            respond(exchange, 200, null);
        } else {
            Object value = invoke.getBody();
            respond(exchange, invoke.getStatus(), value == null ? null : Serialization.toStringSilent(value));
        }
    }

    /**
     * What identifies a delivery of a message or conversation update: the channel, the conversation and
     * the activity id (ids are unique within a conversation). Null for other activities (an invoke expects
     * its own response every time) and for activities without an id.
     */
    static String redeliveryKey(Activity activity) {
        String type = activity.getType();
        if (!ActivityTypes.MESSAGE.equals(type) && !ActivityTypes.CONVERSATION_UPDATE.equals(type)) {
            return null;
        }
        String id = activity.getId();
        if (id == null || id.isBlank()) {
            return null;
        }
        String conversation = activity.getConversation() == null ? "" : activity.getConversation().getId();
        return activity.getChannelId() + "|" + conversation + "|" + id;
    }

    private void forget(String key) {
        if (key != null) {
            taken.remove(key);
        }
    }

    private static Activity parse(byte[] body) {
        try {
            JsonNode node = Serialization.jsonToTree(new String(body, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                return null;
            }
            return Serialization.safeGetAs(node, Activity.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String error(String message) {
        return "{\"error\":\"" + message + "\"}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
