package dev.kotae.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import dev.kotae.testing.LoadDriver;
import dev.kotae.testing.LoadQuestions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Teams adapter under load: the real {@link TeamsServer} on an ephemeral loopback port with real
 * Bot Framework JWT validation against the loopback OpenID metadata and keys ({@link ChannelAuth}), over
 * the real core and the embedded corpus; replies go to the loopback {@link FakeConnector}. Clients post
 * message activities with unique ids and a valid bearer token: 70% personal chat, 30% channel
 * @mentions. Every activity the connector receives is one answer, matched to its event by
 * {@code replyToId}. (Teams answers within the request: the ack comes after the reply was sent.)
 */
final class TeamsLoad {
    private TeamsLoad() {}

    static LoadDriver.Report run(LoadDriver.Options options) throws Exception {
        KotaeService service = SharedService.get();
        LoadQuestions questions = LoadQuestions.of(service);
        Map<String, String> expected = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY).build();
        try (FakeConnector connector = new FakeConnector()) {
            connector.keep = false;
            connector.latencyMillis = options.apiLatency().toMillis();
            ChannelAuth auth = new ChannelAuth(connector);
            TeamsServer server = auth.server(Set.of());
            int port = server.start();
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/messages");
            String[] tokens = new String[options.clients()]; // as the channel does: one token, reused until it expires
            try {
                LoadDriver driver = new LoadDriver("teams", options, questions, (client, seq, q) -> {
                    if (tokens[client] == null) {
                        tokens[client] = auth.valid();
                    }
                    boolean channel = Math.floorMod(seq * 7 + client, 10) < 3;
                    ObjectNode a = channel ? Activities.channelWithMention(connector.url(), q.text())
                            : Activities.personal(connector.url(), q.text());
                    String id = "load-" + seq;
                    a.put("id", id);
                    a.with("from").put("id", "29:load-user-" + client).put("aadObjectId", "aad-load-" + client);
                    a.with("conversation").put("id", channel ? "19:load-channel-" + client + "@thread.tacv2;messageid=" + seq
                            : "a:load-personal-" + client);
                    String body = Activities.JSON.writeValueAsString(a);
                    Activity activity = Serialization.safeGetAs(a, Activity.class);
                    String text = QuestionText.of(activity);
                    String answer = expected.computeIfAbsent(text, t -> AnswerCards.plainText(service.answer(
                            new Question(t, KotaeTeamsBot.PLATFORM, KotaeTeamsBot.userId(activity)))));
                    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("Authorization", tokens[client])
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                    return new LoadDriver.Prepared(id, answer,
                            () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                });
                connector.listener = r -> {
                    if ("POST".equals(r.method()) && r.body() != null && "message".equals(r.body().path("type").asText())) {
                        driver.answered(r.body().path("replyToId").asText(null), r.body().path("text").asText(null));
                    }
                };
                return driver.run();
            } finally {
                server.close();
            }
        }
    }
}
