package dev.kotae.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Logins and sessions. A token is exchanged for a random session id, kept only in memory and sent
 * back as an HttpOnly, SameSite=Strict cookie; each session has its own CSRF token, which every
 * state-changing request must carry. Sessions end after {@link #IDLE} without use or {@link #MAX_AGE}
 * in all, at logout, and when the process stops.
 *
 * <p>Bounds: {@value #MAX_SESSIONS} sessions (the oldest is dropped for a new one); after
 * {@value #MAX_FAILURES} wrong tokens from one address within {@link #FAILURE_WINDOW}, that address is
 * refused until the window has passed ({@value #MAX_ADDRESSES} addresses remembered).
 */
public final class Sessions {
    public enum Role {
        ADMIN("admin", "管理者"), VIEWER("viewer", "閲覧者");

        private final String id;
        private final String label;

        Role(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** What the audit log records as who acted. */
        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }

    /** A logged-in browser. */
    public record Session(String id, Role role, String csrf, Instant created, Instant lastSeen) {}

    public static final String COOKIE = "kotae_console";
    static final Duration IDLE = Duration.ofHours(8);
    static final Duration MAX_AGE = Duration.ofHours(12);
    static final int MAX_SESSIONS = 1000;
    static final int MAX_FAILURES = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final int MAX_ADDRESSES = 10_000;
    /** 32 random bytes in unpadded base64url. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] adminHash;
    private final byte[] viewerHash;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, int[]> failures = new LinkedHashMap<>();
    private final Map<String, Instant> failureStart = new LinkedHashMap<>();
    private final java.time.Clock clock;

    public Sessions(String adminToken, String viewerToken) {
        this(adminToken, viewerToken, java.time.Clock.systemUTC());
    }

    Sessions(String adminToken, String viewerToken, java.time.Clock clock) {
        this.adminHash = sha256(adminToken);
        this.viewerHash = viewerToken == null ? null : sha256(viewerToken);
        this.clock = clock;
    }

    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The role a token gives, compared in constant time; empty for a wrong token. */
    Optional<Role> check(String token) {
        if (token == null || token.isEmpty() || token.length() > 1024) {
            return Optional.empty();
        }
        byte[] given = sha256(token.strip());
        boolean admin = MessageDigest.isEqual(given, adminHash);
        boolean viewer = viewerHash != null && MessageDigest.isEqual(given, viewerHash);
        return admin ? Optional.of(Role.ADMIN) : viewer ? Optional.of(Role.VIEWER) : Optional.empty();
    }

    /** Whether this address has had too many wrong tokens lately. */
    synchronized boolean lockedOut(String address) {
        Instant start = failureStart.get(address);
        if (start == null) {
            return false;
        }
        if (clock.instant().isAfter(start.plus(FAILURE_WINDOW))) {
            failureStart.remove(address);
            failures.remove(address);
            return false;
        }
        return failures.get(address)[0] >= MAX_FAILURES;
    }

    synchronized void failed(String address) {
        Instant now = clock.instant();
        Instant start = failureStart.get(address);
        if (start == null || now.isAfter(start.plus(FAILURE_WINDOW))) {
            failureStart.put(address, now);
            failures.put(address, new int[1]);
        }
        failures.get(address)[0]++;
        while (failureStart.size() > MAX_ADDRESSES) {
            String oldest = failureStart.keySet().iterator().next();
            failureStart.remove(oldest);
            failures.remove(oldest);
        }
    }

    /** Starts a session for a role; the oldest session goes when there are too many. */
    synchronized Session open(Role role) {
        expire();
        while (sessions.size() >= MAX_SESSIONS) {
            Iterator<String> oldest = sessions.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        Instant now = clock.instant();
        Session s = new Session(randomToken(), role, randomToken(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session a cookie value names, refreshed; empty for a malformed, unknown or expired one. */
    synchronized Optional<Session> find(String cookie) {
        if (cookie == null || !ID.matcher(cookie).matches()) {
            return Optional.empty();
        }
        Session s = sessions.get(cookie);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(MAX_AGE))) {
            sessions.remove(cookie);
            return Optional.empty();
        }
        Session seen = new Session(s.id(), s.role(), s.csrf(), s.created(), now);
        sessions.put(cookie, seen);
        return Optional.of(seen);
    }

    synchronized void close(String id) {
        sessions.remove(id);
    }

    /** Whether a request's CSRF token is the session's, compared in constant time. */
    static boolean csrfMatches(Session session, String given) {
        return given != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private void expire() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(MAX_AGE)));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
