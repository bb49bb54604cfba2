package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode under overload: an envelope that finds no place, neither a worker's nor the busy lane's,
 * is not acknowledged, so Slack sends it again; the redelivery, once there is room, is answered. Every
 * acknowledged envelope gets its answer or the busy reply.
 */
class SlackSocketModeOverloadTest {
    FakeSlackApi api;
    SlackSocketModeTest.FakeSocketServer socket;
    SlackServers.Running running;
    KotaeSlackApp bot;
    CountDownLatch reactions = new CountDownLatch(1);
    CountDownLatch posts = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        api = new FakeSlackApi();
        socket = new SlackSocketModeTest.FakeSocketServer();
        socket.start();
        assertTrue(socket.started.await(5, TimeUnit.SECONDS));
        api.socketUrl = "ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=overload";
        SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-socket-overload",
                "SLACK_APP_TOKEN", "xapp-socket-overload", "KOTAE_SLACK_API_URL", api.apiUrl()));
        // One worker, one waiting question; the busy lane's two threads and one waiting reply.
        bot = new KotaeSlackApp(TestService.get(), settings, 1, 1, 1, 1);
        running = SlackServers.start(bot, settings);
        assertTrue(socket.connected.await(10, TimeUnit.SECONDS));
        api.holdReactions = reactions;
        api.holdPosts = posts;
    }

    @AfterEach
    void stop() throws Exception {
        reactions.countDown();
        posts.countDown();
        running.close();
        socket.stop(1000);
        api.close();
    }

    ObjectNode dm(int n) {
        return SlackRequests.eventCallback("EvSock" + n, SlackRequests.message("DSOCK" + n, "im", "U1",
                "1700000500.00000" + n, null, "WAFとは？"));
    }

    @Test
    void anEnvelopeWithNoPlaceIsNotAcknowledgedAndItsRedeliveryIsAnswered() throws Exception {
        // 1: the worker (then stuck on reactions.add); 2: the queue; 3, 4: the busy lane's threads (stuck on
        // chat.postMessage); 5: the busy lane's queue. Each is acknowledged.
        for (int n = 1; n <= 5; n++) {
            socket.envelope("env-" + n, "events_api", dm(n), false);
            socket.ack("env-" + n);
            if (n == 1) {
                api.awaitOne(c -> c.method().equals("reactions.add"));
            }
            if (n == 4) {
                api.await(c -> c.method().equals("chat.postMessage"), 2, Duration.ofSeconds(10));
            }
        }
        // 6: no place anywhere. Not acknowledged, so Slack will send it again.
        socket.envelope("env-6", "events_api", dm(6), false);
        assertThrows(AssertionError.class, () -> socket.ack("env-6"));
        assertEquals(1, bot.counts().refused());

        reactions.countDown();
        posts.countDown();
        api.await(c -> c.method().equals("chat.postMessage"), 5, Duration.ofSeconds(15));
        // Slack's redelivery of 6 (same event id, a new envelope): now there is room, and it is answered.
        ObjectNode retry = FakeSlackApi.JSON.createObjectNode();
        retry.put("envelope_id", "env-6-retry").put("type", "events_api").put("accepts_response_payload", false)
                .put("retry_attempt", 1).put("retry_reason", "timeout");
        retry.set("payload", dm(6));
        socket.client.send(retry.toString());
        socket.ack("env-6-retry");
        api.await(c -> c.method().equals("chat.postMessage"), 6, Duration.ofSeconds(15));
        Thread.sleep(300);
        for (int n = 1; n <= 6; n++) {
            String channel = "DSOCK" + n;
            var replies = api.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).toList();
            assertEquals(1, replies.size(), "one reply in " + channel);
            boolean busy = KotaeSlackApp.BUSY.equals(replies.get(0).param("text"));
            assertEquals(n == 3 || n == 4 || n == 5, busy, channel + ": " + replies.get(0).param("text"));
        }
        Intake.Counts counts = bot.counts();
        assertEquals(3, counts.accepted());
        assertEquals(3, counts.busy());
        assertEquals(1, counts.refused());
    }
}
