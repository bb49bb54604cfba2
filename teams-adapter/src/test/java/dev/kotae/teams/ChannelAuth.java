package dev.kotae.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The Bot Framework channel's side of authentication, on loopback: an RSA signing key whose OpenID
 * metadata and JWKS the {@link FakeConnector} serves (as {@code BotOpenIdMetadata} allows), channel
 * tokens signed with it, and a {@link TeamsServer} with real JWT validation whose replies carry a fixed
 * outbound token (no AAD round trip). Nothing reaches login.botframework.com.
 */
final class ChannelAuth {
    static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    static final String ISSUER = "https://api.botframework.com";
    static final String KEY_ID = "kotae-test-key";
    static final String OUTBOUND_TOKEN = "outbound-test-token";
    static final String OPENID_PATH = "/v1/.well-known/openidconfiguration";
    static final String KEYS_PATH = "/v1/.well-known/keys";

    final FakeConnector connector;
    final KeyPair channelKey;

    ChannelAuth(FakeConnector connector) throws NoSuchAlgorithmException {
        this.connector = connector;
        this.channelKey = newKey();
        RSAPublicKey pub = (RSAPublicKey) channelKey.getPublic();
        connector.serve(OPENID_PATH, "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + connector.url() + KEYS_PATH + "\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        connector.serve(KEYS_PATH, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\",\"endorsements\":[\"msteams\"]}]}");
    }

    static KeyPair newKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The real server: authentication on (app id set), bound to loopback, keys from the fake. */
    TeamsServer server(Set<String> admins) {
        return server(admins, RequestLimits.DEFAULTS);
    }

    /** The same with other limits (shorter deadlines, fewer turns), to see them bite in a test's time. */
    TeamsServer server(Set<String> admins, RequestLimits limits) {
        TeamsSettings settings = new TeamsSettings(APP_ID, "not-a-real-secret", null, 0, "127.0.0.1", false, admins,
                connector.url() + OPENID_PATH);
        KotaeTeamsAdapter adapter = new KotaeTeamsAdapter(settings, (appId, scope) -> new MicrosoftAppCredentials(appId, "unused") {
            @Override
            public CompletableFuture<String> getToken() {
                return CompletableFuture.completedFuture(OUTBOUND_TOKEN); // no AAD round trip in tests
            }
        });
        return new TeamsServer(new TeamsSettings(APP_ID, "not-a-real-secret", null, 0, "127.0.0.1", true, admins, null), adapter,
                SharedService.get(), limits);
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

    /** A valid channel token for this bot and the fake's service URL, for ten minutes. */
    String valid() {
        return token(channelKey, ISSUER, APP_ID, connector.url(), Instant.now().plusSeconds(600));
    }
}
