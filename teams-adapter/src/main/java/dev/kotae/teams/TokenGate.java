package dev.kotae.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.EmulatorValidation;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

/**
 * A first look at the bearer token, from the header alone, before the body is read: a token the channel
 * (or the emulator's Azure AD) did not sign is refused here, without reading a byte of the body and
 * without an outbound call (keys come from {@link SigningKeys}). What passes is then checked in full by the
 * SDK with the activity (audience, endorsement of the channel id, service URL).
 */
final class TokenGate {
    /** As the SDK's channel and emulator validation allow (clock skew 5 minutes; it verifies RS256). */
    private static final long LEEWAY_SECONDS = 300;

    private final Map<String, SigningKeys> byIssuer;

    private TokenGate(Map<String, SigningKeys> byIssuer) {
        this.byIssuer = byIssuer;
    }

    /** The channel's issuer with its metadata URL; the emulator's Azure AD issuers with theirs. */
    static TokenGate forChannel(String channelMetadataUrl) {
        return forChannel(channelMetadataUrl, AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL);
    }

    static TokenGate forChannel(String channelMetadataUrl, String emulatorMetadataUrl) {
        Map<String, SigningKeys> issuers = new java.util.HashMap<>();
        issuers.put(AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER, new SigningKeys(channelMetadataUrl));
        SigningKeys emulator = new SigningKeys(emulatorMetadataUrl);
        List<String> emulatorIssuers = EmulatorValidation.getTokenValidationParameters().validIssuers;
        emulatorIssuers.forEach(i -> issuers.putIfAbsent(i, emulator));
        return new TokenGate(Map.copyOf(issuers));
    }

    /** Whether the header carries a well-formed bearer token signed by a known key of its issuer, not expired. */
    boolean admits(String authorization) {
        if (authorization == null) {
            return false;
        }
        String[] parts = authorization.split(" ");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer") || parts[1].isEmpty()) {
            return false;
        }
        try {
            DecodedJWT jwt = JWT.decode(parts[1]);
            SigningKeys keys = jwt.getIssuer() == null ? null : byIssuer.get(jwt.getIssuer());
            if (keys == null || !"RS256".equals(jwt.getAlgorithm())) {
                return false;
            }
            RSAPublicKey key = keys.key(jwt.getKeyId());
            if (key == null) {
                return false;
            }
            JWT.require(Algorithm.RSA256(key, null)).acceptLeeway(LEEWAY_SECONDS).build().verify(jwt);
            return true;
        } catch (JWTVerificationException | IllegalArgumentException e) { // JWTDecodeException is one
            return false;
        }
    }
}
