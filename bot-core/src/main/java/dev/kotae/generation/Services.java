package dev.kotae.generation;

import dev.kotae.answer.ActivityLog;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.ReindexReport;
import dev.kotae.answer.Reindexer;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import dev.kotae.settings.CoreSettings;
import dev.kotae.usage.FileActivityLog;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the shared service from the environment, as adapters and the CLI start it. */
public final class Services {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private Services() {}

    /** The corpus folder: the command line's, else {@code KOTAE_CORPUS_DIR}'s, else the embedded corpus. */
    public static Path corpusRoot(Path option, CoreSettings settings) throws IOException {
        if (option != null) {
            return option;
        }
        return settings.corpusDir() != null ? settings.corpusDir() : EmbeddedCorpus.root();
    }

    /** The index folder: the command line's, else {@code KOTAE_INDEX_DIR}'s, else null (in memory). */
    public static Path indexDir(Path option, CoreSettings settings) {
        return option != null ? option : settings.indexDir();
    }

    /** The service the adapters start with, from settings checked at start-up (see {@link CoreSettings}). */
    public static KotaeService fromEnvironment() throws Exception {
        return start(CoreSettings.fromEnvironment());
    }

    public static KotaeService start(CoreSettings settings) throws Exception {
        KotaeService service = start(settings.corpusDir(), settings.indexDir(), settings.answer());
        if (settings.reindexWatch()) {
            Path root = corpusRoot(null, settings);
            if (root.getFileSystem() == FileSystems.getDefault()) {
                CorpusWatcher.start(root, service, CorpusWatcher.QUIET_PERIOD);
            } else {
                LOG.warn("KOTAE_REINDEX_WATCH is set but the corpus is the embedded one; set KOTAE_CORPUS_DIR to watch a folder");
            }
        }
        return service;
    }

    /**
     * The service over {@code corpus} (else the embedded corpus) with generations in {@code index}
     * (else in memory). With an index folder, the serving generation is opened as it is, even when
     * the corpus folder has since been broken: the last good generation keeps serving.
     */
    public static KotaeService start(Path corpusOption, Path indexOption, AnswerSettings settings) throws Exception {
        boolean embedded = isEmbedded(corpusOption);
        KuromojiPreload.start();
        if (indexOption == null) {
            return inMemory(corpusOption, embedded, settings);
        }
        Path root = corpusOption != null ? corpusOption : EmbeddedCorpus.root();
        Path index = indexOption;
        GenerationStore store = new GenerationStore(index);
        Knowledge serving = openOrBuild(store, root);
        Reindexer onDisk = new Reindexer() {
            @Override
            public Rebuilt rebuild() throws Exception {
                GenerationStore.Outcome outcome = store.reindex(root);
                return new Rebuilt(outcome.report(), outcome.loaded() == null ? null : outcome.loaded().knowledge());
            }

            @Override
            public Optional<RolledBack> rollback() throws Exception {
                String from = store.current().orElse("?");
                return store.rollback().map(loaded -> new RolledBack(loaded.knowledge(), from, loaded.name()));
            }
        };
        return new KotaeService(serving, settings, onDisk, new FileActivityLog(index));
    }

    /** Whether the option names the embedded corpus: none given, or the embedded corpus's own path. */
    private static boolean isEmbedded(Path corpusOption) throws IOException {
        // Only a path into the jar can be the embedded corpus; asking opens the jar as a file system.
        return corpusOption == null
                || (corpusOption.getFileSystem() != FileSystems.getDefault() && corpusOption.equals(EmbeddedCorpus.root()));
    }

    /** The service over a corpus with generations in memory, the reindex reading the corpus folder again. */
    private static KotaeService inMemory(Path corpusOption, boolean embedded, AnswerSettings settings) throws Exception {
        // The embedded corpus comes with everything a start computes from it (EmbeddedIndex): nothing is
        // read but the jar's resources. Any other corpus is read; the shipped index also serves an
        // unchanged copy of the embedded one (the fingerprint is of the content), others are indexed here.
        Knowledge knowledge = embedded ? EarlyGeneration.openEmbedded().orElse(null) : null;
        if (knowledge == null) {
            Path root = corpusOption != null ? corpusOption : EmbeddedCorpus.root();
            // The shipped corpus passed every check, the FAQ pattern probes included, when the build
            // indexed it (EmbeddedIndex): a start does not probe it again (~0.1 s of a cold ask).
            Corpus read = embedded ? CorpusLoader.loadAccepted(root) : CorpusLoader.load(root);
            knowledge = EmbeddedIndex.open(read).orElseGet(() -> Knowledge.build(read));
        }
        Corpus corpus = knowledge.corpus();
        Reindexer inMemory = () -> {
            long start = System.nanoTime();
            try {
                Corpus next = CorpusLoader.load(corpusOption != null ? corpusOption : EmbeddedCorpus.root());
                return new Reindexer.Rebuilt(ReindexReport.done(next, (System.nanoTime() - start) / 1_000_000, null,
                        Inventory.of(next).changesSince(Inventory.of(corpus))), Knowledge.build(next));
            } catch (CorpusException e) {
                return new Reindexer.Rebuilt(ReindexReport.refused(e.problems(), (System.nanoTime() - start) / 1_000_000), null);
            }
        };
        return new KotaeService(knowledge, settings, inMemory, ActivityLog.none());
    }

    /** The serving generation, or a first one built from the corpus when the folder has none. */
    public static Knowledge openOrBuild(GenerationStore store, Path root) throws IOException, CorpusException {
        Optional<GenerationStore.Loaded> loaded = store.openServing();
        if (loaded.isPresent()) {
            LOG.info("serving index generation {}", loaded.get().name());
            return loaded.get().knowledge();
        }
        LOG.warn("no usable index generation in {}; building one from the corpus", store.dir());
        GenerationStore.Outcome outcome = store.reindexAtStart(root);
        if (outcome.loaded() == null) {
            throw new CorpusException(outcome.report().problems());
        }
        return outcome.loaded().knowledge();
    }
}
