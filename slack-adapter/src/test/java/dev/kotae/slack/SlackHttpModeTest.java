package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.Citation;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP mode over the real protocol on loopback: the running server (JDK HTTP server + Bolt) gets signed Events API,
 * slash-command and block_actions requests; a loopback fake of the Web API records what Kotae sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackHttpModeTest {
    static final String BOT_TOKEN = "xoxb-test-bot-token-do-not-log";
    static final String SECRET = "test-signing-secret-do-not-log";
    static final String ADMIN = "UADMIN";
    static final String QUESTION = "WAFとは？";

    FakeSlackApi api;
    SlackServers.Running server;
    SlackRequests slack;
    KotaeService service;
    RootLogs logs;
    final AtomicInteger seq = new AtomicInteger(100);

    @BeforeAll
    void start() throws Exception {
        logs = RootLogs.capture(Level.INFO);
        api = new FakeSlackApi();
        service = TestService.get();
        SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_SLACK_PORT", "0", "KOTAE_SLACK_BIND", "127.0.0.1",
                "KOTAE_ADMINS", ADMIN + ",UOTHERADMIN"));
        server = SlackServers.http(new KotaeSlackApp(service, settings), settings);
        slack = new SlackRequests(server.port(), SECRET);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (api != null) {
            api.close();
        }
        logs.close();
    }

    String ts() {
        return "1700000000." + String.format("%06d", seq.incrementAndGet());
    }

    String channel() {
        return "C" + seq.incrementAndGet();
    }

    static void assertAcked(HttpResponse<String> r, long startNanos) {
        assertEquals(200, r.statusCode(), r.body());
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        assertTrue(ms < 3000, "acknowledged after " + ms + " ms");
    }

    /** The answer as the core gives it, in the form the blocks must carry it. */
    static void assertCarries(JsonNode blocks, Answer expected) {
        List<String> texts = SlackRequests.texts(blocks);
        String joined = String.join("", blocks.findValues("text").stream().filter(t -> t.isObject()
                && "mrkdwn".equals(t.path("type").asText())).map(t -> t.path("text").asText()).toList());
        assertTrue(joined.contains(SlackText.escape(expected.text()).substring(0, Math.min(200, expected.text().length()))),
                "the answer text is in the blocks: " + texts);
        for (Citation c : expected.citations()) {
            assertTrue(texts.contains("📄 " + SlackText.escape(c.label())), "citation " + c.label() + " in " + texts);
        }
    }

    @Test
    void healthzAnswersProbes() throws Exception {
        HttpResponse<String> ok = slack.request("GET", SlackServers.HEALTH);
        assertEquals(200, ok.statusCode());
        JsonNode health = FakeSlackApi.JSON.readTree(ok.body());
        assertEquals("ok", health.path("status").asText(), ok.body());
        for (String counter : List.of("accepted", "answered", "busy", "refused", "queued")) {
            assertTrue(health.path("questions").has(counter), counter + " in " + ok.body());
        }
        for (String counter : List.of("tooLarge", "timedOut", "unauthorized", "malformed", "overloaded")) {
            assertTrue(health.path("http").has(counter), counter + " in " + ok.body());
        }
        assertTrue(health.path("core").has("inProgress"), ok.body());
        assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(200, slack.request("HEAD", SlackServers.HEALTH).statusCode());
        HttpResponse<String> post = slack.request("POST", SlackServers.HEALTH);
        assertEquals(405, post.statusCode());
        assertFalse(post.body().contains("Exception") || post.body().contains("at org."), post.body());
        assertEquals(404, slack.request("GET", "/nothing-here").statusCode());
    }

    @Test
    void urlVerificationIsAnswered() throws Exception {
        HttpResponse<String> r = slack.event("{\"token\":\"t\",\"challenge\":\"kotae-challenge-123\",\"type\":\"url_verification\"}");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("kotae-challenge-123"), r.body());
    }

    @Test
    void mentionIsAnsweredOnceInItsThreadWithCitations() throws Exception {
        String ch = channel();
        String ts = ts();
        String body = SlackRequests.eventCallback("EvM" + ts, SlackRequests.mention(ch, "U1", ts, null,
                "<@" + FakeSlackApi.BOT_USER + "> " + QUESTION)).toString();
        long start = System.nanoTime();
        assertAcked(slack.event(body), start);

        FakeSlackApi.Call post = api.awaitOne(c -> c.method().equals("chat.postMessage") && ch.equals(c.param("channel")));
        assertEquals(ts, post.param("thread_ts"), "answered in the question's thread");
        Answer expected = service.answer(new Question(QUESTION, "slack", "U1"));
        assertFalse(expected.citations().isEmpty(), "the corpus answers " + QUESTION);
        assertCarries(post.node("blocks"), expected);
        List<String> ids = SlackRequests.actionIds(post.node("blocks"));
        assertTrue(ids.containsAll(List.of(Blocks.FEEDBACK_UP, Blocks.FEEDBACK_DOWN, Blocks.SOURCE + "0")), ids.toString());
        assertTrue(post.authorization().endsWith(BOT_TOKEN), "posted with the bot token");
        api.awaitOne(c -> c.method().equals("reactions.add") && ch.equals(c.param("channel")) && ts.equals(c.param("timestamp")));

        // Slack retries the same event (same event_id, X-Slack-Retry-Num): acknowledged, not answered again.
        long t = SlackRequests.now();
        HttpResponse<String> retry = slack.post(body, "application/json", t, SECRET,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        assertEquals(200, retry.statusCode());
        // The same message also delivered as a `message` event (another event_id): still one answer.
        slack.event(SlackRequests.eventCallback("EvMsg" + ts, SlackRequests.message(ch, "channel", "U1", ts, null,
                "<@" + FakeSlackApi.BOT_USER + "> " + QUESTION)).toString());
        Thread.sleep(700);
        assertEquals(1, api.calls("chat.postMessage").stream().filter(c -> ch.equals(c.param("channel"))).count(),
                "one reply per event");
    }

    @Test
    void mentionInsideAThreadAndFollowUpsWithoutMention() throws Exception {
        String ch = channel();
        String root = ts();
        String ts = ts();
        slack.event(SlackRequests.eventCallback("Ev" + ts, SlackRequests.mention(ch, "U1", ts, root,
                "<@" + FakeSlackApi.BOT_USER + "> " + QUESTION)).toString());
        FakeSlackApi.Call first = api.awaitOne(c -> c.method().equals("chat.postMessage") && ch.equals(c.param("channel")));
        assertEquals(root, first.param("thread_ts"), "a mention in a thread is answered in that thread");

        String follow = ts();
        slack.event(SlackRequests.eventCallback("Ev" + follow, SlackRequests.message(ch, "channel", "U2", follow, root,
                "2025年の崖って何？")).toString());
        List<FakeSlackApi.Call> posts = api.await(c -> c.method().equals("chat.postMessage") && ch.equals(c.param("channel")),
                2, Duration.ofSeconds(10));
        assertEquals(root, posts.get(1).param("thread_ts"), "the follow-up is answered in the same thread");
        assertCarries(posts.get(1).node("blocks"), service.answer(new Question("2025年の崖って何？", "slack", "U2")));

        // A message in another thread, or at the top level, is not for Kotae.
        String other = ts();
        slack.event(SlackRequests.eventCallback("Ev" + other, SlackRequests.message(ch, "channel", "U2", other, ts(),
                "WAFとは？")).toString());
        String top = ts();
        slack.event(SlackRequests.eventCallback("Ev" + top, SlackRequests.message(ch, "channel", "U2", top, null,
                "WAFとは？")).toString());
        // Kotae's own messages in the thread are not answered.
        String mine = ts();
        ExtraEvents.botMessage(slack, ch, mine, root);
        Thread.sleep(700);
        assertEquals(2, api.calls("chat.postMessage").stream().filter(c -> ch.equals(c.param("channel"))).count());
    }

    @Test
    void manyQuestionsAtOnceAreEachAcknowledgedAtOnceAndAnswered() throws Exception {
        String ch = channel();
        List<String> questions = List.of("WAFとは？", "2025年の崖って何？", "攻めのIT投資の事例をまとめて", "UTMとは？",
                "中小企業のセキュリティ対策は？", "EDRとは？", "ファイアウォールとは？", "DXとは？", "IoTとは？", "クラウドとは？");
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new java.util.ArrayList<>();
        long start = System.nanoTime();
        for (String q : questions) {
            String ts = ts();
            String body = SlackRequests.eventCallback("EvLoad" + ts, SlackRequests.mention(ch, "U1", ts, null,
                    "<@" + FakeSlackApi.BOT_USER + "> " + q)).toString();
            sent.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return slack.event(body);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var f : sent) {
            assertAcked(f.get(), start);
        }
        List<FakeSlackApi.Call> posts = api.await(c -> c.method().equals("chat.postMessage") && ch.equals(c.param("channel")),
                questions.size(), Duration.ofSeconds(30));
        assertEquals(questions.size(), posts.stream().map(c -> c.param("thread_ts")).distinct().count());
    }

    @Test
    void directMessagesAreAnsweredInTheDm() throws Exception {
        String dm = "D" + seq.incrementAndGet();
        String ts = ts();
        long start = System.nanoTime();
        assertAcked(slack.event(SlackRequests.eventCallback("Ev" + ts, SlackRequests.message(dm, "im", "U3", ts, null,
                QUESTION)).toString()), start);
        FakeSlackApi.Call post = api.awaitOne(c -> c.method().equals("chat.postMessage") && dm.equals(c.param("channel")));
        assertNull(post.param("thread_ts"), "a DM is answered in the DM itself");
        assertCarries(post.node("blocks"), service.answer(new Question(QUESTION, "slack", "U3")));
    }

    @Test
    void forgedAndStaleRequestsGet401AndNoAnswer() throws Exception {
        String ch = channel();
        String ts = ts();
        String body = SlackRequests.eventCallback("Ev" + ts, SlackRequests.mention(ch, "U1", ts, null,
                "<@" + FakeSlackApi.BOT_USER + "> " + QUESTION)).toString();
        HttpResponse<String> forged = slack.post(body, "application/json", SlackRequests.now(), "not-the-secret", Map.of());
        assertEquals(401, forged.statusCode());
        HttpResponse<String> stale = slack.post(body, "application/json", SlackRequests.now() - 6 * 60, SECRET, Map.of());
        assertEquals(401, stale.statusCode());
        String slashBody = SlackRequests.formBody(SlackRequests.slash(ch, "U1", QUESTION, api.responseUrl("forged")));
        assertEquals(401, slack.post(slashBody, "application/x-www-form-urlencoded", SlackRequests.now(), "wrong", Map.of()).statusCode());
        String click = SlackRequests.formBody(Map.of("payload", SlackRequests.blockAction(ch, "U1", ts, ts, false,
                Blocks.FEEDBACK_UP, QUESTION, api.responseUrl("forged"))));
        assertEquals(401, slack.post(click, "application/x-www-form-urlencoded", SlackRequests.now() - 301, SECRET, Map.of()).statusCode());
        int feedback = service.feedback().size();
        Thread.sleep(700);
        assertTrue(api.calls().stream().noneMatch(c -> ch.equals(c.param("channel"))), "nothing was answered");
        assertEquals(feedback, service.feedback().size());
        assertTrue(api.calls().stream().noneMatch(c -> c.method().equals("respond/forged")));
    }

    @Test
    void slashCommandAnswersOnlyTheAskerWithAShareButton() throws Exception {
        String ch = channel();
        long start = System.nanoTime();
        assertAcked(slack.form(SlackRequests.slash(ch, "U4", QUESTION, api.responseUrl("s1"))), start);
        FakeSlackApi.Call eph = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && ch.equals(c.param("channel")));
        assertEquals("U4", eph.param("user"));
        assertCarries(eph.node("blocks"), service.answer(new Question(QUESTION, "slack", "U4")));
        assertTrue(SlackRequests.actionIds(eph.node("blocks")).contains(Blocks.SHARE));
        assertTrue(api.calls("chat.postMessage").stream().noneMatch(c -> ch.equals(c.param("channel"))), "nobody else sees it");

        // The share button posts it to the channel and removes the private copy.
        slack.interactive(SlackRequests.blockAction(ch, "U4", "1800000000.000001", null, true, Blocks.SHARE, QUESTION,
                api.responseUrl("s2")));
        FakeSlackApi.Call shared = api.awaitOne(c -> c.method().equals("chat.postMessage") && ch.equals(c.param("channel")));
        assertNull(shared.param("thread_ts"));
        assertCarries(shared.node("blocks"), service.answer(new Question(QUESTION, "slack", "U4")));
        assertTrue(SlackRequests.texts(shared.node("blocks")).stream().anyMatch(t -> t.contains("<@U4>")), "says whose question");
        assertFalse(SlackRequests.actionIds(shared.node("blocks")).contains(Blocks.SHARE));
        FakeSlackApi.Call deleted = api.awaitOne(c -> c.method().equals("respond/s2"));
        assertTrue(deleted.json().path("delete_original").asBoolean());

        // A follow-up button on the private answer answers privately again.
        slack.interactive(SlackRequests.blockAction(ch, "U4", "1800000000.000001", null, true, Blocks.FOLLOW_UP + "0",
                "2025年の崖って何？", api.responseUrl("s3")));
        FakeSlackApi.Call again = api.await(c -> c.method().equals("chat.postEphemeral") && ch.equals(c.param("channel")),
                2, Duration.ofSeconds(10)).get(1);
        assertEquals("U4", again.param("user"));
        assertCarries(again.node("blocks"), service.answer(new Question("2025年の崖って何？", "slack", "U4")));
        assertEquals(1, api.calls("chat.postMessage").stream().filter(c -> ch.equals(c.param("channel"))).count());

        // Where Kotae is not in the channel, sharing goes through response_url as an in-channel message.
        String outside = channel();
        api.postFails.add(outside);
        slack.interactive(SlackRequests.blockAction(outside, "U4", "1800000000.000002", null, true, Blocks.SHARE, QUESTION,
                api.responseUrl("s4")));
        FakeSlackApi.Call inChannel = api.awaitOne(c -> c.method().equals("respond/s4"));
        assertEquals("in_channel", inChannel.json().path("response_type").asText());
        assertCarries(inChannel.json().get("blocks"), service.answer(new Question(QUESTION, "slack", "U4")));
    }

    @Test
    void responseUrlsOutsideSlackAreNotCalled() throws Exception {
        String ch = channel();
        api.ephemeralFails.add(ch);
        slack.form(SlackRequests.slash(ch, "U9", "help", "http://127.0.0.2:9/elsewhere"));
        api.awaitOne(c -> c.method().equals("chat.postEphemeral") && ch.equals(c.param("channel")));
        Thread.sleep(300);
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("not Slack's")));
    }

    @Test
    void slashHelpStatsAndPrivateFallbackToResponseUrl() throws Exception {
        String ch = channel();
        slack.form(SlackRequests.slash(ch, "U5", "help", api.responseUrl("h")));
        FakeSlackApi.Call help = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && ch.equals(c.param("channel")));
        assertTrue(String.join("\n", SlackRequests.texts(help.node("blocks"))).contains("/kotae reindex"));

        String ch2 = channel();
        slack.form(SlackRequests.slash(ch2, "U5", "stats", api.responseUrl("st")));
        FakeSlackApi.Call stats = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && ch2.equals(c.param("channel")));
        String statsText = String.join("\n", SlackRequests.texts(stats.node("blocks")));
        assertTrue(statsText.contains(SlackText.escape(service.stats())), statsText);

        // Where Kotae is not a member, chat.postEphemeral fails: the answer goes through response_url.
        String hidden = channel();
        api.ephemeralFails.add(hidden);
        slack.form(SlackRequests.slash(hidden, "U5", QUESTION, api.responseUrl("fallback")));
        FakeSlackApi.Call viaUrl = api.awaitOne(c -> c.method().equals("respond/fallback"));
        assertEquals("ephemeral", viaUrl.json().path("response_type").asText());
        assertCarries(viaUrl.json().get("blocks"), service.answer(new Question(QUESTION, "slack", "U5")));
    }

    @Test
    void reindexIsForAdminsOnlyAndAudited() throws Exception {
        String ch = channel();
        slack.form(SlackRequests.slash(ch, "UNOBODY", "reindex", api.responseUrl("r1")));
        FakeSlackApi.Call refused = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && ch.equals(c.param("channel")));
        assertTrue(String.join("", SlackRequests.texts(refused.node("blocks"))).contains("権限がありません"));
        assertTrue(logs.list.stream().anyMatch(e -> e.getLoggerName().equals("dev.kotae.slack.audit")
                && e.getFormattedMessage().contains("UNOBODY") && e.getFormattedMessage().contains("refused")), "audited");

        String ch2 = channel();
        slack.form(SlackRequests.slash(ch2, ADMIN, "reindex", api.responseUrl("r2")));
        FakeSlackApi.Call done = api.await(c -> c.method().equals("chat.postEphemeral") && ch2.equals(c.param("channel")),
                1, Duration.ofSeconds(30)).get(0);
        String text = String.join("", SlackRequests.texts(done.node("blocks")));
        assertTrue(text.contains("インデックス") && text.contains("文書 " + service.knowledge().corpus().documents().size()), text);
        assertTrue(logs.list.stream().anyMatch(e -> e.getLoggerName().equals("dev.kotae.slack.audit")
                && e.getFormattedMessage().contains(ADMIN)), "audited");
    }

    @Test
    void buttonsFollowUpFeedbackAndFullSource() throws Exception {
        String ch = channel();
        String thread = ts();
        String answerTs = ts();
        Answer answer = service.answer(new Question(QUESTION, "slack", "U6"));

        // A follow-up button answers in the same thread.
        slack.interactive(SlackRequests.blockAction(ch, "U6", answerTs, thread, false, Blocks.FOLLOW_UP + "0",
                "2025年の崖って何？", api.responseUrl("b1")));
        FakeSlackApi.Call follow = api.awaitOne(c -> c.method().equals("chat.postMessage") && ch.equals(c.param("channel")));
        assertEquals(thread, follow.param("thread_ts"));
        assertCarries(follow.node("blocks"), service.answer(new Question("2025年の崖って何？", "slack", "U6")));

        // 👍 and 👎 are recorded through the core.
        int before = service.feedback().size();
        slack.interactive(SlackRequests.blockAction(ch, "U6", answerTs, thread, false, Blocks.FEEDBACK_UP, QUESTION,
                api.responseUrl("b2")));
        slack.interactive(SlackRequests.blockAction(ch, "U7", answerTs, thread, false, Blocks.FEEDBACK_DOWN, QUESTION,
                api.responseUrl("b3")));
        api.await(c -> c.method().equals("chat.postEphemeral") && ch.equals(c.param("channel")), 2, Duration.ofSeconds(10));
        var recorded = service.feedback().subList(before, service.feedback().size());
        assertEquals(2, recorded.size());
        assertEquals(Set.of(true, false), Set.of(recorded.get(0).helpful(), recorded.get(1).helpful()));
        assertTrue(recorded.stream().allMatch(f -> f.question().equals(QUESTION) && f.platform().equals("slack")
                && f.citations().equals(answer.citations().stream().map(Citation::label).toList())));

        // The source button shows the cited passage in full, to the clicker only, in the thread.
        slack.interactive(SlackRequests.blockAction(ch, "U8", answerTs, thread, false, Blocks.SOURCE + "0", QUESTION,
                api.responseUrl("b4")));
        FakeSlackApi.Call source = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && ch.equals(c.param("channel"))
                && "U8".equals(c.param("user")));
        assertEquals(thread, source.param("thread_ts"));
        Citation cited = answer.citations().get(0);
        String full = service.fullText(cited).orElseThrow();
        assertTrue(full.length() >= cited.snippet().replace("…", "").length());
        String shown = String.join("", SlackRequests.texts(source.node("blocks")));
        assertTrue(shown.contains("📄 " + SlackText.escape(cited.label())), shown);
        assertTrue(shown.contains(SlackText.escape(full).substring(0, Math.min(500, full.length()))), shown);
    }

    @Test
    void appHomeShowsCapabilitiesExamplesAndStats() throws Exception {
        ExtraEvents.homeOpened(slack, "UHOME", "EvHome" + seq.incrementAndGet());
        FakeSlackApi.Call publish = api.awaitOne(c -> c.method().equals("views.publish") && "UHOME".equals(c.param("user_id")));
        JsonNode view = publish.node("view");
        assertEquals("home", view.path("type").asText());
        String text = String.join("\n", SlackRequests.texts(view.path("blocks")));
        assertTrue(text.contains("できること") && text.contains(SlackText.escape(service.stats())), text);
        assertTrue(SlackRequests.actionIds(view.path("blocks")).contains(Blocks.EXAMPLE + "0"));

        // An example button on the Home tab is answered in the app's DM with the user.
        slack.interactive(ExtraEvents.homeClick("UHOME", Blocks.EXAMPLE + "0", Blocks.EXAMPLES.get(0)));
        FakeSlackApi.Call post = api.awaitOne(c -> c.method().equals("chat.postMessage") && "UHOME".equals(c.param("channel")));
        assertCarries(post.node("blocks"), service.answer(new Question(Blocks.EXAMPLES.get(0), "slack", "UHOME")));
    }

    @Test
    void badInputGetsAClearAnswerAndMarkupCannotPing() throws Exception {
        String ch = channel();
        String empty = ts();
        slack.event(SlackRequests.eventCallback("Ev" + empty, SlackRequests.mention(ch, "U1", empty, null,
                "<@" + FakeSlackApi.BOT_USER + ">")).toString());
        FakeSlackApi.Call e = api.awaitOne(c -> c.method().equals("chat.postMessage") && ch.equals(c.param("channel")));
        assertTrue(String.join("", SlackRequests.texts(e.node("blocks"))).contains("質問を入力してください"));

        String ch2 = channel();
        String huge = ts();
        slack.event(SlackRequests.eventCallback("Ev" + huge, SlackRequests.mention(ch2, "U1", huge, null,
                "<@" + FakeSlackApi.BOT_USER + "> " + "WAF".repeat(4000))).toString());
        FakeSlackApi.Call h = api.awaitOne(c -> c.method().equals("chat.postMessage") && ch2.equals(c.param("channel")));
        assertTrue(String.join("", SlackRequests.texts(h.node("blocks"))).contains("長すぎます"));

        String ch3 = channel();
        slack.form(SlackRequests.slash(ch3, "U1", "<!channel> <!here|here> <@U999> &lt;b&gt; WAFとは？", api.responseUrl("m")));
        FakeSlackApi.Call m = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && ch3.equals(c.param("channel")));
        for (String t : SlackRequests.mrkdwnTexts(m.node("blocks"))) {
            assertFalse(t.contains("<!") || t.contains("<@U999") || t.contains("<b>"), t);
        }
        assertFalse(m.param("text").contains("<!"));
    }

    @Test
    void questionsShownBackAreVerbatimPlainText() throws Exception {
        String ch = channel();
        String question = "https://phish.example/login #general @here WAFとは？";
        slack.form(SlackRequests.slash(ch, "U10", question, api.responseUrl("verbatim")));
        FakeSlackApi.Call eph = api.awaitOne(c -> c.method().equals("chat.postEphemeral") && ch.equals(c.param("channel")));
        List<JsonNode> mrkdwn = eph.node("blocks").findParents("type").stream()
                .filter(n -> "mrkdwn".equals(n.path("type").asText())).toList();
        assertTrue(mrkdwn.stream().anyMatch(n -> n.path("text").asText().contains("phish.example")), "the question is shown back");
        for (JsonNode n : mrkdwn) {
            // Without verbatim, Slack itself would link the URL and the channel name and parse the mention.
            assertTrue(n.path("verbatim").asBoolean(false), n.toString());
        }
    }

    @Test
    void aHugeButtonValueIsCappedAtTheQuestionLimit() throws Exception {
        String ch = channel();
        String ts = ts();
        int before = service.feedback().size();
        slack.interactive(SlackRequests.blockAction(ch, "U11", ts, ts, false, Blocks.FEEDBACK_DOWN, "W".repeat(100_000),
                api.responseUrl("huge")));
        api.awaitOne(c -> c.method().equals("chat.postEphemeral") && ch.equals(c.param("channel")));
        var recorded = service.feedback().subList(before, service.feedback().size());
        assertEquals(1, recorded.size());
        assertTrue(recorded.get(0).question().length() <= dev.kotae.answer.AnswerSettings.MAX_QUESTION_LENGTH,
                "stored " + recorded.get(0).question().length() + " characters");
    }

    @Test
    void secretsNeverReachTheLogs() throws Exception {
        mentionIsAnsweredOnceInItsThreadWithCitations();
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(line.contains(BOT_TOKEN) || line.contains(SECRET), line);
        }
        assertFalse(SlackSettings.from(Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SECRET)).toString()
                .contains("do-not-log"));
        assertNotNull(AnswerKind.NONE);
    }
}
