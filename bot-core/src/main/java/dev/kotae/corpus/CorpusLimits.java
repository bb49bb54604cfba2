package dev.kotae.corpus;

/**
 * How much one corpus file may cost a reindex. A corpus folder is input from outside (a shared
 * drive, a sync job, an admin's copy), so each bound is a named refusal when hit rather than a
 * reindex that runs out of memory.
 *
 * <p>Only the raw size is bounded here; readers of other file formats add their own bounds
 * (extracted characters, time per file) as further components, with defaults in {@link #defaults()}.
 *
 * @param maxFileBytes the largest corpus file read, in bytes ({@code KOTAE_MAX_DOCUMENT_MB})
 */
public record CorpusLimits(long maxFileBytes) {
    public static final long DEFAULT_MAX_DOCUMENT_MB = 50;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CorpusLimits.class);
    private static final long MB = 1024L * 1024L;

    public CorpusLimits {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
    }

    public static CorpusLimits defaults() {
        return new CorpusLimits(DEFAULT_MAX_DOCUMENT_MB * MB);
    }

    /** The defaults, with {@code KOTAE_MAX_DOCUMENT_MB} when it is a positive whole number. */
    public static CorpusLimits fromEnvironment() {
        return fromSetting(System.getenv("KOTAE_MAX_DOCUMENT_MB"));
    }

    static CorpusLimits fromSetting(String megabytes) {
        CorpusLimits d = defaults();
        if (megabytes == null || megabytes.isBlank()) {
            return d;
        }
        try {
            long mb = Long.parseLong(megabytes.strip());
            if (mb > 0 && mb <= Long.MAX_VALUE / MB) {
                return new CorpusLimits(mb * MB);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        // A malformed setting keeps the default rather than stopping the bot (as KOTAE_MIN_CONFIDENCE does).
        LOG.warn("KOTAE_MAX_DOCUMENT_MB is not a positive whole number of megabytes; using {}", d.describeMaxFileSize());
        return d;
    }

    /** The size limit as people write it: {@code 50 MB}, or bytes when it is not whole megabytes. */
    public String describeMaxFileSize() {
        return maxFileBytes % MB == 0 ? maxFileBytes / MB + " MB" : maxFileBytes + " bytes";
    }
}
