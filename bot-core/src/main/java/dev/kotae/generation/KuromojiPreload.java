package dev.kotae.generation;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kuromoji's system dictionaries take ~0.3 s of CPU to read from the jar, and every analysis chain
 * needs them; opening an index checks the digest of Kotae's analysis code (~60 ms of reading its
 * classes, unless shipped tables that fit gave it). Both are done on another thread while the caller
 * reads the corpus or the shipped tables (a cold {@code kotae ask} is mostly these), once per process.
 * Nothing here logs, so a command can start it before logging is set up. A failure is left to show
 * where they are used.
 */
final class KuromojiPreload {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private KuromojiPreload() {}

    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread preload = new Thread(() -> {
            try {
                org.apache.lucene.analysis.ja.dict.TokenInfoDictionary.getInstance();
                org.apache.lucene.analysis.ja.dict.ConnectionCosts.getInstance();
                org.apache.lucene.analysis.ja.dict.UnknownDictionary.getInstance();
                dev.kotae.index.IndexCodeDigest.current();
            } catch (RuntimeException | LinkageError e) {
                // done again, and reported, where they are used
            }
        }, "kotae-preload");
        preload.setDaemon(true);
        preload.start();
    }
}
