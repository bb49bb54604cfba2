package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {
    @Test
    void defaultsAndModes() throws Exception {
        SlackSettings http = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"));
        assertFalse(http.socketMode());
        assertEquals(3000, http.port());
        assertEquals("https://slack.com/api/", http.apiUrl());
        assertEquals(Set.of(), http.admins());
        SlackSettings socket = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1",
                "KOTAE_SLACK_API_URL", "http://127.0.0.1:9/api", "KOTAE_ADMINS", "U1, U2 U3"));
        assertTrue(socket.socketMode());
        assertEquals("http://127.0.0.1:9/api/", socket.apiUrl());
        assertEquals(Set.of("U1", "U2", "U3"), socket.admins());
        assertFalse(socket.toString().contains("xoxb-1") || socket.toString().contains("xapp-1"));
    }

    @Test
    void missingOrBadSettingsAreOneClearLine() {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("SLACK_BOT_TOKEN", "xoxb-1"),
                Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "x", "KOTAE_SLACK_PORT", "http"),
                Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "x", "KOTAE_SLACK_API_URL", "slack.com"))) {
            var e = assertThrows(SlackSettings.SettingsException.class, () -> SlackSettings.from(env));
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    /** The real launcher path: a missing setting stops the process with one line on stderr and no stack trace. */
    @Test
    void missingTokenStopsTheProcessWithOneLine() throws Exception {
        String err = runMain(Map.of(), 2);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("kotae slack: SLACK_BOT_TOKEN is not set"), err);
    }

    @Test
    void aRejectedTokenStopsTheProcessWithOneLine() throws Exception {
        try (FakeSlackApi api = new FakeSlackApi()) {
            api.authFails = true;
            String err = runMain(Map.of("SLACK_BOT_TOKEN", "xoxb-revoked-token", "SLACK_SIGNING_SECRET", "s",
                    "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_SLACK_PORT", "0", "KOTAE_SLACK_BIND", "127.0.0.1"), 2);
            List<String> ours = err.lines().filter(l -> l.startsWith("kotae slack:")).toList();
            assertEquals(List.of("kotae slack: auth.test answered 'invalid_auth' (check SLACK_BOT_TOKEN)"), ours, err);
            assertFalse(err.contains("xoxb-revoked-token") || err.contains("\tat "), err);
        }
    }

    @Test
    void onlySlackResponseUrlsAreFollowed() throws Exception {
        SlackSettings s = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "KOTAE_SLACK_API_URL", "http://127.0.0.1:4567/api/"));
        try (KotaeSlackApp app = new KotaeSlackApp(TestService.get(), s)) {
            assertTrue(app.slackUrl("https://hooks.slack.com/commands/T1/2/abc"));
            assertTrue(app.slackUrl("http://127.0.0.1:4567/respond/x"));
            assertFalse(app.slackUrl("http://hooks.slack.com/commands/T1/2/abc"));
            assertFalse(app.slackUrl("https://slack.com.evil.example/x"));
            assertFalse(app.slackUrl("http://127.0.0.1:9999/x"));
            assertFalse(app.slackUrl("file:///etc/passwd"));
        }
    }

    static String runMain(Map<String, String> env, int expectedExit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlackMain.class.getName());
        pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("KOTAE_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(expectedExit, p.exitValue(), err);
        return err;
    }
}
