package dev.kotae.generation;

import dev.kotae.answer.KotaeService;
import dev.kotae.answer.ReindexReport;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code KOTAE_REINDEX_WATCH=true}: a change under the corpus folder triggers a reindex once the
 * folder has been quiet for a while, so an admin copying several files causes one reindex, not many.
 */
public final class CorpusWatcher {
    public static final Duration QUIET_PERIOD = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);

    private CorpusWatcher() {}

    /** Starts a daemon thread watching {@code root}; returns it so tests can stop it. */
    public static Thread start(Path root, KotaeService service, Duration quiet) throws IOException {
        WatchService watcher = FileSystems.getDefault().newWatchService();
        register(root, watcher);
        Thread thread = new Thread(() -> watch(root, watcher, service, quiet), "kotae-corpus-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("watching {} for changes (reindex after {} s of quiet)", root, quiet.toSeconds());
        return thread;
    }

    private static void register(Path root, WatchService watcher) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            // Not through a link: a linked folder is outside the corpus (and refused by the loader).
            for (Path dir : dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private static void watch(Path root, WatchService watcher, KotaeService service, Duration quiet) {
        try (watcher) {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                drain(key);
                // Wait until nothing has changed for the whole quiet period.
                WatchKey more;
                while ((more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                register(root, watcher);
                ReindexReport report = service.reindex("watch", null);
                if (report.status() == ReindexReport.Status.DONE) {
                    LOG.info("corpus changed: {}", report.summary().replace('\n', ' '));
                } else {
                    LOG.warn("corpus changed but was not reindexed: {}", report.summary().replace('\n', ' '));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("the corpus watcher stopped: {}", e.getMessage());
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }
}
