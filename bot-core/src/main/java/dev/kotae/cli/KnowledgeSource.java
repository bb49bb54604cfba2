package dev.kotae.cli;

import dev.kotae.answer.Knowledge;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.FSDirectory;

/**
 * Where the corpus and the index come from: {@code --corpus} / {@code KOTAE_CORPUS_DIR} else the
 * embedded corpus; {@code --index} / {@code KOTAE_INDEX_DIR} else an index in memory.
 */
final class KnowledgeSource {
    private KnowledgeSource() {}

    static Path corpusRoot(Path option) throws IOException {
        if (option != null) {
            return option;
        }
        String env = System.getenv("KOTAE_CORPUS_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env.strip());
        }
        return EmbeddedCorpus.root();
    }

    static Path indexDir(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv("KOTAE_INDEX_DIR");
        return env == null || env.isBlank() ? null : Path.of(env.strip());
    }

    static Corpus loadCorpus(Path corpusOption) throws IOException, CorpusException {
        return CorpusLoader.load(corpusRoot(corpusOption));
    }

    static Knowledge load(Path corpusOption, Path indexOption) throws IOException, CorpusException {
        Corpus corpus = loadCorpus(corpusOption);
        Path index = indexDir(indexOption);
        if (index == null) {
            return Knowledge.build(corpus);
        }
        Files.createDirectories(index);
        return Knowledge.openOrBuild(corpus, FSDirectory.open(index));
    }
}
