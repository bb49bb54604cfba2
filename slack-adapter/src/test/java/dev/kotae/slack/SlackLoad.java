package dev.kotae.slack;

import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import dev.kotae.testing.LoadDriver;
import dev.kotae.testing.LoadQuestions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Slack adapter under load: the real HTTP-mode server ({@link SlackServers#http}, Bolt on Jetty, as
 * {@code ./kotae slack} starts it) on an ephemeral loopback port, over the real core and the embedded
 * corpus, with the Web API pointed at the loopback {@link FakeSlackApi}. Clients send correctly signed
 * {@code event_callback}s with unique event ids: 70% {@code app_mention} in the client's channel
 * (answered in the question's thread), 30% {@code message.im} (answered in the DM). Every
 * {@code chat.postMessage} the fake receives is one answer, matched to its event by channel and thread.
 */
final class SlackLoad {
    static final String SECRET = "load-signing-secret";
    static final String BOT_TOKEN = "xoxb-load-bot-token";

    private SlackLoad() {}

    static LoadDriver.Report run(LoadDriver.Options options) throws Exception {
        KotaeService service = TestService.get();
        LoadQuestions questions = LoadQuestions.of(service);
        Map<String, String> expected = new ConcurrentHashMap<>();
        try (FakeSlackApi api = new FakeSlackApi()) {
            api.keep = false;
            api.latencyMillis = options.apiLatency().toMillis();
            SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                    "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_SLACK_PORT", "0", "KOTAE_SLACK_BIND", "127.0.0.1"));
            SlackServers.Running server = SlackServers.http(new KotaeSlackApp(service, settings), settings);
            try {
                SlackRequests slack = new SlackRequests(server.port(), SECRET);
                LoadDriver driver = new LoadDriver("slack", options, questions, (client, seq, q) -> {
                    String user = "ULOAD" + client;
                    String ts = (1_700_000_000L + seq / 1_000_000) + "." + String.format("%06d", seq % 1_000_000);
                    String eventId = "EvLoad" + seq;
                    boolean dm = Math.floorMod(seq * 7 + client, 10) < 3;
                    String channel = dm ? "DLOAD" + seq : "CLOAD" + client;
                    String text = dm ? q.text() : "<@" + FakeSlackApi.BOT_USER + "> " + q.text();
                    String body = SlackRequests.eventCallback(eventId, dm
                            ? SlackRequests.message(channel, "im", user, ts, null, text)
                            : SlackRequests.mention(channel, user, ts, null, text)).toString();
                    String answer = expected.computeIfAbsent(text, t -> Blocks.fallback(service.answer(
                            new Question(SlackText.question(t, FakeSlackApi.BOT_USER), KotaeSlackApp.PLATFORM, user))));
                    return new LoadDriver.Prepared(channel + ":" + (dm ? "" : ts), answer,
                            () -> slack.event(body).statusCode());
                });
                api.listener = call -> {
                    if (call.method().equals("chat.postMessage")) {
                        String thread = call.param("thread_ts");
                        driver.answered(call.param("channel") + ":" + (thread == null ? "" : thread), call.param("text"));
                    }
                };
                return driver.run();
            } finally {
                server.close();
            }
        }
    }
}
