package dev.kotae.generation;

import dev.kotae.answer.Knowledge;
import dev.kotae.answer.ReindexReport;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.index.KnowledgeIndex;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    private final Checkpoint checkpoint;

    public GenerationStore(Path dir) {
        this(dir, partial -> { });
    }

    GenerationStore(Path dir, Checkpoint checkpoint) {
        this.dir = dir;
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
        removePartials();
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
                    writeCurrent(name);
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
                Outcome rebuilt = reindex(dir.resolve(name).resolve("corpus"));
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
     * failed checks leave CURRENT as it was.
     */
    public Outcome reindex(Path corpusRoot) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(dir);
        Corpus corpus;
        try {
            corpus = CorpusLoader.load(corpusRoot);
        } catch (CorpusException e) {
            return new Outcome(ReindexReport.refused(e.problems(), millisSince(start)), null);
        }
        String name = String.format("gen-%06d", nextNumber());
        Path partial = dir.resolve(name + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        copyTree(corpusRoot, partial.resolve("corpus"));
        Knowledge knowledge;
        try {
            Corpus snapshot = CorpusLoader.load(partial.resolve("corpus"));
            knowledge = Knowledge.buildInto(snapshot, FSDirectory.open(partial.resolve("index")));
            corpus = snapshot;
        } catch (CorpusException e) {
            deleteTree(partial);
            return new Outcome(ReindexReport.refused(e.problems(), millisSince(start)), null);
        }
        checkpoint.indexWritten(partial);
        List<CorpusProblem> problems = SmokeCheck.run(knowledge);
        if (!problems.isEmpty()) {
            knowledge.close();
            deleteTree(partial);
            return new Outcome(ReindexReport.refused(problems, millisSince(start)), null);
        }
        Inventory inventory = Inventory.of(corpus);
        inventory.write(partial.resolve("inventory.json"));
        Optional<String> previousName = readCurrent();
        List<String> changes = previousName.isEmpty() ? inventory.changesSince(null)
                : inventory.changesSince(previousName.get(), Inventory.ofGeneration(dir.resolve(previousName.get())));
        fsyncTree(partial);
        Path complete = dir.resolve(name);
        Files.move(partial, complete, StandardCopyOption.ATOMIC_MOVE);
        fsync(dir);
        // Lucene's FSDirectory keeps the path it was opened with; reopen from the final place.
        knowledge.close();
        Loaded loaded;
        try {
            loaded = open(name);
        } catch (CorpusException e) {
            throw new IOException("a generation just built does not load: " + e.getMessage(), e);
        }
        writeCurrent(name);
        prune(name);
        return new Outcome(ReindexReport.done(corpus, millisSince(start), name, changes), loaded);
    }

    /** Switches back to the generation before the current one; empty when there is none. */
    public Optional<Loaded> rollback() throws IOException {
        Optional<String> current = readCurrent();
        List<String> older = generations().stream().sorted(Comparator.reverseOrder())
                .filter(g -> current.isEmpty() || g.compareTo(current.get()) < 0).toList();
        for (String name : older) {
            try {
                Loaded loaded = open(name);
                writeCurrent(name);
                return Optional.of(loaded);
            } catch (IOException | CorpusException | RuntimeException e) {
                LOG.error("generation {} cannot be rolled back to: {}", name, message(e));
            }
        }
        return Optional.empty();
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
        Corpus corpus = CorpusLoader.load(generation.resolve("corpus"));
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

    private int nextNumber() throws IOException {
        int max = 0;
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

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
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
