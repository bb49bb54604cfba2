package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kotae.answer.Answer;
import dev.kotae.answer.Citation;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The bot over the real protocol on loopback, in dev mode (anonymous), against a fake Bot Connector. */
class ConversationTest {
    static final String ADMIN = "aad-admin-1";
    static FakeConnector connector;
    static TeamsServer server;
    static int port;
    static KotaeService service;

    @BeforeAll
    static void start() throws Exception {
        service = SharedService.get();
        connector = new FakeConnector();
        server = new TeamsServer(new TeamsSettings(null, null, null, 0, "127.0.0.1", true, Set.of(ADMIN), null), service);
        port = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        connector.close();
    }

    @BeforeEach
    void clear() {
        connector.clear();
    }

    static FakeConnector.Received onlyReply() {
        List<FakeConnector.Received> received = connector.received();
        assertEquals(1, received.size(), "exactly one reply: " + received);
        return received.get(0);
    }

    static JsonNode card(JsonNode activity) {
        JsonNode attachment = activity.path("attachments").path(0);
        assertEquals(AnswerCards.CONTENT_TYPE, attachment.path("contentType").asText());
        return attachment.path("content");
    }

    static List<String> texts(JsonNode card) {
        List<String> out = new ArrayList<>();
        card.findValues("text").forEach(t -> out.add(t.asText()));
        return out;
    }

    /** The card and text fallback carry exactly the core's answer and citations. */
    static void assertAnswerReply(JsonNode reply, Answer expected) {
        assertEquals("message", reply.path("type").asText());
        assertEquals(AnswerCards.plainText(expected), reply.path("text").asText(), "plain-text fallback");
        JsonNode card = card(reply);
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertTrue(texts(card).contains(expected.text()), "the card shows the answer");
        for (Citation c : expected.citations()) {
            assertTrue(texts(card).stream().anyMatch(t -> t.contains(c.label())), "citation " + c.label());
            List<String> facts = new ArrayList<>();
            card.findValues("facts").forEach(f -> f.forEach(x -> facts.add(x.path("value").asText())));
            if (c.section() != null) assertTrue(facts.contains(c.section()), "section of " + c.label());
            if (c.title() != null) assertTrue(facts.contains(c.title()), "title of " + c.label());
            if (c.page() != null) assertTrue(facts.contains(c.page()), "page of " + c.label());
        }
        for (String f : expected.followUps().stream().limit(5).toList()) {
            assertTrue(card.findValues("data").stream().anyMatch(d -> f.equals(d.path("question").asText())
                    && AnswerCards.ASK.equals(d.path("kotae").asText())), "follow-up button " + f);
        }
    }

    @Test
    void personalMessageIsAnsweredWithCardCitationsAndTextFallback() throws Exception {
        ObjectNode activity = Activities.personal(connector.url(), "WAFとは？");
        HttpResponse<String> response = Activities.post(port, activity, null);
        assertEquals(200, response.statusCode());
        FakeConnector.Received reply = onlyReply();
        assertEquals("POST", reply.method());
        assertEquals("/v3/conversations/a:personal-conv-1/activities/" + activity.path("id").asText(), reply.path());
        assertEquals(activity.path("id").asText(), reply.body().path("replyToId").asText());
        assertAnswerReply(reply.body(), service.answer(new Question("WAFとは？", "teams", "aad-user-1")));
        JsonNode feedback = card(reply.body()).findValues("data").stream()
                .filter(d -> AnswerCards.FEEDBACK.equals(d.path("kotae").asText())).toList().get(0);
        assertEquals("WAFとは？", feedback.path("question").asText());
    }

    @Test
    void channelMentionIsRemovedFromTheQuestion() throws Exception {
        ObjectNode activity = Activities.channelWithMention(connector.url(), "2025年の崖って何？");
        assertEquals(200, Activities.post(port, activity, null).statusCode());
        FakeConnector.Received reply = onlyReply();
        String conversation = activity.path("conversation").path("id").asText();
        assertEquals("/v3/conversations/" + conversation + "/activities/" + activity.path("id").asText(), reply.path());
        assertAnswerReply(reply.body(), service.answer("2025年の崖って何？"));
        assertTrue(texts(card(reply.body())).contains("質問：2025年の崖って何？"));
        assertFalse(reply.body().toString().contains("<at>"), "no mention left anywhere in the reply");
    }

    @Test
    void aRedeliveredActivityIsAnsweredOnce() throws Exception {
        ObjectNode activity = Activities.personal(connector.url(), "WAFとは？");
        // The channel delivers it several times (same id, same conversation), the retries while the first is in flight…
        List<java.util.concurrent.CompletableFuture<Integer>> again = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            again.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return Activities.post(port, activity, null).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var f : again) {
            assertEquals(200, f.get(), "every delivery is acknowledged");
        }
        // …and once more after it was answered.
        assertEquals(200, Activities.post(port, activity, null).statusCode());
        FakeConnector.Received reply = onlyReply();
        assertEquals(activity.path("id").asText(), reply.body().path("replyToId").asText());

        // The same id in another conversation is another message; a message without an id is answered each time.
        connector.clear();
        ObjectNode elsewhere = activity.deepCopy();
        elsewhere.with("conversation").put("id", "a:personal-conv-2");
        assertEquals(200, Activities.post(port, elsewhere, null).statusCode());
        assertEquals("/v3/conversations/a:personal-conv-2/activities/" + activity.path("id").asText(), onlyReply().path());
        connector.clear();
        ObjectNode noId = Activities.personal(connector.url(), "WAFとは？");
        noId.remove("id");
        assertEquals(200, Activities.post(port, noId, null).statusCode());
        assertEquals(200, Activities.post(port, noId, null).statusCode());
        assertEquals(2, connector.received().size());

        // A welcome (conversationUpdate) delivered twice is sent once.
        connector.clear();
        ObjectNode added = Activities.base("conversationUpdate", connector.url(), "19:redelivered@thread.tacv2", "channel");
        added.putArray("membersAdded").addObject().put("id", Activities.BOT_ID).put("name", Activities.BOT_NAME);
        assertEquals(200, Activities.post(port, added, null).statusCode());
        assertEquals(200, Activities.post(port, added, null).statusCode());
        onlyReply();
    }

    @Test
    void slowRepliesDoNotQueueBehindFiveOthers() throws Exception {
        // The Bot Connector is slow: every reply waits until released. Twelve questions at once must all
        // reach it at once (the SDK's default client let 5 through per host, the rest waited in line).
        int questions = 12;
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        connector.holdReplies = hold;
        List<java.util.concurrent.CompletableFuture<Integer>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < questions; i++) {
                ObjectNode activity = Activities.personal(connector.url(), "WAFとは？");
                sent.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return Activities.post(port, activity, null).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
            }
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (connector.maxInFlight() < questions && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(questions, connector.maxInFlight(), "replies in flight at once");
        } finally {
            hold.countDown();
            connector.holdReplies = null;
        }
        for (var f : sent) {
            assertEquals(200, f.get());
        }
        assertEquals(questions, connector.received().size());
    }

    @Test
    void channelMessageWithoutMentionIsIgnored() throws Exception {
        ObjectNode activity = Activities.base("message", connector.url(), "19:channel-abc@thread.tacv2", "channel");
        activity.put("text", "WAFとは？");
        assertEquals(200, Activities.post(port, activity, null).statusCode());
        assertTrue(connector.received().isEmpty());
    }

    @Test
    void groupChatMentionWithOtherMentionsAndEntities() throws Exception {
        ObjectNode activity = Activities.channelWithMention(connector.url(), "<at>佐藤</at>&nbsp;WAFとは？");
        activity.with("conversation").put("conversationType", "groupChat").put("id", "19:group@thread.v2");
        assertEquals(200, Activities.post(port, activity, null).statusCode());
        assertAnswerReply(onlyReply().body(), service.answer("WAFとは？"));
    }

    @Test
    void followUpButtonAnswersThatQuestion() throws Exception {
        ObjectNode data = Activities.JSON.createObjectNode().put("kotae", "ask").put("question", "ゼロトラストとは？");
        assertEquals(200, Activities.post(port, Activities.button(connector.url(), data), null).statusCode());
        assertAnswerReply(onlyReply().body(), service.answer("ゼロトラストとは？"));
    }

    @Test
    void feedbackIsRecordedThroughTheCore() throws Exception {
        int before = service.feedback().size();
        ObjectNode data = Activities.JSON.createObjectNode().put("kotae", "feedback").put("helpful", false)
                .put("question", "WAFとは？").put("kind", "glossary");
        data.putArray("citations").add("用語集「WAF（ワフ）」");
        assertEquals(200, Activities.post(port, Activities.button(connector.url(), data), null).statusCode());
        assertEquals(KotaeTeamsBot.THANKS_NOT_HELPFUL, onlyReply().body().path("text").asText());
        var all = service.feedback();
        assertEquals(before + 1, all.size());
        var last = all.get(all.size() - 1);
        assertEquals("teams", last.platform());
        assertEquals("WAFとは？", last.question());
        assertFalse(last.helpful());
        assertEquals(List.of("用語集「WAF（ワフ）」"), last.citations());
    }

    @Test
    void oneVotePerUserAndCard() throws Exception {
        int before = service.feedback().size();
        ObjectNode data = Activities.JSON.createObjectNode().put("kotae", "feedback").put("helpful", true)
                .put("question", "WAFとは？").put("kind", "glossary");
        ObjectNode click = Activities.button(connector.url(), data);
        click.put("replyToId", "card-message-1");
        assertEquals(200, Activities.post(port, click, null).statusCode());
        assertEquals(KotaeTeamsBot.THANKS_HELPFUL, onlyReply().body().path("text").asText());
        connector.clear();
        ObjectNode again = Activities.button(connector.url(), data.deepCopy().put("helpful", false));
        again.put("replyToId", "card-message-1");
        assertEquals(200, Activities.post(port, again, null).statusCode());
        assertEquals(KotaeTeamsBot.ALREADY_VOTED, onlyReply().body().path("text").asText());
        connector.clear();
        ObjectNode colleague = Activities.button(connector.url(), data);
        colleague.put("replyToId", "card-message-1");
        colleague.with("from").put("id", "29:user-2").put("aadObjectId", "aad-user-2");
        assertEquals(200, Activities.post(port, colleague, null).statusCode());
        assertEquals(KotaeTeamsBot.THANKS_HELPFUL, onlyReply().body().path("text").asText());
        assertEquals(before + 2, service.feedback().size());
    }

    @Test
    void welcomeWithExamplesWhenTheBotIsAdded() throws Exception {
        ObjectNode activity = Activities.base("conversationUpdate", connector.url(), "19:channel-abc@thread.tacv2", "channel");
        activity.putArray("membersAdded").addObject().put("id", Activities.BOT_ID).put("name", Activities.BOT_NAME);
        assertEquals(200, Activities.post(port, activity, null).statusCode());
        FakeConnector.Received reply = onlyReply();
        assertEquals("/v3/conversations/19:channel-abc@thread.tacv2/activities/" + activity.path("id").asText(), reply.path());
        JsonNode card = card(reply.body());
        assertTrue(texts(card).contains("Kotae へようこそ"));
        Answer help = service.answer("help");
        assertFalse(help.followUps().isEmpty());
        for (String example : help.followUps()) {
            assertTrue(card.findValues("data").stream().anyMatch(d -> example.equals(d.path("question").asText())), example);
        }
    }

    @Test
    void activityWithoutIdIsAnsweredInTheConversation() throws Exception {
        ObjectNode activity = Activities.personal(connector.url(), "WAFとは？");
        activity.remove("id");
        activity.put("localTimestamp", "2026-11-21T19:00:00.000+09:00").put("localTimezone", "Asia/Tokyo").put("locale", "ja-JP");
        activity.putObject("channelData").putObject("tenant").put("id", "tenant-1");
        activity.putArray("entities").addObject().put("type", "clientInfo").put("locale", "ja-JP").put("country", "JP")
                .put("platform", "Windows").put("timezone", "Asia/Tokyo");
        activity.putArray("attachments").addObject().put("contentType", "text/html").put("content", "<p>WAFとは？</p>");
        assertEquals(200, Activities.post(port, activity, null).statusCode());
        FakeConnector.Received reply = onlyReply();
        assertEquals("/v3/conversations/a:personal-conv-1/activities", reply.path());
        assertAnswerReply(reply.body(), service.answer("WAFとは？"));
    }

    @Test
    void noWelcomeWhenSomeoneElseJoinsAChannel() throws Exception {
        ObjectNode activity = Activities.base("conversationUpdate", connector.url(), "19:channel-abc@thread.tacv2", "channel");
        activity.putArray("membersAdded").addObject().put("id", "29:someone");
        assertEquals(200, Activities.post(port, activity, null).statusCode());
        assertTrue(connector.received().isEmpty());
    }

    @Test
    void reindexByAnAdmin() throws Exception {
        ObjectNode activity = Activities.personal(connector.url(), "reindex");
        activity.with("from").put("aadObjectId", ADMIN);
        assertEquals(200, Activities.post(port, activity, null).statusCode());
        String text = onlyReply().body().path("text").asText();
        assertTrue(text.contains("インデックス"), text);
    }

    @Test
    void reindexByAnyoneElseIsRefusedAndAudited() throws Exception {
        Logger audit = (Logger) LoggerFactory.getLogger("dev.kotae.audit");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        audit.addAppender(events);
        try {
            ObjectNode activity = Activities.channelWithMention(connector.url(), "reindex");
            assertEquals(200, Activities.post(port, activity, null).statusCode());
            String text = onlyReply().body().path("text").asText();
            assertTrue(text.contains("権限がありません"), text);
            assertTrue(events.list.stream().anyMatch(e -> e.getFormattedMessage().contains("reindex denied")
                    && e.getFormattedMessage().contains("aad-user-1")), "audited");
        } finally {
            audit.detachAppender(events);
        }
    }

    @Test
    void helpAndStats() throws Exception {
        assertEquals(200, Activities.post(port, Activities.personal(connector.url(), "help"), null).statusCode());
        JsonNode help = onlyReply().body();
        assertEquals(AnswerCards.plainText(service.answer("help")), help.path("text").asText());
        connector.clear();
        assertEquals(200, Activities.post(port, Activities.channelWithMention(connector.url(), "stats"), null).statusCode());
        String stats = onlyReply().body().path("text").asText();
        assertEquals("コーパスの統計\n" + service.stats(), stats);
    }

    @Test
    void emptyQuestionGetsAClearAnswer() throws Exception {
        assertEquals(200, Activities.post(port, Activities.channelWithMention(connector.url(), ""), null).statusCode());
        JsonNode reply = onlyReply().body();
        assertTrue(reply.path("text").asText().contains("質問を入力してください"), reply.toString());
    }

    @Test
    void invokeResponsesAreWrittenBack() throws Exception {
        ObjectNode invoke = Activities.base("invoke", connector.url(), "a:personal-conv-1", "personal");
        invoke.put("name", "adaptiveCard/action");
        ObjectNode action = invoke.putObject("value").putObject("action");
        action.put("type", "Action.Execute").put("verb", "feedback");
        action.putObject("data").put("kotae", "feedback").put("helpful", true).put("question", "WAFとは？").put("kind", "glossary");
        HttpResponse<String> response = Activities.post(port, invoke, null);
        assertEquals(200, response.statusCode());
        JsonNode body = Activities.JSON.readTree(response.body());
        assertEquals(200, body.path("statusCode").asInt());
        assertEquals(KotaeTeamsBot.THANKS_HELPFUL, body.path("value").asText());

        ObjectNode unknown = Activities.base("invoke", connector.url(), "a:personal-conv-1", "personal");
        unknown.put("name", "composeExtension/query");
        assertEquals(501, Activities.post(port, unknown, null).statusCode());

        ObjectNode malformed = Activities.base("invoke", connector.url(), "a:personal-conv-1", "personal");
        malformed.put("name", "adaptiveCard/action");
        HttpResponse<String> bad = Activities.post(port, malformed, null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("BadRequest"), bad.body());
        assertTrue(connector.received().isEmpty());
    }

    @Test
    void badRequestsGetClearStatuses() throws Exception {
        assertEquals(400, Activities.post(port, "not json", null).statusCode());
        assertEquals(400, Activities.post(port, "{\"text\":\"no type\"}", null).statusCode());
        assertEquals(400, Activities.post(port, "[1,2]", null).statusCode());
        assertEquals(413, Activities.post(port, "{\"type\":\"message\",\"text\":\"" + "あ".repeat(TeamsServer.MAX_BODY / 2) + "\"}", null).statusCode());
        HttpResponse<String> health = Activities.get(port, "/healthz");
        assertEquals(200, health.statusCode());
        assertEquals(405, Activities.get(port, "/api/messages").statusCode());
        assertEquals(404, Activities.get(port, "/nothing").statusCode());
        assertTrue(connector.received().isEmpty());
    }

    @Test
    void hugeQuestionGetsAClearAnswer() throws Exception {
        assertEquals(200, Activities.post(port, Activities.personal(connector.url(), "セキュリティ".repeat(1000)), null).statusCode());
        assertNotNull(onlyReply().body().path("text").asText());
        assertTrue(onlyReply().body().path("text").asText().contains("質問が長すぎます"));
    }

    /** Issue 14, finding 4: what the user wrote is shown as written, never read as Markdown (no link in Kotae's card). */
    @Test
    void markdownInAQuestionIsEchoedAsPlainText() throws Exception {
        String question = "[click](http://evil) **WAF**とは？";
        assertEquals(200, Activities.post(port, Activities.personal(connector.url(), question), null).statusCode());
        JsonNode card = card(onlyReply().body());
        for (JsonNode block : card.findParents("type")) {
            if ("TextBlock".equals(block.path("type").asText())) {
                assertFalse(block.path("text").asText().contains("http://evil"), "a TextBlock would render the link: " + block);
            }
        }
        JsonNode echo = card.path("body").path(0);
        assertEquals("RichTextBlock", echo.path("type").asText(), echo.toString());
        assertEquals("TextRun", echo.path("inlines").path(0).path("type").asText());
        assertEquals("質問：" + question, echo.path("inlines").path(0).path("text").asText());
    }

    /** Issue 14, finding 4: a 👎 whose button data was inflated to 100,000 characters is kept at the question limit. */
    @Test
    void feedbackValuesAreCappedAtTheQuestionLimit() throws Exception {
        int limit = dev.kotae.answer.AnswerSettings.MAX_QUESTION_LENGTH;
        String huge = "あ".repeat(100_000); // 300 KB: well within the 1 MB body
        ObjectNode data = Activities.JSON.createObjectNode().put("kotae", "feedback").put("helpful", false)
                .put("question", huge).put("kind", "x".repeat(100_000));
        var citations = data.putArray("citations");
        for (int i = 0; i < 3; i++) {
            citations.add("x".repeat(100_000));
        }
        int before = service.feedback().size();
        assertEquals(200, Activities.post(port, Activities.button(connector.url(), data), null).statusCode());
        assertEquals(KotaeTeamsBot.THANKS_NOT_HELPFUL, onlyReply().body().path("text").asText());
        // …and the same through Universal Actions (an adaptiveCard/action invoke).
        ObjectNode invoke = Activities.base("invoke", connector.url(), "a:personal-conv-1", "personal");
        invoke.put("name", "adaptiveCard/action");
        ObjectNode action = invoke.putObject("value").putObject("action");
        action.put("type", "Action.Execute").put("verb", "feedback");
        action.set("data", data);
        assertEquals(200, Activities.post(port, invoke, null).statusCode());
        var all = service.feedback();
        assertEquals(before + 2, all.size());
        for (var stored : all.subList(all.size() - 2, all.size())) {
            assertTrue(stored.question().length() <= limit + 1, "question kept: " + stored.question().length());
            assertTrue(stored.question().startsWith("あ".repeat(100)));
            assertTrue(stored.citations().size() <= 20, "citations kept: " + stored.citations().size());
            stored.citations().forEach(c -> assertTrue(c.length() <= limit + 1, "citation kept: " + c.length()));
        }
    }

    /**
     * Issue 14: an activity that passed authentication but is malformed (no recipient, a null role, no
     * conversation, a bad service URL, odd types) gets 400 with a short reason, never a 500 or a stack trace.
     */
    @Test
    void malformedActivitiesGet400NeverA500() throws Exception {
        List<ObjectNode> cases = new ArrayList<>();
        java.util.function.Supplier<ObjectNode> base = () -> Activities.personal(connector.url(), "WAFとは？");
        ObjectNode a;
        a = base.get(); a.with("recipient").putNull("role"); a.with("from").putNull("role"); cases.add(a);
        a = base.get(); a.remove("recipient"); cases.add(a);
        a = base.get(); a.putNull("recipient"); cases.add(a);
        a = base.get(); a.with("recipient").removeAll(); a.with("recipient").putNull("role"); cases.add(a);
        a = base.get(); a.remove("from"); cases.add(a);
        a = base.get(); a.remove("conversation"); cases.add(a);
        a = base.get(); a.with("conversation").remove("id"); cases.add(a);
        a = base.get(); a.remove("serviceUrl"); cases.add(a);
        a = base.get(); a.put("serviceUrl", "not a url"); cases.add(a);
        a = base.get(); a.put("serviceUrl", "file:///etc/passwd"); cases.add(a);
        a = base.get(); a.put("entities", "not a list"); cases.add(a);
        a = base.get(); a.putArray("entities").addNull(); cases.add(a);
        a = base.get(); a.put("channelData", 42); cases.add(a);
        a = base.get(); a.with("recipient").put("role", 7); cases.add(a);
        a = base.get(); a.put("text", 12345); cases.add(a);
        a = base.get(); a.put("value", "just a string"); cases.add(a);
        a = base.get(); a.putArray("attachments").addNull(); cases.add(a);
        a = Activities.base("conversationUpdate", connector.url(), "19:x@thread.tacv2", "channel");
        a.putArray("membersAdded").addNull(); cases.add(a);
        a = Activities.base("conversationUpdate", connector.url(), "19:x@thread.tacv2", "channel");
        a.putArray("membersAdded").addObject(); cases.add(a);
        a = Activities.base("invoke", connector.url(), "a:personal-conv-1", "personal");
        a.put("name", "adaptiveCard/action"); a.put("value", "x"); cases.add(a);
        a = Activities.base("invoke", connector.url(), "a:personal-conv-1", "personal"); cases.add(a);
        a = Activities.base("messageReaction", connector.url(), "a:personal-conv-1", "personal"); cases.add(a);
        a = base.get(); a.put("timestamp", "yesterday"); cases.add(a);
        a = base.get(); a.put("type", 5); cases.add(a);
        for (ObjectNode c : cases) {
            connector.clear();
            HttpResponse<String> response = Activities.post(port, c, null);
            int status = response.statusCode();
            // 501 is the SDK's answer to an invoke it does not know (no name): not a failure of the server.
            assertTrue(status < 500 || (status == 501 && "invoke".equals(c.path("type").asText())),
                    status + " for " + c + ": " + response.body());
            assertTrue(response.body().length() < 300 && !response.body().contains("Exception") && !response.body().contains("\tat "),
                    "a short reason: " + response.body());
            if (status >= 400) {
                assertTrue(connector.received().isEmpty(), "nothing answered when refused");
            }
        }
    }
}
