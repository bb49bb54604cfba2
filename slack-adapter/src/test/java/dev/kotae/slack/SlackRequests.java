package dev.kotae.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What Slack sends: signed Events API, slash-command and interactivity requests, and their payloads. */
final class SlackRequests {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).proxy(java.net.ProxySelector.of(null)).build();
    private final String url;
    private final String secret;

    SlackRequests(int port, String secret) {
        this.url = "http://127.0.0.1:" + port + "/slack/events";
        this.secret = secret;
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a body signed with {@code secret} at {@code timestamp} (epoch seconds), with extra headers. */
    HttpResponse<String> post(String body, String contentType, long timestamp, String signingSecret,
                              Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", sign(signingSecret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An unsigned request to another path of the server, e.g. {@code GET /healthz}. */
    HttpResponse<String> request(String method, String path) throws Exception {
        URI uri = URI.create(url).resolve(path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> event(String json) throws Exception {
        return post(json, "application/json", now(), secret, Map.of());
    }

    HttpResponse<String> form(Map<String, String> fields) throws Exception {
        return post(formBody(fields), "application/x-www-form-urlencoded", now(), secret, Map.of());
    }

    HttpResponse<String> interactive(String payloadJson) throws Exception {
        return form(Map.of("payload", payloadJson));
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    // ---- payloads ----

    static ObjectNode eventCallback(String eventId, ObjectNode event) {
        ObjectNode root = FakeSlackApi.JSON.createObjectNode();
        root.put("token", "verification-token").put("team_id", "T0001").put("api_app_id", "A0001");
        root.set("event", event);
        root.put("type", "event_callback").put("event_id", eventId).put("event_time", now());
        root.putArray("authorizations").addObject().put("team_id", "T0001").put("user_id", FakeSlackApi.BOT_USER)
                .put("is_bot", true).put("is_enterprise_install", false);
        return root;
    }

    static ObjectNode mention(String channel, String user, String ts, String threadTs, String text) {
        ObjectNode e = FakeSlackApi.JSON.createObjectNode();
        e.put("type", "app_mention").put("user", user).put("text", text).put("ts", ts).put("channel", channel)
                .put("event_ts", ts);
        if (threadTs != null) {
            e.put("thread_ts", threadTs);
        }
        return e;
    }

    static ObjectNode message(String channel, String channelType, String user, String ts, String threadTs, String text) {
        ObjectNode e = FakeSlackApi.JSON.createObjectNode();
        e.put("type", "message").put("user", user).put("text", text).put("ts", ts).put("channel", channel)
                .put("event_ts", ts).put("channel_type", channelType);
        if (threadTs != null) {
            e.put("thread_ts", threadTs);
        }
        return e;
    }

    static Map<String, String> slash(String channel, String user, String text, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "verification-token");
        f.put("team_id", "T0001");
        f.put("team_domain", "kotae-test");
        f.put("channel_id", channel);
        f.put("channel_name", "general");
        f.put("user_id", user);
        f.put("user_name", "someone");
        f.put("command", "/kotae");
        f.put("text", text);
        f.put("api_app_id", "A0001");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "1.2.3");
        return f;
    }

    /** A block_actions payload: a click on {@code actionId} with {@code value} in a message of {@code channel}. */
    static String blockAction(String channel, String user, String messageTs, String threadTs, boolean ephemeral,
                              String actionId, String value, String responseUrl) {
        ObjectNode p = FakeSlackApi.JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("user").put("id", user).put("username", "someone").put("team_id", "T0001");
        p.put("api_app_id", "A0001").put("token", "verification-token").put("trigger_id", "1.2.3");
        ObjectNode container = p.putObject("container");
        container.put("type", "message").put("message_ts", messageTs).put("channel_id", channel).put("is_ephemeral", ephemeral);
        if (threadTs != null) {
            container.put("thread_ts", threadTs);
        }
        p.putObject("team").put("id", "T0001").put("domain", "kotae-test");
        p.putObject("channel").put("id", channel).put("name", "general");
        if (!ephemeral) {
            ObjectNode m = p.putObject("message");
            m.put("type", "message").put("user", FakeSlackApi.BOT_USER).put("ts", messageTs).put("text", "answer");
            if (threadTs != null) {
                m.put("thread_ts", threadTs);
            }
        }
        p.put("response_url", responseUrl);
        ObjectNode a = p.putArray("actions").addObject();
        a.put("action_id", actionId).put("block_id", "b").put("value", value).put("type", "button")
                .put("action_ts", "1800000000.1");
        a.putObject("text").put("type", "plain_text").put("text", "button");
        return p.toString();
    }

    /** Every mrkdwn/plain text in a blocks array, in order. */
    static java.util.List<String> texts(JsonNode blocks) {
        java.util.List<String> out = new java.util.ArrayList<>();
        collect(blocks, out);
        return out;
    }

    /** Every mrkdwn text (the only kind Slack parses for mentions and links). */
    static java.util.List<String> mrkdwnTexts(JsonNode blocks) {
        return blocks.findParents("type").stream().filter(n -> "mrkdwn".equals(n.path("type").asText()))
                .map(n -> n.path("text").asText()).toList();
    }

    private static void collect(JsonNode n, java.util.List<String> out) {
        if (n == null) {
            return;
        }
        if (n.isObject()) {
            JsonNode type = n.get("type");
            if (type != null && ("mrkdwn".equals(type.asText()) || "plain_text".equals(type.asText())) && n.has("text")) {
                out.add(n.get("text").asText());
            }
            n.elements().forEachRemaining(c -> collect(c, out));
        } else if (n.isArray()) {
            n.elements().forEachRemaining(c -> collect(c, out));
        }
    }

    /** The action ids of every button in a blocks array. */
    static java.util.List<String> actionIds(JsonNode blocks) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode block : blocks) {
            if ("actions".equals(block.path("type").asText())) {
                block.path("elements").forEach(e -> out.add(e.path("action_id").asText()));
            }
        }
        return out;
    }
}
