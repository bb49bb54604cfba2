package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.KotaeService;
import dev.kotae.generation.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an index folder (KOTAE_INDEX_DIR), what Slack users do lands in the core's logs there:
 * reindex requests, refused or done, with the Slack user id; 👍/👎 in the feedback log.
 */
class AuditTrailTest {
    @Test
    void reindexAttemptsAndFeedbackFromSlackAreLogged(@TempDir Path index) throws Exception {
        KotaeService service = Services.start(null, index, AnswerSettings.defaults());
        try (FakeSlackApi api = new FakeSlackApi()) {
            SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-audit", "SLACK_SIGNING_SECRET",
                    "audit-secret", "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_SLACK_PORT", "0",
                    "KOTAE_SLACK_BIND", "127.0.0.1", "KOTAE_ADMINS", "UADMIN"));
            try (SlackServers.Running server = SlackServers.http(new KotaeSlackApp(service, settings), settings)) {
                SlackRequests slack = new SlackRequests(server.port(), "audit-secret");
                slack.form(SlackRequests.slash("CA1", "UINTRUDER", "reindex", api.responseUrl("a1")));
                api.awaitOne(c -> c.method().equals("chat.postEphemeral") && "CA1".equals(c.param("channel")));
                slack.form(SlackRequests.slash("CA2", "UADMIN", "reindex", api.responseUrl("a2")));
                api.await(c -> c.method().equals("chat.postEphemeral") && "CA2".equals(c.param("channel")), 1, Duration.ofSeconds(60));
                slack.interactive(SlackRequests.blockAction("CA3", "U1", "1700000000.000002", "1700000000.000001", false,
                        Blocks.FEEDBACK_DOWN, "WAFとは？", api.responseUrl("a3")));
                api.awaitOne(c -> c.method().equals("chat.postEphemeral") && "CA3".equals(c.param("channel")));
            }
        }
        String audit = Files.readString(index.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        assertTrue(audit.lines().anyMatch(l -> l.contains("\"slack\"") && l.contains("UINTRUDER") && l.contains("refused")
                && l.contains("権限がありません")), audit);
        assertTrue(audit.lines().anyMatch(l -> l.contains("\"slack\"") && l.contains("UADMIN") && l.contains("done")), audit);
        String feedback = Files.readString(index.resolve("feedback.jsonl"), StandardCharsets.UTF_8);
        assertTrue(feedback.contains("WAFとは？") && feedback.contains("slack"), feedback);
    }
}
