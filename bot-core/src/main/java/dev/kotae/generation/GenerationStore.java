package dev.kotae.generation;

import dev.kotae.answer.ActivityLog;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.ReindexReport;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusFiles;
import dev.kotae.corpus.CorpusLimits;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.index.KnowledgeIndex;
import dev.kotae.usage.FileActivityLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index generations on disk, so that a reindex never costs the index that serves.
 *
 * <pre>
 * KOTAE_INDEX_DIR/
 *   CURRENT              the name of the serving generation (written to a temp file, fsynced, renamed)
 *   gen-000007/          a complete generation: corpus/ (the snapshot it was built from), index/, inventory.json
 *   gen-000008.partial/  a reindex in progress, or one that was killed: removed at the next start
 * </pre>
 *
 * A reindex builds {@code gen-N.partial} from a snapshot of the corpus, validates it (the corpus
 * checks and {@link SmokeCheck}), renames it to {@code gen-N}, and only then switches CURRENT. A crash
 * at any point leaves CURRENT naming the last good generation. Three generations are kept.
 *
 * <p>Writers take {@link IndexLock} ({@code writer.lock}), so one process at a time numbers, builds,
 * switches and cleans up; CURRENT then only ever moves forward, to a newer generation than the one
 * it names, except by a rollback or by a start that finds the named generation unusable.
 */
public final class GenerationStore {
    public static final int KEEP = 3;
    private static final Logger LOG = LoggerFactory.getLogger(GenerationStore.class);
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6})");
    private static final String CURRENT = "CURRENT";

    /** A generation opened for service. */
    public record Loaded(String name, Knowledge knowledge) {}

    /** The result of a reindex: the report, and the new generation when it was accepted. */
    public record Outcome(ReindexReport report, Loaded loaded) {}

    /** A point inside a reindex where a test can stop or kill the process: the seam in place of a test hook in the environment. */
    @FunctionalInterface
    interface Checkpoint {
        /** The new generation's index is written in {@code partial}; nothing is checked or switched yet. */
        void indexWritten(Path partial) throws IOException;
    }

    private final Path dir;
    private final Duration lockWait;
    private final Checkpoint checkpoint;

    public GenerationStore(Path dir) {
        this(dir, IndexLock.waitFromEnvironment());
    }

    /** @param lockWait how long a reindex or rollback waits for another process writing the folder */
    public GenerationStore(Path dir, Duration lockWait) {
        this(dir, lockWait, partial -> { });
    }

    GenerationStore(Path dir, Duration lockWait, Checkpoint checkpoint) {
        this.dir = dir;
        this.lockWait = lockWait;
        this.checkpoint = checkpoint;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The generation to serve at start: CURRENT if intact; else the newest intact one, with a log line
     * saying why; empty when there is none (the caller then reindexes from the corpus).
     */
    public Optional<Loaded> openServing() throws IOException {
        Files.createDirectories(dir);
        IndexLock lock = IndexLock.tryAcquire(dir, "start");
        if (lock == null) {
            // A .partial folder now is another process's reindex in progress, not a leftover.
            LOG.info("another process is writing {}; its unfinished generation is left alone", dir);
        } else {
            try (lock) {
                removePartials();
            }
        }
        Optional<String> current = readCurrent();
        List<String> candidates = new ArrayList<>();
        current.ifPresent(candidates::add);
        generations().stream().sorted(Comparator.reverseOrder()).filter(g -> !candidates.contains(g)).forEach(candidates::add);
        boolean rebuiltOnce = false;
        for (String name : candidates) {
            try {
                Loaded loaded = open(name);
                if (current.isEmpty() || !current.get().equals(name)) {
                    LOG.warn("serving generation {} ({}); CURRENT pointed at {}", name,
                            current.isEmpty() ? "no CURRENT pointer" : "the current one is unusable", current.orElse("nothing"));
                    repairCurrent(current, name);
                }
                return Optional.of(loaded);
            } catch (KnowledgeIndex.BuiltByOtherCodeException e) {
                if (rebuiltOnce) {
                    LOG.error("index generation {} is skipped: {}", name, e.getMessage());
                    continue;
                }
                rebuiltOnce = true;
                // After a deploy: same corpus, new analysis. Its own snapshot is a corpus that passed
                // before, so rebuilding from it keeps serving what admins last accepted.
                LOG.warn("index generation {}: {}; reindexing its corpus", name, e.getMessage());
                Outcome rebuilt = reindexAtStart(dir.resolve(name).resolve("corpus"));
                if (rebuilt.loaded() != null) {
                    LOG.info("generation {} rebuilt as {}", name, rebuilt.loaded().name());
                    return Optional.of(rebuilt.loaded());
                }
                LOG.error("the corpus of generation {} is refused by this build: {}", name, rebuilt.report().summary());
            } catch (IOException | CorpusException | RuntimeException e) {
                LOG.error("index generation {} is unusable and is skipped: {}", name, message(e));
            }
        }
        return Optional.empty();
    }

    /**
     * Builds, checks and switches to a new generation from {@code corpusRoot}. Refused corpora and
     * failed checks leave CURRENT as it was. Waits for another process writing the folder (up to the
     * lock wait), then reports it as still running.
     */
    public Outcome reindex(Path corpusRoot) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(dir);
        CorpusLimits limits = CorpusLimits.fromEnvironment();
        CorpusLoader.Result source;
        try {
            source = CorpusLoader.read(corpusRoot, limits);
        } catch (CorpusException e) {
            return new Outcome(ReindexReport.refused(e.problems(), millisSince(start)), null);
        }
        try (IndexLock lock = IndexLock.acquire(dir, "reindex", lockWait)) {
            return build(corpusRoot, source.files(), limits, start);
        } catch (IndexLock.BusyException e) {
            return new Outcome(ReindexReport.busyElsewhere(e.getMessage(), millisSince(start)), null);
        }
    }

    /** The reindex itself, under the lock: numbering, snapshot, index, checks, switch, prune. */
    private Outcome build(Path corpusRoot, List<String> files, CorpusLimits limits, long start) throws IOException {
        String name = String.format("gen-%06d", nextNumber());
        Path partial = dir.resolve(name + ".partial");
        boolean finished = false;
        try {
            deleteTree(partial);
            Files.createDirectories(partial);
            Knowledge knowledge;
            Corpus corpus;
            try {
                // Only what was loaded, read again by the same rules: a file turned into a link since is refused.
                for (String file : files) {
                    CorpusFiles.copy(corpusRoot, file, partial.resolve("corpus"), limits);
                }
                corpus = CorpusLoader.load(partial.resolve("corpus"), limits);
                knowledge = Knowledge.buildInto(corpus, FSDirectory.open(partial.resolve("index")));
            } catch (CorpusException e) {
                return new Outcome(ReindexReport.refused(e.problems(), millisSince(start)), null);
            }
            checkpoint.indexWritten(partial);
            List<CorpusProblem> problems = SmokeCheck.run(knowledge);
            if (!problems.isEmpty()) {
                knowledge.close();
                return new Outcome(ReindexReport.refused(problems, millisSince(start)), null);
            }
            Inventory inventory = Inventory.of(corpus);
            inventory.write(partial.resolve("inventory.json"));
            Optional<String> previousName = readCurrent().filter(g -> Files.isDirectory(dir.resolve(g)));
            List<String> changes = previousName.isEmpty() ? inventory.changesSince(null)
                    : inventory.changesSince(previousName.get(), Inventory.ofGeneration(dir.resolve(previousName.get())));
            fsyncTree(partial);
            Path complete = dir.resolve(name);
            Files.move(partial, complete, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
            fsync(dir);
            // Lucene's FSDirectory keeps the path it was opened with; reopen from the final place.
            knowledge.close();
            Loaded loaded;
            try {
                loaded = open(name);
            } catch (CorpusException e) {
                throw new IOException("a generation just built does not load: " + e.getMessage(), e);
            }
            moveCurrentForward(name);
            prune(name);
            return new Outcome(ReindexReport.done(corpus, millisSince(start), name, changes), loaded);
        } finally {
            if (!finished) {
                // Refused or failed: nothing half-built stays behind (we hold the lock, so it is ours).
                deleteQuietly(partial);
            }
        }
    }

    /** Switches back to the generation before the current one; empty when there is none. */
    public Optional<Loaded> rollback() throws IOException {
        try (IndexLock lock = IndexLock.acquire(dir, "rollback", lockWait)) {
            Optional<String> current = readCurrent();
            List<String> older = generations().stream().sorted(Comparator.reverseOrder())
                    .filter(g -> current.isEmpty() || g.compareTo(current.get()) < 0).toList();
            for (String name : older) {
                try {
                    Loaded loaded = open(name);
                    writeCurrent(name); // the one move back that is asked for
                    return Optional.of(loaded);
                } catch (IOException | CorpusException | RuntimeException e) {
                    LOG.error("generation {} cannot be rolled back to: {}", name, message(e));
                }
            }
            return Optional.empty();
        }
    }

    public Optional<String> current() throws IOException {
        return readCurrent();
    }

    /** Complete generations on disk, oldest first. */
    public List<String> generations() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> GENERATION.matcher(n).matches()).sorted().toList();
        }
    }

    private Loaded open(String name) throws IOException, CorpusException {
        Path generation = dir.resolve(name);
        Corpus corpus = CorpusLoader.loadAccepted(generation.resolve("corpus"));
        return new Loaded(name, Knowledge.openVerified(corpus, FSDirectory.open(generation.resolve("index"))));
    }

    private Optional<String> readCurrent() throws IOException {
        Path pointer = dir.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        return GENERATION.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /**
     * A reindex's switch: only to a generation newer than the one CURRENT names. Under the lock a new
     * number is always the highest, so a refusal here means the folder was changed by hand.
     */
    private void moveCurrentForward(String name) throws IOException {
        Optional<String> current = readCurrent();
        if (current.isPresent() && name.compareTo(current.get()) <= 0) {
            throw new IOException("CURRENT names " + current.get() + ", which is not older than " + name
                    + "; a reindex does not move it back");
        }
        writeCurrent(name);
    }

    /**
     * At start, CURRENT named an unusable generation (or none) and {@code serving} is served instead:
     * point CURRENT at it, unless another process is writing or has moved CURRENT meanwhile.
     */
    private void repairCurrent(Optional<String> seen, String serving) throws IOException {
        IndexLock lock = IndexLock.tryAcquire(dir, "start");
        if (lock == null) {
            return;
        }
        try (lock) {
            if (readCurrent().equals(seen)) {
                writeCurrent(serving);
            }
        }
    }

    /**
     * A reindex nobody asked for (the first build of an empty folder, a rebuild after an upgrade) is
     * audited like any other, as {@code system}: refused, failed or done.
     */
    public Outcome reindexAtStart(Path corpusRoot) throws IOException {
        Outcome outcome;
        try {
            outcome = reindex(corpusRoot);
        } catch (IOException | RuntimeException e) {
            audit("failed", message(e));
            throw e;
        }
        audit(outcome.report().status().name().toLowerCase(Locale.ROOT), outcome.report().summary());
        return outcome;
    }

    private void audit(String result, String summary) {
        new FileActivityLog(dir).audit(new ActivityLog.AuditEntry(Instant.now(), "system", null, "reindex", result, summary));
    }

    /** Temp file, fsync, atomic rename, fsync of the folder: CURRENT is always whole. */
    private void writeCurrent(String name) throws IOException {
        Path tmp = dir.resolve(CURRENT + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(StandardCharsets.UTF_8.encode(name + "\n"));
            channel.force(true);
        }
        try {
            Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the index folder's file system cannot rename atomically: " + dir, e);
        }
        fsync(dir);
    }

    /** One above every generation on disk and the one CURRENT names (even if its folder is gone). */
    private int nextNumber() throws IOException {
        int max = readCurrent().map(g -> Integer.parseInt(g.substring(4))).orElse(0);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = Pattern.compile("gen-(\\d{6})(\\.partial)?").matcher(p.getFileName().toString());
                if (m.matches()) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        }
        return max + 1;
    }

    /** Keeps the newest {@link #KEEP} generations, never the serving one. */
    private void prune(String serving) throws IOException {
        List<String> all = new ArrayList<>(generations());
        all.sort(Comparator.reverseOrder());
        for (int i = KEEP; i < all.size(); i++) {
            if (!all.get(i).equals(serving)) {
                deleteTree(dir.resolve(all.get(i)));
            }
        }
    }

    private void removePartials() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(".partial")) {
                    LOG.warn("removing {}: a reindex that did not finish", p.getFileName());
                    deleteTree(p);
                }
            }
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}; it is removed at the next start", root.getFileName(), e.getMessage());
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void fsyncTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.toList()) {
                fsync(p);
            }
        }
    }

    private static void fsync(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // Some file systems cannot open a folder to fsync it; the rename is still atomic there.
        }
    }
}
