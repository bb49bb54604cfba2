package dev.kotae.generation;

import dev.kotae.answer.Knowledge;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import dev.kotae.settings.Logging;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 */
public final class EmbeddedIndex {
    static final String ROOT = "kotae-index";
    /** Lists the index's files, written last: a folder without it is not a finished index. */
    static final String FILES = "FILES";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedIndex.class);

    private EmbeddedIndex() {}

    /** The generation of the embedded corpus from the shipped index, or empty when there is none that fits. */
    public static Optional<Knowledge> open(Corpus corpus) {
        try (InputStream list = resource(FILES)) {
            if (list == null) {
                return Optional.empty();
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
            return Optional.of(Knowledge.openVerified(corpus, directory));
        } catch (IOException | RuntimeException e) {
            LOG.debug("the shipped index of the embedded corpus is not used: {}", e.getMessage());
            return Optional.empty();
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

    /** {@code EmbeddedIndex OUTPUT_DIR}: the build step that writes the index of the embedded corpus. */
    public static void main(String[] args) throws Exception {
        Logging.start();
        Path out = Path.of(args[0]);
        GenerationStore.deleteTree(out);
        Files.createDirectories(out);
        Corpus corpus = CorpusLoader.load(EmbeddedCorpus.root());
        try (Knowledge knowledge = Knowledge.buildInto(corpus, FSDirectory.open(out))) {
            // built and committed; closing releases the folder
        }
        Files.deleteIfExists(out.resolve("write.lock"));
        List<String> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Files.writeString(out.resolve(FILES), String.join("\n", files) + "\n");
    }
}
