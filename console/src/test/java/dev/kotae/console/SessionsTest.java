package dev.kotae.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.kotae.settings.Environment;
import dev.kotae.settings.SettingException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionsTest {
    static final String ADMIN = "admin-token-0123456789";
    static final String VIEWER = "viewer-token-0123456789";

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void tokensGiveTheirRoleAndNothingElseDoes() {
        Sessions s = new Sessions(ADMIN, VIEWER);
        assertEquals(Optional.of(Sessions.Role.ADMIN), s.check(ADMIN));
        assertEquals(Optional.of(Sessions.Role.VIEWER), s.check(VIEWER));
        for (String wrong : new String[] {null, "", ADMIN + "x", ADMIN.substring(1), "x".repeat(5000)}) {
            assertEquals(Optional.empty(), s.check(wrong), String.valueOf(wrong).length() + " chars");
        }
        assertEquals(Optional.empty(), new Sessions(ADMIN, null).check(VIEWER));
    }

    @Test
    void sessionsEndWhenIdleTooLongOrTooOldAndAtLogout() {
        Moving clock = new Moving();
        Sessions s = new Sessions(ADMIN, VIEWER, clock);
        Sessions.Session a = s.open(Sessions.Role.ADMIN);
        assertTrue(s.find(a.id()).isPresent());
        assertFalse(s.find(a.id().substring(1) + "A").isPresent(), "a changed id is another, unknown session");
        assertFalse(s.find("not a session id").isPresent());
        clock.now = clock.now.plus(Sessions.IDLE).plusSeconds(1);
        assertFalse(s.find(a.id()).isPresent(), "idle too long");

        Sessions.Session b = s.open(Sessions.Role.VIEWER);
        for (int h = 0; h < 13; h++) {
            clock.now = clock.now.plus(Duration.ofHours(1));
            s.find(b.id());
        }
        assertFalse(s.find(b.id()).isPresent(), "older than the maximum age even when used");

        Sessions.Session c = s.open(Sessions.Role.ADMIN);
        s.close(c.id());
        assertFalse(s.find(c.id()).isPresent());
    }

    @Test
    void theCsrfTokenIsTheSessionsOwn() {
        Sessions s = new Sessions(ADMIN, VIEWER);
        Sessions.Session a = s.open(Sessions.Role.ADMIN);
        Sessions.Session b = s.open(Sessions.Role.ADMIN);
        assertTrue(Sessions.csrfMatches(a, a.csrf()));
        assertFalse(Sessions.csrfMatches(a, b.csrf()));
        assertFalse(Sessions.csrfMatches(a, null));
        assertFalse(Sessions.csrfMatches(a, ""));
    }

    @Test
    void anAddressWithTooManyWrongTokensWaitsOutTheWindow() {
        Moving clock = new Moving();
        Sessions s = new Sessions(ADMIN, VIEWER, clock);
        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            assertFalse(s.lockedOut("10.0.0.1"));
            s.failed("10.0.0.1");
        }
        assertTrue(s.lockedOut("10.0.0.1"));
        assertFalse(s.lockedOut("127.0.0.1"), "other addresses are not affected");
        clock.now = clock.now.plus(Sessions.FAILURE_WINDOW).plusSeconds(1);
        assertFalse(s.lockedOut("10.0.0.1"));
    }

    @Test
    void settingsRefuseANonLoopbackBindWithoutATokenAndBadValues() throws Exception {
        ConsoleSettings local = ConsoleSettings.from(new Environment(Map.of()));
        assertEquals("127.0.0.1", local.bind());
        assertEquals(8088, local.port());
        assertTrue(local.generated() && local.adminToken().length() >= 32, "a one-time token on loopback");
        expectRefused(Map.of("KOTAE_CONSOLE_BIND", "0.0.0.0"), "KOTAE_CONSOLE_TOKEN が設定されていません");
        expectRefused(Map.of("KOTAE_CONSOLE_PORT", "eighty"), "KOTAE_CONSOLE_PORT");
        expectRefused(Map.of("KOTAE_CONSOLE_PORT", "70000"), "KOTAE_CONSOLE_PORT");
        expectRefused(Map.of("KOTAE_CONSOLE_TOKEN", "short"), "KOTAE_CONSOLE_TOKEN の値が");
        expectRefused(Map.of("KOTAE_CONSOLE_TOKEN", ADMIN, "KOTAE_CONSOLE_VIEWER_TOKEN", ADMIN), "と同じです");
        ConsoleSettings wide = ConsoleSettings.from(new Environment(Map.of("KOTAE_CONSOLE_BIND", "0.0.0.0", "KOTAE_CONSOLE_TOKEN", ADMIN,
                "KOTAE_CONSOLE_PORT", "9090")));
        assertEquals(9090, wide.port());
        assertFalse(wide.generated());
        assertFalse(wide.toString().contains(ADMIN), "tokens never reach a log line");
    }

    private static void expectRefused(Map<String, String> env, String message) {
        try {
            ConsoleSettings.from(new Environment(env));
        } catch (SettingException e) {
            assertTrue(e.getMessage().contains(message), e.getMessage());
            assertFalse(e.getMessage().contains("short") || e.getMessage().contains(ADMIN), "a token's value is never shown");
            return;
        }
        throw new AssertionError("accepted " + env);
    }
}
