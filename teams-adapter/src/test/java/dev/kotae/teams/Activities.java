package dev.kotae.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Activities as the Teams channel posts them, and a client that posts them to the bot on loopback. */
final class Activities {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOT_ID = "28:kotae-bot";
    static final String BOT_NAME = "Kotae";
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY).build();

    private Activities() {}

    static ObjectNode base(String type, String serviceUrl, String conversationId, String conversationType) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type);
        a.put("id", "act-" + IDS.incrementAndGet());
        a.put("channelId", "msteams");
        a.put("serviceUrl", serviceUrl);
        a.put("timestamp", "2026-11-21T10:00:00.000Z");
        ObjectNode from = a.putObject("from");
        from.put("id", "29:user-1");
        from.put("name", "山田 太郎");
        from.put("aadObjectId", "aad-user-1");
        ObjectNode conversation = a.putObject("conversation");
        conversation.put("id", conversationId);
        if (conversationType != null) {
            conversation.put("conversationType", conversationType);
            conversation.put("isGroup", !conversationType.equals("personal"));
        }
        conversation.put("tenantId", "tenant-1");
        ObjectNode recipient = a.putObject("recipient");
        recipient.put("id", BOT_ID);
        recipient.put("name", BOT_NAME);
        return a;
    }

    static ObjectNode personal(String serviceUrl, String text) {
        ObjectNode a = base("message", serviceUrl, "a:personal-conv-1", "personal");
        a.put("text", text);
        return a;
    }

    static ObjectNode channelWithMention(String serviceUrl, String question) {
        ObjectNode a = base("message", serviceUrl, "19:channel-abc@thread.tacv2;messageid=1700000000000", "channel");
        a.put("text", "<at>" + BOT_NAME + "</at> " + question);
        ObjectNode mention = a.putArray("entities").addObject();
        mention.put("type", "mention");
        mention.put("text", "<at>" + BOT_NAME + "</at>");
        mention.putObject("mentioned").put("id", BOT_ID).put("name", BOT_NAME);
        return a;
    }

    static ObjectNode button(String serviceUrl, ObjectNode data) {
        ObjectNode a = base("message", serviceUrl, "a:personal-conv-1", "personal");
        a.set("value", data);
        return a;
    }

    static HttpResponse<String> post(int port, Object activity, String authorization) throws IOException, InterruptedException {
        String body = activity instanceof String s ? s : JSON.writeValueAsString(activity);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
