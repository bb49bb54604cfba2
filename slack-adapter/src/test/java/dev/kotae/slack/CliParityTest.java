package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.answer.Answer;
import dev.kotae.answer.Citation;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same question gives the same answer and citations through the CLI ({@code kotae ask --json}) and Slack. */
class CliParityTest {
    static final List<String> QUESTIONS = List.of("WAFとは？", "2025年の崖って何？", "攻めのIT投資の事例をまとめて",
            "量子コンピュータの株価は？");

    @Test
    void cliAndSlackAgree() throws Exception {
        KotaeService service = TestService.get();
        try (FakeSlackApi api = new FakeSlackApi()) {
            SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-parity", "SLACK_SIGNING_SECRET",
                    "parity-secret", "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_SLACK_PORT", "0", "KOTAE_SLACK_BIND", "127.0.0.1"));
            try (SlackServers.Running server = SlackServers.http(new KotaeSlackApp(service, settings), settings)) {
                SlackRequests slack = new SlackRequests(server.port(), "parity-secret");
                List<JsonNode> answers = cli(QUESTIONS);
                for (int i = 0; i < QUESTIONS.size(); i++) {
                    String q = QUESTIONS.get(i);
                    JsonNode cli = answers.get(i);
                    String dm = "DPARITY" + i;
                    String ts = "1700000300.00000" + i;
                    slack.event(SlackRequests.eventCallback("EvP" + i, SlackRequests.message(dm, "im", "U1", ts, null,
                            SlackText.escape(q))).toString());
                    FakeSlackApi.Call post = api.awaitOne(c -> c.method().equals("chat.postMessage") && dm.equals(c.param("channel")));
                    JsonNode blocks = post.node("blocks");
                    // The answer text: the sections, unescaped, are the CLI's text.
                    StringBuilder text = new StringBuilder();
                    List<String> cited = new ArrayList<>();
                    for (JsonNode b : blocks) {
                        if (b.path("type").asText().equals("section")) {
                            text.append(b.path("text").path("text").asText());
                        }
                        if (b.path("block_id").asText().equals("kotae_citations")) {
                            b.path("elements").forEach(e -> cited.add(e.path("text").asText()));
                        }
                    }
                    String unescaped = text.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
                    assertEquals(cli.path("text").asText().replace("\n", ""), unescaped.replace("\n", ""), q);
                    List<String> cliCitations = new ArrayList<>();
                    for (JsonNode c : cli.path("citations")) {
                        Citation citation = FakeSlackApi.JSON.treeToValue(c, Citation.class);
                        cliCitations.add("📄 " + SlackText.escape(citation.label()));
                    }
                    assertEquals(cliCitations, cited, q);
                    Answer direct = service.answer(new Question(q, "slack", "U1"));
                    assertEquals(direct.kind().label(), cli.path("kind").asText(), q);
                }
            }
        }
    }

    /** {@code kotae batch} in its own JVM, with the same environment: one JSON answer a line. */
    static List<JsonNode> cli(List<String> questions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.kotae.cli.KotaeCommand", "batch"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // The same environment as this JVM's service: the same corpus and answering settings.
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write((String.join("\n", questions) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<JsonNode> answers = new ArrayList<>();
        for (String line : out.lines().filter(l -> l.startsWith("{")).toList()) {
            answers.add(FakeSlackApi.JSON.readTree(line));
        }
        assertEquals(questions.size(), answers.size(), "one CLI answer per question: " + out);
        return answers;
    }
}
