package dev.kotae.testing;

import dev.kotae.corpus.EmbeddedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A writable copy of the shipped corpus, as an admin would make one. */
public final class CorpusCopies {
    private CorpusCopies() {}

    public static Path of(Path target) throws IOException {
        Path source = EmbeddedCorpus.root();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    /** An FAQ rule the shipped corpus does not have, to tell generations apart. */
    public static final String EXTRA_RULE = """
            - id: test-extra
              questions:
                - 社内検証用の合言葉は何ですか
              answer: 合言葉は資料の2025年の崖の節にあります。
              cite: ["4-2-2"]
            """;
}
