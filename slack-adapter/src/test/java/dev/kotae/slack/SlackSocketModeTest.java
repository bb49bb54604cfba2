package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kotae.answer.Answer;
import dev.kotae.answer.Citation;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Socket Mode over a real WebSocket on loopback: the fake Web API answers apps.connections.open
 * with a ws://127.0.0.1 URL, a WebSocket server there says hello and sends envelopes (events_api,
 * slash_commands, interactive); each must be acknowledged by its envelope_id and answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackSocketModeTest {
    static final String APP_TOKEN = "xapp-test-app-token-do-not-log";
    static final String BOT_TOKEN = "xoxb-test-bot-token-socket";

    FakeSlackApi api;
    FakeSocketServer socket;
    SlackServers.Running running;
    KotaeService service;

    /** Slack's Socket Mode end: hello on connect, then whatever the test sends; records what comes back. */
    static final class FakeSocketServer extends WebSocketServer {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(1);
        volatile WebSocket client;
        volatile String authorization;

        FakeSocketServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            client = conn;
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-test\","
                    + "\"build_number\":1,\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0001\"}}");
            connected.countDown();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                received.add(FakeSlackApi.JSON.readTree(message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {}

        @Override
        public void onStart() {
            started.countDown();
        }

        void envelope(String id, String type, JsonNode payload, boolean acceptsResponse) {
            ObjectNode e = FakeSlackApi.JSON.createObjectNode();
            e.put("envelope_id", id).put("type", type).put("accepts_response_payload", acceptsResponse);
            e.set("payload", payload);
            if (type.equals("events_api")) {
                e.put("retry_attempt", 0).put("retry_reason", "");
            }
            client.send(e.toString());
        }

        /** Waits for the acknowledgement of {@code envelopeId}. */
        JsonNode ack(String envelopeId) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                JsonNode m = received.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (m != null && envelopeId.equals(m.path("envelope_id").asText())) {
                    return m;
                }
            }
            throw new AssertionError("envelope " + envelopeId + " was not acknowledged within Slack's 3 seconds");
        }
    }

    RootLogs logs;

    @BeforeAll
    void start() throws Exception {
        logs = RootLogs.capture(null);
        service = TestService.get();
        api = new FakeSlackApi();
        socket = new FakeSocketServer();
        socket.start();
        assertTrue(socket.started.await(5, TimeUnit.SECONDS));
        api.socketUrl = "ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=test";
        SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_APP_TOKEN", APP_TOKEN,
                "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_ADMINS", "UADMIN"));
        assertTrue(settings.socketMode());
        running = SlackServers.start(new KotaeSlackApp(service, settings), settings);
        assertTrue(socket.connected.await(10, TimeUnit.SECONDS), "the adapter connected to the WebSocket URL");
    }

    @AfterAll
    void stop() throws Exception {
        if (running != null) {
            running.close();
        }
        logs.close();
        if (socket != null) {
            socket.stop(1000);
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void connectsWithTheAppTokenAndNeverLogsIt() {
        FakeSlackApi.Call open = api.calls("apps.connections.open").get(0);
        assertTrue(open.authorization().endsWith(APP_TOKEN));
        for (var e : logs.list) {
            assertTrue(!e.getFormattedMessage().contains(APP_TOKEN) && !e.getFormattedMessage().contains(BOT_TOKEN),
                    e.getFormattedMessage());
        }
    }

    @Test
    void eventsApiEnvelopeIsAcknowledgedAndAnsweredInTheThreadOnce() throws Exception {
        String q = "WAFとは？";
        ObjectNode event = SlackRequests.eventCallback("EvS1", SlackRequests.mention("CS1", "U1", "1700000100.000001",
                null, "<@" + FakeSlackApi.BOT_USER + "> " + q));
        socket.envelope("env-events-1", "events_api", event, false);
        assertEquals("env-events-1", socket.ack("env-events-1").path("envelope_id").asText());
        FakeSlackApi.Call post = api.awaitOne(c -> c.method().equals("chat.postMessage") && "CS1".equals(c.param("channel")));
        assertEquals("1700000100.000001", post.param("thread_ts"));
        Answer expected = service.answer(new Question(q, "slack", "U1"));
        List<String> texts = SlackRequests.texts(post.node("blocks"));
        for (Citation c : expected.citations()) {
            assertTrue(texts.contains("📄 " + SlackText.escape(c.label())), texts.toString());
        }
        // Slack redelivers the event in a new envelope (retry_attempt 1): acknowledged, not answered again.
        ObjectNode retry = FakeSlackApi.JSON.createObjectNode();
        retry.put("envelope_id", "env-events-1-retry").put("type", "events_api").put("accepts_response_payload", false)
                .put("retry_attempt", 1).put("retry_reason", "timeout");
        retry.set("payload", event);
        socket.client.send(retry.toString());
        socket.ack("env-events-1-retry");
        Thread.sleep(500);
        assertEquals(1, api.calls("chat.postMessage").stream().filter(c -> "CS1".equals(c.param("channel"))).count());
    }

    @Test
    void slashCommandEnvelopeIsAcknowledgedAndAnsweredPrivately() throws Exception {
        ObjectNode payload = FakeSlackApi.JSON.createObjectNode();
        SlackRequests.slash("CS2", "U2", "2025年の崖って何？", api.responseUrl("sock")).forEach(payload::put);
        socket.envelope("env-slash-1", "slash_commands", payload, true);
        socket.ack("env-slash-1");
        FakeSlackApi.Call eph = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && "CS2".equals(c.param("channel")));
        assertEquals("U2", eph.param("user"));
        assertTrue(SlackRequests.actionIds(eph.node("blocks")).contains(Blocks.SHARE));

        ObjectNode refused = FakeSlackApi.JSON.createObjectNode();
        SlackRequests.slash("CS3", "U2", "reindex", api.responseUrl("sock2")).forEach(refused::put);
        socket.envelope("env-slash-2", "slash_commands", refused, true);
        socket.ack("env-slash-2");
        FakeSlackApi.Call no = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && "CS3".equals(c.param("channel")));
        assertTrue(String.join("", SlackRequests.texts(no.node("blocks"))).contains("権限がありません"));
    }

    @Test
    void interactiveEnvelopeIsAcknowledgedAndAnswered() throws Exception {
        JsonNode click = FakeSlackApi.JSON.readTree(SlackRequests.blockAction("CS4", "U3", "1700000200.000002",
                "1700000200.000001", false, Blocks.FOLLOW_UP + "0", "WAFとは？", api.responseUrl("sock3")));
        socket.envelope("env-interactive-1", "interactive", click, false);
        socket.ack("env-interactive-1");
        FakeSlackApi.Call post = api.awaitOne(c -> c.method().equals("chat.postMessage") && "CS4".equals(c.param("channel")));
        assertEquals("1700000200.000001", post.param("thread_ts"));
        assertNull(post.param("nothing"));
    }
}
