package dev.kotae.corpus;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * What one corpus document may cost a reindex. A file over a limit is refused by name, with the
 * limit and the setting that raises it; the serving generation keeps answering.
 *
 * @param maxDocumentBytes the size of the file on disk ({@code KOTAE_MAX_DOCUMENT_MB}, default 50 MB)
 * @param maxDocumentChars the characters of text read from one file ({@code KOTAE_MAX_DOCUMENT_CHARS},
 *                         default 2,000,000: about 1,300 pages of Japanese)
 * @param maxDocumentTime  the time to read one file ({@code KOTAE_MAX_DOCUMENT_SECONDS}, default 60 s)
 * @param maxPartBytes     an entry inside a zipped Office file, once inflated ({@code KOTAE_MAX_DOCUMENT_PART_MB},
 *                         default 256 MB): with the libraries' inflation-ratio check, the zip-bomb guard
 */
public record CorpusLimits(long maxDocumentBytes, long maxDocumentChars, Duration maxDocumentTime, long maxPartBytes) {
    public static final long MB = 1024L * 1024L;

    public CorpusLimits {
        if (maxDocumentBytes <= 0 || maxDocumentChars <= 0 || maxDocumentTime.isNegative() || maxDocumentTime.isZero()
                || maxPartBytes <= 0) {
            throw new IllegalArgumentException("corpus limits must be positive");
        }
    }

    public static CorpusLimits defaults() {
        return new CorpusLimits(50 * MB, 2_000_000, Duration.ofSeconds(60), 256 * MB);
    }

    public static CorpusLimits fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the settings; a malformed one is an error naming the variable, never silently the default. */
    public static CorpusLimits from(Map<String, String> env) {
        CorpusLimits d = defaults();
        long bytes = read(env, "KOTAE_MAX_DOCUMENT_MB", d.maxDocumentBytes / MB, "50") * MB;
        long chars = read(env, "KOTAE_MAX_DOCUMENT_CHARS", d.maxDocumentChars, "2000000");
        long seconds = read(env, "KOTAE_MAX_DOCUMENT_SECONDS", d.maxDocumentTime.toSeconds(), "60");
        long part = read(env, "KOTAE_MAX_DOCUMENT_PART_MB", d.maxPartBytes / MB, "256") * MB;
        return new CorpusLimits(bytes, chars, Duration.ofSeconds(seconds), part);
    }

    private static long read(Map<String, String> env, String name, long fallback, String example) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Function<String, IllegalArgumentException> bad = why ->
                new IllegalArgumentException(name + "=" + value + ": " + why + " (e.g. " + name + "=" + example + ")");
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw bad.apply("not a whole number");
        }
        if (parsed <= 0 || parsed > 1_000_000_000L) {
            throw bad.apply("must be between 1 and 1000000000");
        }
        return parsed;
    }
}
