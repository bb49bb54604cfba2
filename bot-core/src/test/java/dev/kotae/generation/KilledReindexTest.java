package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.kotae.testing.CorpusCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reindex in a child JVM killed with SIGKILL half-way: the restart serves the last good generation. */
class KilledReindexTest {
    @TempDir
    Path tmp;

    @Test
    void sigkillMidReindexLeavesTheLastGoodGenerationServing() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        new GenerationStore(index).reindex(corpus);
        Files.writeString(corpus.resolve("faq/extra.yaml"), CorpusCopies.EXTRA_RULE);

        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                PausedReindex.class.getName(), corpus.toString(), index.toString()))
                .redirectErrorStream(true);
        Process child = builder.start();
        try {
            CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.contains(PausedReindex.PAUSED)) {
                            return true;
                        }
                    }
                } catch (java.io.IOException e) {
                    return false;
                }
                return false;
            });
            assertTrue(paused.get(90, TimeUnit.SECONDS), "the child never reached the middle of its reindex");
            assertTrue(Files.isDirectory(index.resolve("gen-000002.partial")));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
        } finally {
            child.destroyForcibly();
        }

        GenerationStore restarted = new GenerationStore(index);
        var serving = restarted.openServing().orElseThrow();
        assertEquals("gen-000001", serving.name());
        assertFalse(Files.exists(index.resolve("gen-000002.partial")), "the unfinished generation is cleaned up");
        assertEquals(AnswerKind.NONE, serving.knowledge().answer("社内検証用の合言葉は何ですか").kind());
        assertEquals(AnswerKind.GLOSSARY, serving.knowledge().answer("WAFとは").kind());
    }
}
