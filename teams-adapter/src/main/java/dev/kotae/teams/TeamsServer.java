package dev.kotae.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotCallbackHandler;
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
 * response back, and {@code GET /healthz} says the bot is up, with its traffic counters. The JDK's own
 * HTTP server, no framework; a virtual thread per exchange.
 *
 * <p>Until a request is known to come from the channel it costs next to nothing (issue 14, see
 * {@link RequestLimits}): a declared body over the cap is 413 and a request without a token the channel
 * signed is 401, both before a byte of the body is read; the body is read with a cap and a deadline,
 * and only a bounded number of requests are past that point at once (503 for one more). An accepted
 * activity always gets its answer or, when every turn is taken and the line is full, the busy reply:
 * nothing that got a 200 goes unanswered.
 *
 * <p>A channel may deliver the same activity again (a retry after a slow or lost response): a message or
 * conversation update whose id was already taken in that conversation is acknowledged and not answered
 * again. The ids are remembered for two hours, at most 20,000 of them; a turn that fails is forgotten, so
 * its retry is answered.
 */
public final class TeamsServer implements AutoCloseable {
    static final int MAX_BODY = RequestLimits.DEFAULTS.maxBody();
    private static final long TURN_TIMEOUT_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(TeamsServer.class);
    /** A flood of forged or missing tokens becomes counters on /healthz, not a flood of log lines. */
    private final dev.kotae.adapter.RefusalLog refusals = new dev.kotae.adapter.RefusalLog(LOG);
    private static final long HOUR = 3_600_000L;

    private final TeamsSettings settings;
    private final KotaeTeamsAdapter adapter;
    private final Bot bot;
    private final RequestLimits limits;
    private final Admission inFlight;
    private final Admission turns;
    private final TrafficCounters counters = new TrafficCounters();
    private final java.util.concurrent.atomic.AtomicInteger inFlightNow = new java.util.concurrent.atomic.AtomicInteger();
    /** Activities already taken (channel, conversation, activity id): a redelivery is answered once. */
    private final RecentKeys taken = new RecentKeys(20_000, 2 * HOUR);
    private HttpServer server;
    private ExecutorService executor;
    private ReadDeadlines deadlines;

    public TeamsServer(TeamsSettings settings, KotaeService service) {
        this(settings, new KotaeTeamsAdapter(settings), service);
    }

    TeamsServer(TeamsSettings settings, KotaeTeamsAdapter adapter, KotaeService service) {
        this(settings, adapter, service, RequestLimits.DEFAULTS);
    }

    TeamsServer(TeamsSettings settings, KotaeTeamsAdapter adapter, KotaeService service, RequestLimits limits) {
        this.settings = settings;
        this.adapter = adapter;
        this.bot = new KotaeTeamsBot(service, settings);
        this.limits = limits;
        this.inFlight = new Admission(limits.inFlight(), 0, java.time.Duration.ZERO);
        this.turns = new Admission(limits.turns(), limits.turnQueue(), limits.turnWait());
    }

    /** Starts listening; returns the port (useful with port 0). */
    public synchronized int start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(settings.bindHost(), settings.port()), 128);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        deadlines = new ReadDeadlines(limits.readDeadline());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(1);
            executor.shutdown();
            deadlines.close();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) {
        // Armed until the body has been read; a request refused before that keeps it while the server drains
        // what the client still sends (on close), so a slow sender is cut off there too.
        ReadDeadlines.Deadline deadline = deadlines.arm(Thread.currentThread());
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/healthz")) {
                if (method.equals("GET")) {
                    respond(exchange, 200, counters.json(inFlightNow.get(), turns.waiting()));
                } else if (method.equals("HEAD")) {
                    respond(exchange, 200, null);
                } else {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    respond(exchange, 405, error("use GET"));
                }
            } else if (path.equals("/api/messages")) {
                if (method.equals("POST")) {
                    messages(exchange, deadline);
                } else {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    respond(exchange, 405, error("use POST"));
                }
            } else {
                respond(exchange, 404, error("not found"));
            }
        } catch (IOException e) {
            // The client went away, or its deadline closed the connection: there is no one to answer.
            LOG.debug("request abandoned ({})", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.error("request failed ({}): {}", e.getClass().getSimpleName(), e.getMessage());
            LOG.debug("request failure", e);
            try {
                respond(exchange, 500, error("internal error"));
            } catch (IOException | RuntimeException ignored) {
                // the response may already have started
            }
        } finally {
            deadline.disarm();
            Thread.interrupted(); // a deadline that fired after the last read must not outlive the exchange
        }
    }

    private void messages(HttpExchange exchange, ReadDeadlines.Deadline deadline) throws IOException {
        // 1. Nothing read yet: the declared size and the token, from the headers alone.
        if (BoundedBody.declaredTooLarge(exchange, limits.maxBody())) {
            counters.rejected.incrementAndGet();
            refuseUnread(exchange, 413, error("request body too large"));
            return;
        }
        String authHeader = exchange.getRequestHeaders().getFirst("Authorization");
        if (settings.authEnabled() && (authHeader == null || authHeader.isBlank() || !adapter.tokenGate().admits(authHeader))) {
            counters.rejected.incrementAndGet();
            refusals.warn("rejected a request {} from {}", authHeader == null || authHeader.isBlank() ? "without a token" : "with an invalid token",
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            refuseUnread(exchange, 401, error("unauthorized"));
            return;
        }
        // 2. A bounded number past this point: each may hold up to maxBody in memory, and a turn.
        Admission.Permit permit;
        try {
            permit = inFlight.tryEnter();
        } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException("interrupted");
        }
        if (permit == null) {
            counters.refused.incrementAndGet();
            counters.warnOverloaded("a request was refused (503): " + limits.inFlight() + " already in flight");
            exchange.getResponseHeaders().set("Retry-After", "1");
            respond(exchange, 503, error("busy, retry later"));
            return;
        }
        inFlightNow.incrementAndGet();
        try (permit) {
            admitted(exchange, deadline, authHeader);
        } finally {
            inFlightNow.decrementAndGet();
        }
    }

    private void admitted(HttpExchange exchange, ReadDeadlines.Deadline deadline, String authHeader) throws IOException {
        byte[] body;
        try {
            body = BoundedBody.read(exchange, limits.maxBody());
        } catch (BoundedBody.TooLarge e) {
            counters.rejected.incrementAndGet();
            refuseUnread(exchange, 413, error("request body too large"));
            return;
        } catch (IOException e) {
            if (deadline.expired()) {
                counters.rejected.incrementAndGet();
                LOG.info("a request body did not arrive within {} s: connection closed", limits.readDeadline().toSeconds());
            }
            throw e;
        }
        if (!deadline.disarm()) {
            counters.rejected.incrementAndGet();
            Thread.interrupted();
            respond(exchange, 408, error("request took too long to arrive"));
            return;
        }
        Activity activity = parse(body);
        boolean wellFormed = activity != null && activity.getType() != null && !activity.getType().isBlank();
        // The full check, with the activity (audience, channel endorsement, service URL), by the SDK.
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
            refusals.warn("rejected a request with an invalid token from {} ({})",
                    exchange.getRemoteAddress().getAddress().getHostAddress(), cause.getClass().getSimpleName());
            respond(exchange, 401, error("unauthorized"));
            return;
        }
        if (!wellFormed) {
            respond(exchange, 400, error("the body is not a Bot Framework activity (JSON with a type)"));
            return;
        }
        String malformed = ActivityShape.problem(activity);
        if (malformed != null) {
            respond(exchange, 400, error(malformed));
            return;
        }
        String key = redeliveryKey(activity);
        if (key != null && !taken.add(key)) {
            counters.duplicates.incrementAndGet();
            LOG.info("a {} activity was delivered again: already taken, not answered twice", activity.getType());
            respond(exchange, 200, null);
            return;
        }
        Admission.Permit turn;
        try {
            turn = turns.tryEnter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forget(key);
            respond(exchange, 503, error("shutting down"));
            return;
        }
        if (turn == null) {
            overloaded(exchange, identity, activity, key);
            return;
        }
        try (turn) {
            run(exchange, identity, activity, key, bot::onTurn, counters.answered);
        }
    }

    /**
     * Every turn is taken and the line is full: a message is accepted and gets the busy reply, which needs
     * neither a turn nor the core; anything else is refused with 503 (the channel retries it).
     */
    private void overloaded(HttpExchange exchange, ClaimsIdentity identity, Activity activity, String key) throws IOException {
        if (ActivityTypes.MESSAGE.equals(activity.getType())) {
            counters.warnOverloaded("a message got the busy reply: " + limits.turns() + " turns running, "
                    + limits.turnQueue() + " waiting");
            run(exchange, identity, activity, key, KotaeTeamsBot::busy, counters.busy);
        } else {
            forget(key);
            counters.refused.incrementAndGet();
            counters.warnOverloaded("a " + activity.getType() + " activity was refused (503): every turn taken");
            exchange.getResponseHeaders().set("Retry-After", "1");
            respond(exchange, 503, error("busy, retry later"));
        }
    }

    /** Runs one turn; a 2xx only once it completed (its reply sent), else 5xx and the id is forgotten for the retry. */
    private void run(HttpExchange exchange, ClaimsIdentity identity, Activity activity, String key, BotCallbackHandler turn,
                     java.util.concurrent.atomic.AtomicLong outcome) throws IOException {
        InvokeResponse invoke;
        try {
            invoke = adapter.processActivity(identity, activity, turn).get(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forget(key);
            respond(exchange, 503, error("shutting down"));
            return;
        } catch (ExecutionException | TimeoutException | CompletionException e) {
            forget(key);
            counters.failed.incrementAndGet();
            Throwable cause = unwrap(e);
            LOG.error("activity {} failed ({}): {}", activity.getType(), cause.getClass().getSimpleName(), cause.getMessage());
            LOG.debug("activity failure", cause);
            respond(exchange, 500, error("internal error"));
            return;
        } catch (RuntimeException e) {
            forget(key);
            counters.failed.incrementAndGet();
            throw e; // a 500 from handle()
        }
        int status = invoke == null ? 200 : invoke.getStatus();
        if (status >= 200 && status < 300) {
            counters.accepted.incrementAndGet();
            outcome.incrementAndGet();
        }
        if (invoke == null) {
            respond(exchange, 200, null);
        } else {
            Object value = invoke.getBody();
            respond(exchange, status, value == null ? null : Serialization.toStringSilent(value));
        }
    }

    /**
     * A refusal before the body was read. After the response, up to {@link RequestLimits#maxBody} more of the
     * body is read and thrown away (a small buffer, within the read deadline), then the connection is closed:
     * a client that sent a little too much, or a body with a bad token, reads its status instead of a reset,
     * while one sending 100 MB is cut off after the first megabyte or so.
     */
    private void refuseUnread(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        respond(exchange, status, json);
        byte[] sink = new byte[8192];
        long left = limits.maxBody();
        java.io.InputStream in = exchange.getRequestBody();
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
            left -= n;
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
