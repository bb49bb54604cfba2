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
import dev.kotae.settings.SettingException;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {
    @Test
    void defaultsAndModes() throws Exception {
        SlackSettings http = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"));
        assertFalse(http.socketMode());
        assertEquals(3000, http.port());
        assertEquals("127.0.0.1", http.bindAddress(), "HTTP mode listens on loopback unless told otherwise");
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
    void missingOrBadSettingsAreOneLineNamingTheVariableAndAnExample() {
        Map<Map<String, String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of(), "SLACK_BOT_TOKEN");
        cases.put(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), "SLACK_SIGNING_SECRET");
        cases.put(Map.of("SLACK_BOT_TOKEN", "foo", "SLACK_APP_TOKEN", "xapp-1"), "SLACK_BOT_TOKEN");
        cases.put(Map.of("SLACK_BOT_TOKEN", "xapp-1-pasted-in-the-wrong-place", "SLACK_APP_TOKEN", "xapp-1"), "SLACK_BOT_TOKEN");
        cases.put(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2"), "SLACK_APP_TOKEN");
        cases.put(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "has spaces in it"), "SLACK_SIGNING_SECRET");
        cases.put(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1", "KOTAE_SLACK_PORT", "http"), "KOTAE_SLACK_PORT");
        cases.put(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1", "KOTAE_SLACK_PORT", "70000"), "KOTAE_SLACK_PORT");
        cases.put(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1", "KOTAE_SLACK_API_URL", "slack.com"), "KOTAE_SLACK_API_URL");
        cases.put(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1", "KOTAE_SLACK_BIND", "0.0.0.0; rm"), "KOTAE_SLACK_BIND");
        cases.forEach((env, variable) -> {
            var e = assertThrows(SettingException.class, () -> SlackSettings.from(env), env.toString());
            assertEquals(variable, e.variable(), e.getMessage());
            assertTrue(e.getMessage().startsWith(variable + " ") && e.getMessage().contains("（例: " + variable + "="), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            env.forEach((k, v) -> {
                if (k.startsWith("SLACK_") && v.length() > 3) {
                    assertFalse(e.getMessage().contains(v), "a secret's value is never shown: " + e.getMessage());
                }
            });
        });
    }

    /** The real launcher path: a missing setting stops the process with one line on stderr and no stack trace. */
    @Test
    void missingTokenStopsTheProcessWithOneLine() throws Exception {
        String err = runMain(Map.of(), 2);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("kotae slack: SLACK_BOT_TOKEN が設定されていません"), err);
    }

    /** A token of the wrong shape stops start-up at once, not at the first network error. */
    @Test
    void aTokenOfTheWrongShapeStopsTheProcessWithOneLine() throws Exception {
        String err = runMain(Map.of("SLACK_BOT_TOKEN", "foo", "SLACK_SIGNING_SECRET", "s"), 2);
        assertEquals(List.of("kotae slack: SLACK_BOT_TOKEN の値が xoxb- で始まるボットトークンではありません（値は表示しません）"
                + "（例: SLACK_BOT_TOKEN=xoxb-1234-5678-abcd）"), err.lines().toList());
    }

    /** The core's settings are checked at the same start, in the same way. */
    @Test
    void aMalformedCoreSettingStopsTheProcessWithOneLine() throws Exception {
        String err = runMain(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s", "KOTAE_MIN_CONFIDENCE", "abc"), 2);
        assertEquals(List.of("kotae slack: KOTAE_MIN_CONFIDENCE の値「abc」は 0 から 1 の数にしてください（例: KOTAE_MIN_CONFIDENCE=0.5）"),
                err.lines().toList());
    }

    @Test
    void aRejectedTokenStopsTheProcessWithOneLine() throws Exception {
        try (FakeSlackApi api = new FakeSlackApi()) {
            api.authFails = true;
            String err = runMain(Map.of("SLACK_BOT_TOKEN", "xoxb-revoked-token", "SLACK_SIGNING_SECRET", "s",
                    "KOTAE_SLACK_API_URL", api.apiUrl(), "KOTAE_SLACK_PORT", "0", "KOTAE_SLACK_BIND", "127.0.0.1"), 2);
            List<String> ours = err.lines().filter(l -> l.startsWith("kotae slack:")).toList();
            assertEquals(List.of("kotae slack: SLACK_BOT_TOKEN が Slack に受け付けられませんでした（auth.test: invalid_auth）。"
                    + "Slack アプリの Bot User OAuth Token を確かめてください"), ours, err);
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
