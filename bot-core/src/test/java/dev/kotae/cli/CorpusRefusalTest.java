package dev.kotae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.kotae.testing.CorpusCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad corpus is refused whole, every problem as file:line: message, and the command exits 1. */
class CorpusRefusalTest {
    @TempDir
    Path dir;

    private Path copyOfEmbeddedCorpus() throws IOException {
        return CorpusCopies.of(dir);
    }

    @Test
    void theShippedCorpusValidates() throws Exception {
        assertEquals(0, KotaeCommand.run("validate", "--corpus", copyOfEmbeddedCorpus().toString()));
    }

    @Test
    void brokenFaqFilesAreRefusedWithFileAndLine() throws Exception {
        Path corpus = copyOfEmbeddedCorpus();
        Files.writeString(corpus.resolve("faq/broken.yaml"), """
                - id: broken-regex
                  questions: [壊れた質問]
                  patterns: ["(未完"]
                  answer: 何か
                  cite: ["4-2-2"]
                - id: unknown-cite
                  questions: [存在しない出典]
                  answer: 何か
                  cite: ["9-9-9"]
                - id: empty-answer
                  questions: [空の答え]
                  answer: ""
                  cite: ["4-2-2"]
                """);
        CorpusException refused = assertThrows(CorpusException.class, () -> CorpusLoader.load(corpus));
        String report = refused.getMessage();
        assertTrue(report.contains("faq/broken.yaml:3:"), report);
        assertTrue(report.contains("faq/broken.yaml:6:") && report.contains("9-9-9"), report);
        assertTrue(report.contains("faq/broken.yaml:12:") || report.contains("faq/broken.yaml:10:"), report);
        assertEquals(1, KotaeCommand.run("validate", "--corpus", corpus.toString()));
        assertEquals(1, KotaeCommand.run("reindex", "--corpus", corpus.toString()));
    }

    @Test
    void malformedYamlAndNonUtf8AreRefused() throws Exception {
        Path corpus = copyOfEmbeddedCorpus();
        Files.writeString(corpus.resolve("faq/bad.yaml"), "- id: x\n  questions: [a\n  answer: b\n");
        Files.write(corpus.resolve("documents/latin1.txt"), new byte[] {'o', 'k', '\n', (byte) 0xe9, '\n'});
        CorpusException refused = assertThrows(CorpusException.class, () -> CorpusLoader.load(corpus));
        assertTrue(refused.problems().stream().anyMatch(p -> p.file().equals("faq/bad.yaml") && p.line() > 0), refused.getMessage());
        assertTrue(refused.problems().stream().anyMatch(p -> p.toString().equals("documents/latin1.txt:2: UTF-8 のテキストではありません。UTF-8 で保存してください")),
                refused.getMessage());
    }

    @Test
    void aFolderWithoutDocumentsIsNotACorpus() {
        CorpusException refused = assertThrows(CorpusException.class, () -> CorpusLoader.load(dir));
        assertTrue(refused.getMessage().contains("documents/ フォルダがありません"));
    }
}
