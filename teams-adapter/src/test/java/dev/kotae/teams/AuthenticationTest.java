package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
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
    static final String APP_ID = ChannelAuth.APP_ID;
    static final String ISSUER = ChannelAuth.ISSUER;
    static final String KEY_ID = ChannelAuth.KEY_ID;
    static final String OUTBOUND_TOKEN = ChannelAuth.OUTBOUND_TOKEN;
    static FakeConnector connector;
    static ChannelAuth auth;
    static TeamsServer server;
    static int port;
    static KeyPair channelKey;
    static KeyPair attackerKey;

    @BeforeAll
    static void start() throws Exception {
        connector = new FakeConnector();
        auth = new ChannelAuth(connector);
        channelKey = auth.channelKey;
        attackerKey = ChannelAuth.newKey();
        server = auth.server(Set.of());
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

    static String token(KeyPair key, String issuer, String audience, String serviceUrl, Instant expires) {
        return ChannelAuth.token(key, issuer, audience, serviceUrl, expires);
    }

    static String valid() {
        return auth.valid();
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
        // Too large is told from the declared length alone, before the token: nothing is read either way.
        assertEquals(413, Activities.post(port, "{\"type\":\"message\",\"text\":\"" + "x".repeat(TeamsServer.MAX_BODY) + "\"}", forged).statusCode());
        assertEquals(401, Activities.post(port, "{\"type\":\"message\",\"text\":\"" + "x".repeat(TeamsServer.MAX_BODY - 100) + "\"}", forged).statusCode());
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

    /** Issue 14: an authenticated but malformed activity (recipient.role null, no recipient, no from) is 400, never 500. */
    @Test
    void malformedAuthenticatedActivitiesAre400() throws Exception {
        List<ObjectNode> cases = new java.util.ArrayList<>();
        ObjectNode a = Activities.personal(connector.url(), "WAFとは？");
        a.with("recipient").putNull("role");
        cases.add(a);
        a = Activities.personal(connector.url(), "WAFとは？");
        a.with("recipient").putNull("role").putNull("id");
        cases.add(a);
        a = Activities.personal(connector.url(), "WAFとは？");
        a.remove("recipient");
        cases.add(a);
        a = Activities.personal(connector.url(), "WAFとは？");
        a.remove("from");
        cases.add(a);
        a = Activities.personal(connector.url(), "WAFとは？");
        a.remove("conversation");
        cases.add(a);
        a = Activities.personal(connector.url(), "WAFとは？");
        a.putArray("membersAdded").addNull();
        cases.add(a);
        for (ObjectNode c : cases) {
            var response = Activities.post(port, c, valid());
            assertTrue(response.statusCode() == 400 || response.statusCode() == 200, response.statusCode() + " for " + c);
            assertTrue(response.body().length() < 300 && !response.body().contains("Exception"), response.body());
        }
        a = Activities.personal(connector.url(), "WAFとは？");
        a.remove("recipient");
        var response = Activities.post(port, a, valid());
        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"the activity has no recipient\"}", response.body());
    }
}
