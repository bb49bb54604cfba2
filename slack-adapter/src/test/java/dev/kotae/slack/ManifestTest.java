package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app manifest asks for what the adapter uses: its scopes, events, the command, interactivity, Socket Mode. */
class ManifestTest {
    @Test
    void manifestMatchesTheAdapter() throws Exception {
        JsonNode m = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());
        List<String> scopes = new ArrayList<>();
        m.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        assertTrue(scopes.containsAll(List.of("app_mentions:read", "chat:write", "commands", "im:history",
                "channels:history", "groups:history", "reactions:write")), scopes.toString());
        List<String> events = new ArrayList<>();
        m.path("settings").path("event_subscriptions").path("bot_events").forEach(s -> events.add(s.asText()));
        assertTrue(events.containsAll(List.of("app_mention", "app_home_opened", "message.im", "message.channels",
                "message.groups")), events.toString());
        assertEquals("/kotae", m.path("features").path("slash_commands").get(0).path("command").asText());
        assertTrue(m.path("features").path("app_home").path("home_tab_enabled").asBoolean());
        assertTrue(m.path("settings").path("interactivity").path("is_enabled").asBoolean());
        assertTrue(m.path("settings").path("socket_mode_enabled").asBoolean());
    }
}
