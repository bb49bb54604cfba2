package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import dev.kotae.settings.SettingException;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {
    @Test
    void refusesToStartWithoutAnAppIdUnlessInDevMode() {
        var e = assertThrows(SettingException.class, () -> TeamsSettings.from(Map.of()));
        assertTrue(e.getMessage().contains("MicrosoftAppId"));
        assertTrue(e.getMessage().contains("KOTAE_TEAMS_DEV=true"));
        assertThrows(SettingException.class, () -> TeamsSettings.from(Map.of("KOTAE_TEAMS_DEV", "false")));
    }

    @Test
    void devModeIsAnonymousOnLoopback() throws Exception {
        TeamsSettings s = TeamsSettings.from(Map.of("KOTAE_TEAMS_DEV", "true"));
        assertFalse(s.authEnabled());
        assertEquals("127.0.0.1", s.bindHost());
        assertEquals(3978, s.port());
    }

    @Test
    void productionSettings() throws Exception {
        TeamsSettings s = TeamsSettings.from(Map.of("MicrosoftAppId", " app-id ", "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", "tenant", "KOTAE_TEAMS_PORT", "8080", "KOTAE_ADMINS", "AAD-1, aad-2;aad-3"));
        assertTrue(s.authEnabled());
        assertEquals("app-id", s.appId());
        assertEquals("tenant", s.tenantId());
        assertEquals("0.0.0.0", s.bindHost());
        assertEquals(8080, s.port());
        assertTrue(s.isAdmin("aad-1"));
        assertTrue(s.isAdmin("AAD-3"));
        assertFalse(s.isAdmin("aad-4"));
        assertFalse(s.isAdmin(null));
        assertFalse(s.toString().contains("s3cret-value"), "the password never appears");
    }

    /** Issue 14: outside dev mode the listen address can be narrowed (KOTAE_TEAMS_BIND), checked as KOTAE_SLACK_BIND is. */
    @Test
    void bindAddressIsASettingWithADocumentedDefault() throws Exception {
        var production = Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "pw");
        assertEquals(TeamsSettings.DEFAULT_BIND, TeamsSettings.from(production).bindHost());
        assertEquals("0.0.0.0", TeamsSettings.DEFAULT_BIND);
        for (String address : new String[] {"127.0.0.1", "10.0.0.5", "::1", "[::1]", "kotae.internal", "fe80::1"}) {
            var env = new java.util.HashMap<>(production);
            env.put("KOTAE_TEAMS_BIND", address);
            TeamsSettings s = TeamsSettings.from(env);
            assertEquals(address, s.bindHost());
            assertTrue(s.toString().contains("bind=" + address), s.toString());
        }
        for (String bad : new String[] {"0.0.0.0:3978", "http://127.0.0.1", "a b", "-host", "host/path", "*"}) {
            var env = new java.util.HashMap<>(production);
            env.put("KOTAE_TEAMS_BIND", bad);
            var e = assertThrows(SettingException.class, () -> TeamsSettings.from(env), bad);
            assertEquals("KOTAE_TEAMS_BIND", e.variable());
            assertTrue(e.getMessage().contains("（例: KOTAE_TEAMS_BIND=127.0.0.1"), e.getMessage());
        }
        // Dev mode is anonymous: loopback only, whatever is asked.
        assertEquals("127.0.0.1", TeamsSettings.from(Map.of("KOTAE_TEAMS_DEV", "true")).bindHost());
        assertEquals("::1", TeamsSettings.from(Map.of("KOTAE_TEAMS_DEV", "true", "KOTAE_TEAMS_BIND", "::1")).bindHost());
        var e = assertThrows(SettingException.class,
                () -> TeamsSettings.from(Map.of("KOTAE_TEAMS_DEV", "true", "KOTAE_TEAMS_BIND", "0.0.0.0")));
        assertEquals("KOTAE_TEAMS_BIND", e.variable());
    }

    /** The server listens where the setting says (loopback here: no test opens a port on other interfaces). */
    @Test
    void theServerListensOnTheBindAddress() throws Exception {
        TeamsSettings s = TeamsSettings.from(Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "pw",
                "KOTAE_TEAMS_BIND", "127.0.0.1", "KOTAE_TEAMS_PORT", "0"));
        try (TeamsServer server = new TeamsServer(s, SharedService.get())) {
            server.start();
            assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        }
    }

    @Test
    void clearErrorsForBadSettings() {
        assertThrows(SettingException.class, () -> TeamsSettings.from(Map.of("MicrosoftAppId", "app")));
        assertThrows(SettingException.class,
                () -> TeamsSettings.from(Map.of("KOTAE_TEAMS_DEV", "true", "KOTAE_TEAMS_PORT", "http")));
        assertThrows(SettingException.class,
                () -> TeamsSettings.from(Map.of("KOTAE_TEAMS_DEV", "true", "KOTAE_TEAMS_PORT", "70000")));
        assertThrows(SettingException.class, () -> TeamsSettings.from(Map.of("KOTAE_TEAMS_DEV", "maybe")));
        assertThrows(SettingException.class,
                () -> TeamsSettings.from(Map.of("KOTAE_TEAMS_DEV", "true", "MicrosoftAppPassword", "x")));
    }

    @Test
    void singleTenantBotsGetTheirReplyTokenFromTheirTenant() throws Exception {
        TeamsSettings single = TeamsSettings.from(Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "pw",
                "MicrosoftAppTenantId", "contoso-tenant-id"));
        var credentials = new KotaeTeamsAdapter(single).buildAppCredentials("app", "https://api.botframework.com/.default").join();
        assertEquals("app", credentials.getAppId());
        assertTrue(credentials.oAuthEndpoint().endsWith("/contoso-tenant-id"), credentials.oAuthEndpoint());
        TeamsSettings multi = TeamsSettings.from(Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "pw"));
        var shared = new KotaeTeamsAdapter(multi).buildAppCredentials("app", "https://api.botframework.com/.default").join();
        assertTrue(shared.oAuthEndpoint().endsWith("/botframework.com"), shared.oAuthEndpoint());
    }

    /** One line naming the variable, what is wrong and an example; the password's value is never shown. */
    @Test
    void eachBadSettingNamesItsVariableAndAnExample() {
        Map<Map<String, String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of("KOTAE_TEAMS_DEV", "true", "KOTAE_TEAMS_PORT", "abc"), "KOTAE_TEAMS_PORT");
        cases.put(Map.of("KOTAE_TEAMS_DEV", "maybe"), "KOTAE_TEAMS_DEV");
        cases.put(Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "pw", "KOTAE_TEAMS_BIND", "0.0.0.0:80"), "KOTAE_TEAMS_BIND");
        cases.put(Map.of("MicrosoftAppId", "app id with spaces", "MicrosoftAppPassword", "pw"), "MicrosoftAppId");
        cases.put(Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "pw", "MicrosoftAppTenantId", "contoso/../x"),
                "MicrosoftAppTenantId");
        cases.put(Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "pw", "BotOpenIdMetadata", "ftp://x"), "BotOpenIdMetadata");
        cases.put(Map.of("MicrosoftAppId", "app"), "MicrosoftAppPassword");
        cases.put(Map.of("KOTAE_TEAMS_DEV", "true", "MicrosoftAppPassword", "s3cret-value"), "MicrosoftAppPassword");
        cases.forEach((env, variable) -> {
            var e = assertThrows(SettingException.class, () -> TeamsSettings.from(env), env.toString());
            assertEquals(variable, e.variable(), e.getMessage());
            assertTrue(e.getMessage().startsWith(variable + " ") && e.getMessage().contains("（例: " + variable + "="), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret-value"), e.getMessage());
        });
    }
}
