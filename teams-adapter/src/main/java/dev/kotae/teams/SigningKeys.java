package dev.kotae.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's signing keys, from its OpenID metadata and JWKS, cached. They are fetched again when they
 * are a day old, or when a token names a key not in the cache (the channel rotated its keys), but never
 * more than once per {@link #MIN_REFRESH}, whatever happens: a stream of forged tokens with made-up key ids
 * costs no outbound call, and a failed fetch keeps the keys already known rather than trying again on the
 * next request. (The SDK's own cache, which the SDK consults after this one, refetches after every failure.)
 */
final class SigningKeys {
    static final Duration MIN_REFRESH = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofHours(24);
    /** Each of the two fetches; both together stay well inside the request's 10 s read deadline. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_DOCUMENT = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Honours the JVM's proxy settings (a corporate proxy; the tests' safety net), as the SDK's fetches do. */
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(ProxySelector.getDefault())
            .connectTimeout(FETCH_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();

    private final String metadataUrl;
    private final LongSupplier clock;
    private volatile Map<String, RSAPublicKey> keys = Map.of();
    private long loadedAt = Long.MIN_VALUE;
    private long triedAt = Long.MIN_VALUE;
    private final AtomicInteger fetches = new AtomicInteger();

    SigningKeys(String metadataUrl) {
        this(metadataUrl, System::nanoTime);
    }

    SigningKeys(String metadataUrl, LongSupplier nanoClock) {
        this.metadataUrl = metadataUrl;
        this.clock = nanoClock;
    }

    /** The key with this id, or null; may fetch the documents, at most once per {@link #MIN_REFRESH}. */
    RSAPublicKey key(String keyId) {
        if (keyId == null) {
            return null;
        }
        RSAPublicKey key = keys.get(keyId);
        if (key != null && !stale(clock.getAsLong())) {
            return key;
        }
        synchronized (this) { // one fetch at a time; those who waited find its keys
            long now = clock.getAsLong();
            key = keys.get(keyId);
            if ((key == null || stale(now)) && mayTry(now)) {
                refresh(now);
                key = keys.get(keyId);
            }
        }
        return key;
    }

    /** How many times the metadata was fetched (tests count them). */
    int fetches() {
        return fetches.get();
    }

    private synchronized boolean stale(long now) {
        return loadedAt == Long.MIN_VALUE || now - loadedAt > MAX_AGE.toNanos();
    }

    private boolean mayTry(long now) {
        return triedAt == Long.MIN_VALUE || now - triedAt >= MIN_REFRESH.toNanos();
    }

    private void refresh(long now) {
        triedAt = now;
        fetches.incrementAndGet();
        try {
            JsonNode metadata = fetch(URI.create(metadataUrl));
            String jwks = metadata.path("jwks_uri").asText("");
            if (jwks.isEmpty()) {
                throw new IOException("no jwks_uri in the OpenID metadata");
            }
            Map<String, RSAPublicKey> fresh = parse(fetch(URI.create(jwks)));
            if (fresh.isEmpty()) {
                throw new IOException("no RSA keys in the JWKS");
            }
            keys = Map.copyOf(fresh);
            loadedAt = now;
            LOG.info("loaded {} channel signing key(s) from {}", fresh.size(), metadataUrl);
        } catch (IOException | RuntimeException | GeneralSecurityException e) {
            LOG.warn("could not load the channel's signing keys from {} ({}: {}); keeping the {} known, next try in {} min",
                    metadataUrl, e.getClass().getSimpleName(), e.getMessage(), keys.size(), MIN_REFRESH.toMinutes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode fetch(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + uri);
            }
            byte[] bytes = in.readNBytes(MAX_DOCUMENT + 1);
            if (bytes.length > MAX_DOCUMENT) {
                throw new IOException("document too large: " + uri);
            }
            return JSON.readTree(bytes);
        }
    }

    static Map<String, RSAPublicKey> parse(JsonNode jwks) throws GeneralSecurityException {
        Map<String, RSAPublicKey> out = new HashMap<>();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        for (JsonNode k : jwks.path("keys")) {
            String kid = k.path("kid").asText("");
            if (kid.isEmpty() || !"RSA".equals(k.path("kty").asText()) || !k.path("n").isTextual() || !k.path("e").isTextual()) {
                continue;
            }
            BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asText()));
            BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("e").asText()));
            out.put(kid, (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(n, e)));
        }
        return out;
    }
}
