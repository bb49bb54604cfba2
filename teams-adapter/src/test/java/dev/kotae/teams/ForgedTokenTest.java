package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 2: forged tokens cost no outbound call. Each test has its own loopback channel (its own
 * OpenID metadata and keys, counted) and its own bot. (The SDK's metadata URL is global: a test here never
 * uses a bot built before the last one.)
 */
class ForgedTokenTest {
    @Test
    void forgedTokensCostNoOutboundCalls() throws Exception {
        try (FakeConnector channel = new FakeConnector()) {
            ChannelAuth fresh = new ChannelAuth(channel);
            TeamsServer bot = fresh.server(Set.of());
            int botPort = bot.start();
            try {
                var attacker = ChannelAuth.newKey();
                for (int i = 0; i < 40; i++) {
                    String token = i % 2 == 0
                            ? ChannelAuth.token(attacker, ChannelAuth.ISSUER, ChannelAuth.APP_ID, channel.url(), Instant.now().plusSeconds(600))
                            : withKeyId(attacker, "made-up-" + i, channel.url());
                    assertEquals(401, Activities.post(botPort, Activities.personal(channel.url(), "WAFとは？"), token).statusCode());
                }
                assertTrue(channel.hits(ChannelAuth.OPENID_PATH) <= 1, "metadata fetches: " + channel.hits(ChannelAuth.OPENID_PATH));
                assertTrue(channel.hits(ChannelAuth.KEYS_PATH) <= 1, "key fetches: " + channel.hits(ChannelAuth.KEYS_PATH));
                // The channel's own token still works (the SDK then checks it with the activity).
                assertEquals(200, Activities.post(botPort, Activities.personal(channel.url(), "WAFとは？"), fresh.valid()).statusCode());
                assertEquals(1, channel.received().size());
            } finally {
                bot.close();
            }
        }
    }

    @Test
    void whenTheKeysCannotBeFetchedForgedTokensDoNotRetryTheFetch() throws Exception {
        try (FakeConnector channel = new FakeConnector()) {
            ChannelAuth fresh = new ChannelAuth(channel);
            channel.fail(ChannelAuth.KEYS_PATH, 503);
            TeamsServer bot = fresh.server(Set.of());
            int botPort = bot.start();
            try {
                var attacker = ChannelAuth.newKey();
                for (int i = 0; i < 40; i++) {
                    String token = withKeyId(attacker, i % 2 == 0 ? ChannelAuth.KEY_ID : "made-up-" + i, channel.url());
                    assertEquals(401, Activities.post(botPort, Activities.personal(channel.url(), "WAFとは？"), token).statusCode());
                }
                assertTrue(channel.hits(ChannelAuth.KEYS_PATH) <= 1, "key fetches: " + channel.hits(ChannelAuth.KEYS_PATH));
                assertTrue(channel.hits(ChannelAuth.OPENID_PATH) <= 1, "metadata fetches: " + channel.hits(ChannelAuth.OPENID_PATH));
            } finally {
                bot.close();
            }
        }
    }

    private static String withKeyId(java.security.KeyPair key, String kid, String serviceUrl) {
        return "Bearer " + com.auth0.jwt.JWT.create().withKeyId(kid).withIssuer(ChannelAuth.ISSUER).withAudience(ChannelAuth.APP_ID)
                .withClaim("serviceurl", serviceUrl).withExpiresAt(java.util.Date.from(Instant.now().plusSeconds(600)))
                .sign(com.auth0.jwt.algorithms.Algorithm.RSA256((java.security.interfaces.RSAPublicKey) key.getPublic(),
                        (java.security.interfaces.RSAPrivateKey) key.getPrivate()));
    }
}
