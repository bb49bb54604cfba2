package dev.kotae.settings;

import dev.kotae.answer.AnswerSettings;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The core's settings, shared by the CLI and both adapters, read and checked once at start-up.
 *
 * @param corpusDir    {@code KOTAE_CORPUS_DIR}: the corpus folder (must exist), or null for the embedded corpus
 * @param indexDir     {@code KOTAE_INDEX_DIR}: the folder of index generations and logs, or null for in memory
 * @param reindexWatch {@code KOTAE_REINDEX_WATCH}: reindex when the corpus folder changes
 * @param answer       {@code KOTAE_MIN_CONFIDENCE} (0–1) and {@code KOTAE_HANDOFF}
 * @param logLevel     {@code KOTAE_LOG_LEVEL}: the level of Kotae's own loggers, or null for the default
 * @param debug        {@code KOTAE_DEBUG}: the CLI prints stack traces of unexpected errors
 */
public record CoreSettings(Path corpusDir, Path indexDir, boolean reindexWatch, AnswerSettings answer, String logLevel,
                           boolean debug) {
    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    public static CoreSettings defaults() {
        return new CoreSettings(null, null, false, AnswerSettings.defaults(), null, false);
    }

    public static CoreSettings fromEnvironment() throws SettingException {
        return from(Environment.system());
    }

    public static CoreSettings from(Environment env) throws SettingException {
        AnswerSettings d = AnswerSettings.defaults();
        Path corpus = env.folder("KOTAE_CORPUS_DIR", true, "/srv/kotae/corpus").orElse(null);
        Path index = env.folder("KOTAE_INDEX_DIR", false, "/srv/kotae/index").orElse(null);
        boolean watch = env.flag("KOTAE_REINDEX_WATCH", false);
        double threshold = env.number("KOTAE_MIN_CONFIDENCE", d.threshold(), 0, 1, "0.5");
        String handoff = env.line("KOTAE_HANDOFF", 500, "総務部（内線 1234）にお問い合わせください。").orElse(d.handoff());
        String level = env.oneOf("KOTAE_LOG_LEVEL", null, new LinkedHashSet<>(LOG_LEVELS), "DEBUG");
        boolean debug = env.flag("KOTAE_DEBUG", false);
        // Read where they are used (CorpusLimits, IndexLock), checked here so that a bad value stops start-up.
        env.integer("KOTAE_MAX_DOCUMENT_MB", (int) dev.kotae.corpus.CorpusLimits.DEFAULT_MAX_DOCUMENT_MB, 1, 4096, "50");
        env.integer("KOTAE_INDEX_LOCK_WAIT_SECONDS", 300, 0, 86_400, "300");
        return new CoreSettings(corpus, index, watch, new AnswerSettings(threshold, handoff, d.maxQuestionLength()), level, debug);
    }
}
