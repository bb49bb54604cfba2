package dev.kotae.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.KotaeService;
import dev.kotae.settings.CoreSettings;
import dev.kotae.settings.Environment;
import dev.kotae.settings.SettingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the Slack and Teams processes serve the console: only with KOTAE_CONSOLE_PORT, and never without a login. */
class ConsoleStartTest {
    @Test
    void theBotsServeTheConsoleOnlyWhenAPortIsSetAndRefuseBadSettings() throws Exception {
        {
            KotaeService service = ConsoleFixture.get().service; // the browser tests' service: no second build
            assertNull(ConsoleSettings.ifConfigured(new Environment(Map.of())), "no KOTAE_CONSOLE_PORT, no console");
            assertThrows(SettingException.class, () -> ConsoleSettings.ifConfigured(new Environment(
                    Map.of("KOTAE_CONSOLE_PORT", "0", "KOTAE_CONSOLE_BIND", "0.0.0.0"))), "no token on a wide bind");
            ConsoleSettings settings = ConsoleSettings.ifConfigured(new Environment(
                    Map.of("KOTAE_CONSOLE_PORT", "0", "KOTAE_CONSOLE_TOKEN", "admin-token-0123456789")));
            ConsoleServer server = ConsoleMain.start(service, settings, CoreSettings.defaults());
            try {
                HttpClient client = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + server.port();
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/usage")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(303, page.statusCode(), "every page needs a login");
                assertEquals("/login", page.headers().firstValue("Location").orElse(""));
                HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, login.statusCode());
                assertTrue(login.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
                assertTrue(login.body().contains("アクセストークン"));
            } finally {
                server.close();
            }
        }
    }
}
