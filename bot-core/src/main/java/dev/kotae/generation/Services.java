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

    public static Path corpusRoot(Path option) throws IOException {
        if (option != null) {
            return option;
        }
        String env = System.getenv("KOTAE_CORPUS_DIR");
        return env == null || env.isBlank() ? EmbeddedCorpus.root() : Path.of(env.strip());
    }

    public static Path indexDir(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv("KOTAE_INDEX_DIR");
        return env == null || env.isBlank() ? null : Path.of(env.strip());
    }

    public static KotaeService fromEnvironment() throws Exception {
        KotaeService service = start(null, null, AnswerSettings.fromEnvironment());
        if ("true".equalsIgnoreCase(System.getenv("KOTAE_REINDEX_WATCH"))) {
            Path root = corpusRoot(null);
            if (root.getFileSystem() == FileSystems.getDefault()) {
                CorpusWatcher.start(root, service, CorpusWatcher.QUIET_PERIOD);
            } else {
                LOG.warn("KOTAE_REINDEX_WATCH is set but the corpus is the embedded one; set KOTAE_CORPUS_DIR to watch a folder");
            }
        }
        return service;
    }

    /**
     * The service over {@code corpus} (else the environment's) with generations in {@code index}
     * (else in memory). With an index folder, the serving generation is opened as it is, even when
     * the corpus folder has since been broken: the last good generation keeps serving.
     */
    public static KotaeService start(Path corpusOption, Path indexOption, AnswerSettings settings) throws Exception {
        Path root = corpusRoot(corpusOption);
        Path index = indexDir(indexOption);
        if (index == null) {
            Corpus corpus = CorpusLoader.load(root);
            Reindexer inMemory = () -> {
                long start = System.nanoTime();
                try {
                    Corpus next = CorpusLoader.load(root);
                    return new Reindexer.Rebuilt(ReindexReport.done(next, (System.nanoTime() - start) / 1_000_000, null,
                            Inventory.of(next).changesSince(Inventory.of(corpus))), Knowledge.build(next));
                } catch (CorpusException e) {
                    return new Reindexer.Rebuilt(ReindexReport.refused(e.problems(), (System.nanoTime() - start) / 1_000_000), null);
                }
            };
            return new KotaeService(Knowledge.build(corpus), settings, inMemory, ActivityLog.none());
        }
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
