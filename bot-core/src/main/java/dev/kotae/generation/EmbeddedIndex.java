package dev.kotae.generation;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.answer.Knowledge;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import dev.kotae.index.IndexCodeDigest;
import dev.kotae.settings.Logging;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of the embedded corpus, built once by the build ({@code process-classes}, see
 * bot-core's POM) and shipped in the jar under {@code kotae-index/}, so that a command on the embedded
 * corpus ({@code kotae ask} with no settings) opens it instead of indexing every passage again.
 * It is used only when it is stamped with the fingerprint of the corpus that was loaded and the digest
 * of this build's analysis code (and its checksums pass); otherwise the index is built in memory as before.
 * Beside it, the build ships the rest of what a start computes from that corpus ({@link ShippedTables}:
 * the corpus as read, its analysis tables), so that such a start reads and analyses nothing.
 */
public final class EmbeddedIndex {
    static final String ROOT = "kotae-index";
    /** Lists the index's files, written last: a folder without it is not a finished index. */
    static final String FILES = "FILES";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedIndex.class);
    /** Unusable shipped tables are said once a process, though a start that falls back reads them twice. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private EmbeddedIndex() {}

    /**
     * The generation of the embedded corpus from what the build ships, without reading, parsing or
     * analysing the corpus's files (only their sizes and CRCs are compared): empty when the shipped
     * tables do not fit this build and its embedded corpus, or cannot be read (said in the log), and the
     * caller reads the corpus as before.
     */
    public static Optional<Knowledge> openEmbedded() {
        return openEmbedded(ShippedTables.Read.fromClassPath());
    }

    /** {@link #openEmbedded()} with the tables read already (by a thread that started before logging did). */
    static Optional<Knowledge> openEmbedded(ShippedTables.Read read) {
        ShippedTables tables = usable(read);
        if (tables == null || !computedByThisBuild(tables)) {
            return Optional.empty();
        }
        try {
            if (!ShippedFiles.same(EmbeddedCorpus.source(), ShippedFiles.CORPUS, tables.corpusFiles())) {
                LOG.debug("the embedded corpus's files are not those the shipped tables were computed from: it is read");
                return Optional.empty();
            }
        } catch (IOException e) {
            LOG.warn("the embedded corpus's files cannot be checked ({}); it is read", e.getMessage());
            return Optional.empty();
        }
        return open(tables.corpus(), tables);
    }

    /** The generation of the embedded corpus from the shipped index, or empty when there is none that fits. */
    public static Optional<Knowledge> open(Corpus corpus) {
        ShippedTables tables = usable(ShippedTables.Read.fromClassPath());
        if (tables != null && tables.corpus().equals(corpus) && computedByThisBuild(tables)) {
            // The same corpus (a copy of the embedded one nobody changed): its tables fit as well.
            return open(corpus, tables);
        }
        try {
            return Optional.of(Knowledge.openVerified(corpus, shippedIndex()));
        } catch (IOException | RuntimeException e) {
            LOG.debug("the shipped index of the embedded corpus is not used: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Knowledge> open(Corpus corpus, ShippedTables tables) {
        try {
            TextAnalysis analysis = TextAnalysis.fromTables(tables.analysis());
            Knowledge knowledge = Knowledge.openVerified(corpus, analysis, tables.fingerprint(), shippedIndex());
            analysis.forgetKnownAnalyses();
            return Optional.of(knowledge);
        } catch (IOException | RuntimeException e) {
            LOG.debug("the shipped index of the embedded corpus is not used: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The shipped tables, or null: none shipped (said at debug level), or unreadable (one warning line a
     * process, no stack trace, and the start goes on from the corpus).
     */
    private static ShippedTables usable(ShippedTables.Read read) {
        if (read.problem() != null) {
            if (!WARNED.getAndSet(true)) {
                LOG.warn("the shipped tables of the embedded corpus are not usable ({}); they are computed from the corpus",
                        read.problem());
            }
        } else if (read.tables() == null && TextAnalysis.mappedInDictionary()) {
            LOG.debug("the shipped tables are computed without kotae.mappedInDictionary: not used");
        } else if (read.tables() == null) {
            LOG.debug("no shipped tables ({}/{})", ROOT, ShippedTables.NAME);
        }
        return read.tables();
    }

    /**
     * Whether this build's code computed the tables (another build's are not used, said at debug level);
     * if so, the index code digest is the one the build stamped the shipped index with.
     */
    private static boolean computedByThisBuild(ShippedTables tables) {
        try {
            if (!tables.build().equals(ShippedFiles.build())
                    || !ShippedFiles.same(ShippedFiles.codeSource(), ShippedFiles.CODE, tables.code())) {
                LOG.debug("the shipped tables were computed by another build of Kotae ({}; this is {})", tables.build(),
                        ShippedFiles.build());
                return false;
            }
        } catch (IOException e) {
            LOG.warn("the shipped tables of the embedded corpus cannot be checked ({}); they are computed from the corpus",
                    e.getMessage());
            return false;
        }
        IndexCodeDigest.remember(tables.indexCode());
        return true;
    }

    /** The shipped index's files, copied from the jar into memory. */
    private static Directory shippedIndex() throws IOException {
        try (InputStream list = resource(FILES)) {
            if (list == null) {
                throw new IOException("no shipped index (" + ROOT + "/" + FILES + ")");
            }
            Directory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                    ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            for (String name : new String(list.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList()) {
                try (InputStream in = resource(name); IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
                    if (in == null) {
                        throw new IOException("missing " + ROOT + "/" + name);
                    }
                    byte[] bytes = in.readAllBytes();
                    out.writeBytes(bytes, bytes.length);
                }
            }
            return directory;
        }
    }

    private static InputStream resource(String name) {
        URL url = EmbeddedIndex.class.getClassLoader().getResource(ROOT + "/" + name);
        try {
            return url == null ? null : url.openStream();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@code EmbeddedIndex OUTPUT_DIR}: the build step that writes the index of the embedded corpus,
     * then the tables a start would compute from it ({@link ShippedTables}).
     */
    public static void main(String[] args) throws Exception {
        Logging.start();
        Path out = Path.of(args[0]);
        GenerationStore.deleteTree(out);
        Files.createDirectories(out);
        Corpus corpus = CorpusLoader.load(EmbeddedCorpus.root());
        String fingerprint;
        try (Knowledge knowledge = Knowledge.buildInto(corpus, FSDirectory.open(out))) {
            fingerprint = knowledge.fingerprint(); // built and committed; closing releases the folder
        }
        Files.deleteIfExists(out.resolve("write.lock"));
        List<String> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Files.writeString(out.resolve(FILES), String.join("\n", files) + "\n");

        // What a start analyses when it opens this index (passages, glossary, FAQ examples and answers,
        // cases), recorded by opening it as a start does, from the tables it will have.
        TextAnalysis.Computed computed = TextAnalysis.computed(corpus);
        TextAnalysis recording = TextAnalysis.fromTables(computed.tables());
        recording.recordAnalyses();
        try (Knowledge opened = Knowledge.openVerified(corpus, recording, fingerprint, FSDirectory.open(out))) {
            // opened as a start opens it; closing releases the folder
        }
        ShippedTables tables = new ShippedTables(ShippedFiles.build(), ShippedFiles.list(ShippedFiles.codeSource(), ShippedFiles.CODE),
                ShippedFiles.list(EmbeddedCorpus.source(), ShippedFiles.CORPUS), IndexCodeDigest.current(), fingerprint, corpus,
                recording.withRecordedAnalyses(computed.tables()));
        Files.write(out.resolve(ShippedTables.NAME), tables.encode());
    }
}
