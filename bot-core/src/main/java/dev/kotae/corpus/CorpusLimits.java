package dev.kotae.corpus;

import java.time.Duration;
import java.util.Map;

/**
 * How much one corpus file may cost a reindex. A corpus folder is input from outside (a shared
 * drive, a sync job, an admin's copy), so each bound is a named refusal when hit rather than a
 * reindex that runs out of memory or time.
 *
 * @param maxFileBytes     the largest corpus file read, in bytes ({@code KOTAE_MAX_DOCUMENT_MB}, default 50)
 * @param maxDocumentChars the characters of text read from one document ({@code KOTAE_MAX_DOCUMENT_CHARS},
 *                         default 2,000,000: about 1,300 pages of Japanese)
 * @param maxDocumentTime  the time to read one document ({@code KOTAE_MAX_DOCUMENT_SECONDS}, default 60 s)
 * @param maxPartBytes     one entry of a zipped Office file once inflated ({@code KOTAE_MAX_DOCUMENT_PART_MB},
 *                         default 256): with POI's inflation-ratio check, the zip-bomb guard
 */
public record CorpusLimits(long maxFileBytes, long maxDocumentChars, Duration maxDocumentTime, long maxPartBytes) {
    public static final long DEFAULT_MAX_DOCUMENT_MB = 50;
    public static final long DEFAULT_MAX_DOCUMENT_CHARS = 2_000_000;
    public static final long DEFAULT_MAX_DOCUMENT_SECONDS = 60;
    public static final long DEFAULT_MAX_PART_MB = 256;
    public static final long MB = 1024L * 1024L;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CorpusLimits.class);

    public CorpusLimits {
        if (maxFileBytes <= 0 || maxDocumentChars <= 0 || maxPartBytes <= 0) {
            throw new IllegalArgumentException("corpus limits must be positive: " + maxFileBytes + ", " + maxDocumentChars
                    + ", " + maxPartBytes);
        }
        if (maxDocumentTime == null || maxDocumentTime.isNegative() || maxDocumentTime.isZero()) {
            throw new IllegalArgumentException("the time per document must be positive: " + maxDocumentTime);
        }
    }

    /** A size limit, the other limits at their defaults. */
    public CorpusLimits(long maxFileBytes) {
        this(maxFileBytes, DEFAULT_MAX_DOCUMENT_CHARS, Duration.ofSeconds(DEFAULT_MAX_DOCUMENT_SECONDS), DEFAULT_MAX_PART_MB * MB);
    }

    public static CorpusLimits defaults() {
        return new CorpusLimits(DEFAULT_MAX_DOCUMENT_MB * MB);
    }

    /**
     * For a generation's own snapshot, accepted by the reindex that made it: lowering a limit applies
     * to the next reindex, it does not make the serving generation unusable. Reading still has a time
     * bound, and POI's inflation-ratio check stays on.
     */
    public static CorpusLimits accepted() {
        return new CorpusLimits(Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofMinutes(10), Long.MAX_VALUE);
    }

    /** The defaults, with each {@code KOTAE_MAX_DOCUMENT_*} setting that is a positive whole number. */
    public static CorpusLimits fromEnvironment() {
        return from(System.getenv());
    }

    static CorpusLimits fromSetting(String megabytes) {
        return from(megabytes == null ? Map.of() : Map.of("KOTAE_MAX_DOCUMENT_MB", megabytes));
    }

    /** The limits a set of settings gives (the environment, or a test's). */
    public static CorpusLimits from(Map<String, String> env) {
        long mb = setting(env, "KOTAE_MAX_DOCUMENT_MB", DEFAULT_MAX_DOCUMENT_MB, Long.MAX_VALUE / MB, "megabytes");
        long chars = setting(env, "KOTAE_MAX_DOCUMENT_CHARS", DEFAULT_MAX_DOCUMENT_CHARS, Long.MAX_VALUE, "characters");
        long seconds = setting(env, "KOTAE_MAX_DOCUMENT_SECONDS", DEFAULT_MAX_DOCUMENT_SECONDS, 86_400, "seconds");
        long partMb = setting(env, "KOTAE_MAX_DOCUMENT_PART_MB", DEFAULT_MAX_PART_MB, Long.MAX_VALUE / MB, "megabytes");
        return new CorpusLimits(mb * MB, chars, Duration.ofSeconds(seconds), partMb * MB);
    }

    private static long setting(Map<String, String> env, String name, long fallback, long max, String unit) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        // A malformed setting keeps the default rather than stopping the bot (as KOTAE_MIN_CONFIDENCE does).
        LOG.warn("{} is not a positive whole number of {}; using {}", name, unit, fallback);
        return fallback;
    }

    /** The size limit as people write it: {@code 50 MB}, or bytes when it is not whole megabytes. */
    public String describeMaxFileSize() {
        return maxFileBytes % MB == 0 ? maxFileBytes / MB + " MB" : maxFileBytes + " bytes";
    }
}
