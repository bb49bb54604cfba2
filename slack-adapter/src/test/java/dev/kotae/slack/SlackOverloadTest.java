package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Overload over the real protocol: a server with one worker and room for one waiting question, the
 * worker stuck on a slow Web API call. A question that finds no room is acknowledged at once and its
 * asker is told, in the same place the answer would go, that Kotae is busy; the questions that found
 * room are still answered; and once the worker is free, questions are answered again.
 */
class SlackOverloadTest {
    static final String SECRET = "overload-signing-secret";

    FakeSlackApi api;
    SlackServers.Running server;
    SlackRequests slack;
    KotaeService service;
    CountDownLatch hold;

    @BeforeEach
    void start() throws Exception {
        api = new FakeSlackApi();
        service = TestService.get();
        SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-overload", "SLACK_SIGNING_SECRET", SECRET,
                "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_SLACK_PORT", "0", "KOTAE_SLACK_BIND", "127.0.0.1"));
        server = SlackServers.http(new KotaeSlackApp(service, settings, 1, 1, 1), settings);
        slack = new SlackRequests(server.port(), SECRET);
        hold = new CountDownLatch(1);
        api.holdReactions = hold;
    }

    @AfterEach
    void stop() throws Exception {
        hold.countDown();
        server.close();
        api.close();
    }

    HttpResponse<String> mention(String channel, String ts, String question) throws Exception {
        return slack.event(SlackRequests.eventCallback("Ev" + channel + ts, SlackRequests.mention(channel, "U1", ts, null,
                "<@" + FakeSlackApi.BOT_USER + "> " + question)).toString());
    }

    long posts(String channel) {
        return api.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).count();
    }

    @Test
    void aQuestionWithNoRoomGetsABusyReplyNotSilence() throws Exception {
        // A: taken by the only worker, which then waits on reactions.add.
        assertEquals(200, mention("CA", "1700000001.000001", "WAFとは？").statusCode());
        api.awaitOne(c -> c.method().equals("reactions.add") && "CA".equals(c.param("channel")));
        // B: waits in the queue.
        assertEquals(200, mention("CB", "1700000001.000002", "2025年の崖って何？").statusCode());
        // C, a DM and a /kotae: no room. Each is acknowledged at once and told to try again, where its answer would go.
        long start = System.nanoTime();
        assertEquals(200, mention("CC", "1700000001.000003", "UTMとは？").statusCode());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3000, "acknowledged at once");
        FakeSlackApi.Call busy = api.awaitOne(c -> c.method().equals("chat.postMessage") && "CC".equals(c.param("channel")));
        assertEquals("1700000001.000003", busy.param("thread_ts"), "in the question's thread");
        assertEquals(KotaeSlackApp.BUSY, busy.param("text"));
        assertTrue(SlackRequests.texts(busy.node("blocks")).contains(KotaeSlackApp.BUSY));

        assertEquals(200, slack.event(SlackRequests.eventCallback("EvDM", SlackRequests.message("DBUSY", "im", "U2",
                "1700000001.000004", null, "WAFとは？")).toString()).statusCode());
        FakeSlackApi.Call dm = api.awaitOne(c -> c.method().equals("chat.postMessage") && "DBUSY".equals(c.param("channel")));
        assertNull(dm.param("thread_ts"));
        assertEquals(KotaeSlackApp.BUSY, dm.param("text"));

        assertEquals(200, slack.form(SlackRequests.slash("CS", "U3", "WAFとは？", api.responseUrl("busy"))).statusCode());
        FakeSlackApi.Call eph = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && "CS".equals(c.param("channel")));
        assertEquals("U3", eph.param("user"), "only the asker sees it");
        assertEquals(KotaeSlackApp.BUSY, eph.param("text"));

        // The worker is free again: A and B get their answers, and C nothing more.
        hold.countDown();
        FakeSlackApi.Call a = api.awaitOne(c -> c.method().equals("chat.postMessage") && "CA".equals(c.param("channel")));
        assertEquals(Blocks.fallback(service.answer(new Question("WAFとは？", "slack", "U1"))), a.param("text"));
        FakeSlackApi.Call b = api.awaitOne(c -> c.method().equals("chat.postMessage") && "CB".equals(c.param("channel")));
        assertEquals(Blocks.fallback(service.answer(new Question("2025年の崖って何？", "slack", "U1"))), b.param("text"));

        // And a new question is answered as usual.
        assertEquals(200, mention("CD", "1700000001.000005", "UTMとは？").statusCode());
        FakeSlackApi.Call d = api.awaitOne(c -> c.method().equals("chat.postMessage") && "CD".equals(c.param("channel")));
        assertEquals(Blocks.fallback(service.answer(new Question("UTMとは？", "slack", "U1"))), d.param("text"));
        Thread.sleep(300);
        for (String channel : new String[] {"CA", "CB", "CC", "CD", "DBUSY"}) {
            assertEquals(1, posts(channel), "one post in " + channel);
        }
    }
}
