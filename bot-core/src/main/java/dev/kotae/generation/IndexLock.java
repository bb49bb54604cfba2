package dev.kotae.generation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per index folder: an exclusive lock on {@code KOTAE_INDEX_DIR/writer.lock}, held for a
 * reindex, a rollback and the clean-up of unfinished generations. Without it, two processes on one
 * folder (a bot and an admin's {@code kotae reindex}, two cron jobs) pick the same generation
 * number, remove each other's {@code .partial} folder and can leave CURRENT on the older result.
 *
 * <p>The operating system releases the lock when its process dies, SIGKILL included, so a killed
 * reindex never leaves the folder locked. The lock file names its holder (pid, what, since when)
 * for the message a waiting process gives. Threads of one JVM are ordered by an in-process lock
 * first: the OS lock belongs to the whole process and cannot order them.
 */
final class IndexLock implements AutoCloseable {
    static final String FILE = "writer.lock";
    /** How long a writer waits for another by default: a reindex of a large corpus takes minutes. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    private static final long POLL_MILLIS = 100;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndexLock.class);
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final Map<Path, String> HOLDERS_IN_THIS_JVM = new ConcurrentHashMap<>();

    /** Another process (or thread) writes the folder and did not finish within the wait. */
    static final class BusyException extends IOException {
        BusyException(String holder) {
            super("別の処理（" + holder + "）がこのインデックスフォルダを更新中です。終わってから、もう一度実行してください。");
        }
    }

    private final Path key;
    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private IndexLock(Path key, ReentrantLock local, FileChannel channel, FileLock lock) {
        this.key = key;
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** {@code KOTAE_INDEX_LOCK_WAIT_SECONDS}, else {@link #DEFAULT_WAIT}. */
    static Duration waitFromEnvironment() {
        String seconds = System.getenv("KOTAE_INDEX_LOCK_WAIT_SECONDS");
        if (seconds != null && !seconds.isBlank()) {
            try {
                long s = Long.parseLong(seconds.strip());
                if (s >= 0) {
                    return Duration.ofSeconds(s);
                }
            } catch (NumberFormatException e) {
                // the default below
            }
        }
        return DEFAULT_WAIT;
    }

    /**
     * The lock on {@code dir}, waiting up to {@code wait} for another writer to finish.
     *
     * @param purpose what the holder does, for the message others get ({@code reindex}, {@code rollback})
     * @throws BusyException when the other writer is still at it after {@code wait}
     */
    static IndexLock acquire(Path dir, String purpose, Duration wait) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.toRealPath();
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            throw new IllegalStateException("the index lock is not re-entrant: " + key);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new BusyException(HOLDERS_IN_THIS_JVM.getOrDefault(key, "このプロセスの別の処理"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null && !wait.isZero()) {
                LOG.warn("{} is being written by another process ({}); waiting up to {} s", key, holderOf(key), wait.toSeconds());
            }
            while (lock == null) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new BusyException(holderOf(key));
                }
                Thread.sleep(POLL_MILLIS);
                lock = channel.tryLock();
            }
            String holder = "pid " + ProcessHandle.current().pid() + "、" + purpose + "、"
                    + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " から";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            HOLDERS_IN_THIS_JVM.put(key, holder);
            return new IndexLock(key, local, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        } catch (InterruptedException e) {
            closeQuietly(channel);
            local.unlock();
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    /** The lock if nobody holds it now, else null: for work that is better skipped than waited for. */
    static IndexLock tryAcquire(Path dir, String purpose) throws IOException {
        try {
            return acquire(dir, purpose, Duration.ZERO);
        } catch (BusyException e) {
            return null;
        }
    }

    /** The process is stopping (or the watcher was stopped) while it waited: not a busy folder. */
    private static java.io.InterruptedIOException interrupted() {
        return new java.io.InterruptedIOException("インデックスフォルダが空くのを待つ間に中断されました");
    }

    /** What another process wrote into the lock file; read without the lock, so possibly half-written. */
    private static String holderOf(Path key) {
        try {
            String text = Files.readString(key.resolve(FILE), StandardCharsets.UTF_8).strip();
            return text.isEmpty() || text.length() > 200 ? "別のプロセス" : text;
        } catch (IOException | RuntimeException e) {
            return "別のプロセス";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            HOLDERS_IN_THIS_JVM.remove(key);
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
