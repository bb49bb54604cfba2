package dev.kotae.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature ({@code X-Slack-Signature: v0=HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)}),
 * checked on the raw bytes before anything else reads the body. The timestamp must be within
 * {@link #WINDOW} of now on either side: Bolt's own check only refuses old ones, so a request signed
 * with a timestamp in the future could be replayed for as long as that future was away.
 */
final class RequestSignature {
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** Why a request is not Slack's, for the log line (never with anything from the request). */
    enum Verdict { OK, MISSING, BAD_TIMESTAMP, TOO_OLD, IN_THE_FUTURE, MISMATCH }

    private final SecretKeySpec key;
    private final LongSupplier nowSeconds;

    RequestSignature(String signingSecret) {
        this(signingSecret, () -> System.currentTimeMillis() / 1000);
    }

    RequestSignature(String signingSecret, LongSupplier nowSeconds) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.nowSeconds = nowSeconds;
    }

    Verdict check(String timestamp, String signature, byte[] body, int length) {
        if (timestamp == null || signature == null || !signature.startsWith("v0=")) {
            return Verdict.MISSING;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        long skew = nowSeconds.getAsLong() - ts;
        if (skew > WINDOW.toSeconds()) {
            return Verdict.TOO_OLD;
        }
        if (-skew > WINDOW.toSeconds()) {
            return Verdict.IN_THE_FUTURE;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(3).strip());
        } catch (IllegalArgumentException e) {
            return Verdict.MISMATCH;
        }
        Mac mac;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
        mac.update(body, 0, length);
        // Constant time: how much of a guess matched must not show in how long the answer takes.
        return MessageDigest.isEqual(mac.doFinal(), given) ? Verdict.OK : Verdict.MISMATCH;
    }
}
