package dev.kotae.generation;

import dev.kotae.answer.Knowledge;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/**
 * The embedded corpus's generation, opened on another thread before anyone asks for it. A one-shot
 * command on the embedded corpus ({@code kotae ask}) is mostly opening it and loading Kuromoji's
 * dictionaries, and the CLI knows it will need both as soon as it has its arguments and settings, so
 * both start then, each on a thread of its own, while the main thread sets up logging and parses the
 * command line. The first in-memory start on the embedded corpus takes the generation, once; a start
 * with nothing opened early opens it itself, as before. The shipped tables are read first, while the
 * main thread sets up logging; nothing here logs before that is done.
 */
public final class EarlyGeneration {
    private static final AtomicReference<FutureTask<Optional<Knowledge>>> OPENING = new AtomicReference<>();

    private EarlyGeneration() {}

    /** Starts loading Kuromoji's dictionaries on a thread of their own: nothing there logs ({@link KuromojiPreload}). */
    public static void loadDictionaries() {
        KuromojiPreload.start();
    }

    /**
     * Starts opening the embedded corpus's generation on a thread of its own (once), and loading the
     * dictionaries if that has not started. Call it once java.util.logging is routed ({@code Logging.start}):
     * opening the index may log through it (Lucene's notices).
     */
    public static void start() {
        KuromojiPreload.start();
        FutureTask<Optional<Knowledge>> task = new FutureTask<>(() -> {
            ShippedTables.Read tables = ShippedTables.Read.fromClassPath();
            awaitLogging();
            return EmbeddedIndex.openEmbedded(tables);
        });
        if (OPENING.compareAndSet(null, task)) {
            Thread thread = new Thread(task, "kotae-open");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * While one thread configures logging (logback's start, ~0.08 s of CPU at a cold start, which the
     * main thread does meanwhile), SLF4J gives the others loggers that only record, and replays what
     * they recorded with a warning of its own on stderr: nothing here logs before it is done. If nobody
     * has started it, this thread does it.
     */
    private static void awaitLogging() throws InterruptedException {
        while (LoggerFactory.getILoggerFactory() instanceof SubstituteLoggerFactory) {
            Thread.sleep(1);
        }
    }

    /** The generation opened early when there is one (waited for, and taken), else opened here. */
    static Optional<Knowledge> openEmbedded() throws InterruptedException {
        FutureTask<Optional<Knowledge>> task = OPENING.getAndSet(null);
        if (task == null) {
            return EmbeddedIndex.openEmbedded();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return Optional.empty(); // openEmbedded says what went wrong itself; the corpus is read instead
        }
    }
}
