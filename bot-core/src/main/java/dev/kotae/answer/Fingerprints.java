package dev.kotae.answer;

import dev.kotae.corpus.Corpus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short digest of a corpus's content, so a persisted index is reused only for the same corpus. */
final class Fingerprints {
    private Fingerprints() {}

    static String of(Corpus corpus) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(corpus.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
