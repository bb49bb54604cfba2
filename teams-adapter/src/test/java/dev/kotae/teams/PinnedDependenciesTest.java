package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SDK was built against older versions of what the parent POM now pins; these paths are not all
 * covered by the protocol tests, so they are checked here for linkage (all on loopback).
 */
class PinnedDependenciesTest {
    @Test
    void outboundTokenPathLinksAgainstThePinnedMsal4j() {
        MicrosoftAppCredentials credentials = new MicrosoftAppCredentials("11111111-2222-3333-4444-555555555555", "secret",
                "tenant", AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE) {
            @Override
            public String oAuthEndpoint() {
                return "https://127.0.0.1:1/tenant"; // nothing listens there: the request fails at once, offline
            }
        };
        ExecutionException e = assertThrows(ExecutionException.class, () -> credentials.getToken().get(30, TimeUnit.SECONDS));
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(t instanceof LinkageError, "msal4j/nimbus linkage: " + t);
        }
    }

    @Test
    void pinnedVersionsAreTheOnesOnTheClasspath() throws Exception {
        assertEquals("2.20.0", commons("org.apache.commons.io.IOUtils"));
        assertEquals("3.18.0", commons("org.apache.commons.lang3.StringUtils"));
        assertEquals("4.12.0", okhttp3.OkHttp.VERSION);
    }

    private static String commons(String className) throws Exception {
        Package p = Class.forName(className).getPackage();
        return p.getImplementationVersion();
    }
}
