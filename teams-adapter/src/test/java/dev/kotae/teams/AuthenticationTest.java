package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an app id configured the SDK validates the channel's JWT. The channel's OpenID metadata and
 * signing keys are served by the loopback fake (as {@code BotOpenIdMetadata} allows), so no test
 * ever reaches login.botframework.com; replies are signed with a fixed outbound token.
 */
class AuthenticationTest {
    static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    static final String ISSUER = "https://api.botframework.com";
    static final String KEY_ID = "kotae-test-key";
    static final String OUTBOUND_TOKEN = "outbound-test-token";
    static FakeConnector connector;
    static TeamsServer server;
    static int port;
    static KeyPair channelKey;
    static KeyPair attackerKey;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        channelKey = generator.generateKeyPair();
        attackerKey = generator.generateKeyPair();
        connector = new FakeConnector();
        RSAPublicKey pub = (RSAPublicKey) channelKey.getPublic();
        connector.serve("/v1/.well-known/openidconfiguration",
                "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + connector.url() + "/v1/.well-known/keys\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        connector.serve("/v1/.well-known/keys", "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\",\"endorsements\":[\"msteams\"]}]}");
        TeamsSettings settings = new TeamsSettings(APP_ID, "not-a-real-secret", null, 0, false, Set.of(),
                connector.url() + "/v1/.well-known/openidconfiguration");
        KotaeTeamsAdapter adapter = new KotaeTeamsAdapter(settings, (appId, scope) -> new MicrosoftAppCredentials(appId, "unused") {
            @Override
            public CompletableFuture<String> getToken() {
                return CompletableFuture.completedFuture(OUTBOUND_TOKEN); // no AAD round trip in tests
            }
        });
        server = new TeamsServer(new TeamsSettings(APP_ID, "not-a-real-secret", null, 0, true, Set.of(), null), adapter,
                SharedService.get());
        port = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        connector.close();
    }

    @BeforeEach
    void clear() {
        connector.clear();
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String token(KeyPair key, String issuer, String audience, String serviceUrl, Instant expires) {
        return "Bearer " + JWT.create().withKeyId(KEY_ID).withIssuer(issuer).withAudience(audience)
                .withClaim("serviceurl", serviceUrl).withNotBefore(Date.from(Instant.now().minusSeconds(60)))
                .withExpiresAt(Date.from(expires))
                .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    static String valid() {
        return token(channelKey, ISSUER, APP_ID, connector.url(), Instant.now().plusSeconds(600));
    }

    private void assertRejected(String authorization) throws Exception {
        ObjectNode activity = Activities.personal(connector.url(), "WAFとは？");
        assertEquals(401, Activities.post(port, activity, authorization).statusCode(), String.valueOf(authorization));
        assertTrue(connector.received().isEmpty(), "nothing answered");
    }

    @Test
    void noTokenIs401() throws Exception {
        assertRejected(null);
        assertRejected("");
    }

    @Test
    void malformedTokensAre401() throws Exception {
        assertRejected("Bearer not-a-jwt");           // the SDK throws JWTDecodeException here
        assertRejected("Bearer a.b.c");
        assertRejected("Basic dXNlcjpwYXNz");
        assertRejected("Bearer");
        assertRejected("Bearer " + "x".repeat(5000));
    }

    @Test
    void forgedTokenIs401() throws Exception {
        assertRejected(token(attackerKey, ISSUER, APP_ID, connector.url(), Instant.now().plusSeconds(600)));
        assertTrue(connector.hits("/v1/.well-known/openidconfiguration") > 0, "the keys came from the loopback fake");
        // Unsigned, and HMAC-signed with the channel's public key (algorithm confusion).
        assertRejected("Bearer " + JWT.create().withKeyId(KEY_ID).withIssuer(ISSUER).withAudience(APP_ID)
                .withClaim("serviceurl", connector.url()).withExpiresAt(Date.from(Instant.now().plusSeconds(600)))
                .sign(Algorithm.none()));
        assertRejected("Bearer " + JWT.create().withKeyId(KEY_ID).withIssuer(ISSUER).withAudience(APP_ID)
                .withClaim("serviceurl", connector.url()).withExpiresAt(Date.from(Instant.now().plusSeconds(600)))
                .sign(Algorithm.HMAC256(channelKey.getPublic().getEncoded())));
    }

    @Test
    void wrongAudienceIssuerServiceUrlOrExpiryIs401() throws Exception {
        assertRejected(token(channelKey, ISSUER, "another-bot", connector.url(), Instant.now().plusSeconds(600)));
        assertRejected(token(channelKey, "https://evil.example", APP_ID, connector.url(), Instant.now().plusSeconds(600)));
        assertRejected(token(channelKey, ISSUER, APP_ID, "http://127.0.0.1:1", Instant.now().plusSeconds(600)));
        assertRejected(token(channelKey, ISSUER, APP_ID, connector.url(), Instant.now().minusSeconds(3600)));
    }

    @Test
    void authenticationComesBeforeTheBodyIsJudged() throws Exception {
        String forged = token(attackerKey, ISSUER, APP_ID, connector.url(), Instant.now().plusSeconds(600));
        assertEquals(401, Activities.post(port, "not json", forged).statusCode());
        assertEquals(401, Activities.post(port, "not json", "Bearer not-a-jwt").statusCode());
        assertEquals(401, Activities.post(port, "{\"type\":\"message\",\"text\":\"" + "x".repeat(TeamsServer.MAX_BODY) + "\"}", forged).statusCode());
        assertEquals(400, Activities.post(port, "not json", valid()).statusCode());
        assertTrue(connector.received().isEmpty());
    }

    @Test
    void neitherTheSecretNorTokensAppearInLogs() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events = new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        root.addAppender(events);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            String good = valid();
            String forged = token(attackerKey, ISSUER, APP_ID, connector.url(), Instant.now().plusSeconds(600));
            assertEquals(200, Activities.post(port, Activities.personal(connector.url(), "WAFとは？"), good).statusCode());
            assertEquals(401, Activities.post(port, Activities.personal(connector.url(), "WAFとは？"), forged).statusCode());
            assertEquals(401, Activities.post(port, Activities.personal(connector.url(), "WAFとは？"), "Bearer not-a-jwt").statusCode());
            for (var e : events.list) {
                String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
                assertTrue(!line.contains("not-a-real-secret") && !line.contains(good.substring(7)) && !line.contains(forged.substring(7))
                        && !line.contains(OUTBOUND_TOKEN), "leaked in a log line: " + line);
            }
            assertTrue(events.list.stream().anyMatch(e -> e.getFormattedMessage().contains("rejected a request")), "rejections are logged");
        } finally {
            root.setLevel(level);
            root.detachAppender(events);
        }
    }

    @Test
    void validChannelTokenIsAnsweredAndTheReplyIsSigned() throws Exception {
        ObjectNode activity = Activities.personal(connector.url(), "WAFとは？");
        assertEquals(200, Activities.post(port, activity, valid()).statusCode());
        var received = connector.received();
        assertEquals(1, received.size());
        assertEquals("Bearer " + OUTBOUND_TOKEN, received.get(0).authorization());
        assertEquals(AnswerCards.plainText(SharedService.get().answer("WAFとは？")), received.get(0).body().path("text").asText());
    }
}
