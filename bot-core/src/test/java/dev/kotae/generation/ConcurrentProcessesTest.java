package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerKind;
import dev.kotae.testing.ChildKotae;
import dev.kotae.testing.CorpusCopies;
import dev.kotae.usage.FileActivityLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 5 with real processes: two {@code kotae reindex} at once plus a {@code kotae ask}, each a
 * JVM of its own on one index folder. Before the lock, the ask removed the first reindex's
 * {@code .partial} (which then failed, unaudited) and the two reindexes took the same generation
 * number. Now: the ask leaves it alone, the second reindex waits, the newest generation serves and
 * both are audited.
 */
class ConcurrentProcessesTest {
    @TempDir
    Path tmp;

    @Test
    void twoReindexesAndAnAskInSeparateProcesses() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        new GenerationStore(index).reindex(corpus);
        Files.writeString(corpus.resolve("faq/extra.yaml"), CorpusCopies.EXTRA_RULE);
        String[] reindex = {"reindex", "--corpus", corpus.toString(), "--index", index.toString()};
        Path resume = tmp.resolve("resume-first");

        Path firstLog = tmp.resolve("first.log");
        // The first is `kotae reindex` stopped once its index is written (a checkpoint), until `resume` exists.
        Process first = ChildKotae.startMain(firstLog, PausedReindex.class.getName(), corpus.toString(), index.toString(),
                resume.toString());
        Process second = null;
        try {
            waitFor(firstLog, PausedReindex.PAUSED, first);
            Path partial = index.resolve("gen-000002.partial");
            assertTrue(Files.isDirectory(partial));

            Path secondLog = tmp.resolve("second.log");
            second = ChildKotae.start(secondLog, Map.of(), reindex);
            waitFor(secondLog, "being written by another process", second);

            ChildKotae.Run ask = ChildKotae.run(tmp.resolve("ask.log"), Map.of(),
                    "ask", "--corpus", corpus.toString(), "--index", index.toString(), "WAFとは？");
            assertEquals(0, ask.exit(), ask.output());
            assertTrue(ask.output().contains("出典: 用語集「WAF（ワフ）」"), ask.output());
            assertTrue(Files.isDirectory(partial), "the ask left the reindex in progress alone");

            Files.createFile(resume);
            assertTrue(first.waitFor(120, TimeUnit.SECONDS) && second.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, first.exitValue(), Files.readString(firstLog));
            assertEquals(0, second.exitValue(), Files.readString(secondLog));
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
            }
        }

        GenerationStore store = new GenerationStore(index);
        assertEquals(List.of("gen-000001", "gen-000002", "gen-000003"), store.generations());
        assertEquals("gen-000003", store.current().orElseThrow(), "the newest generation serves");
        var serving = store.openServing().orElseThrow();
        assertEquals("gen-000003", serving.name());
        assertEquals(AnswerKind.FAQ, serving.knowledge().answer("社内検証用の合言葉は何ですか").kind(), "nothing was lost");
        List<String> audit = Files.readAllLines(index.resolve(FileActivityLog.AUDIT), StandardCharsets.UTF_8);
        assertEquals(2, audit.stream().filter(l -> l.contains("\"action\":\"reindex\"") && l.contains("\"result\":\"done\"")).count(),
                String.join("\n", audit));
    }

    @Test
    void aReindexThatCannotGetTheFolderInTimeIsToldWhoHoldsItAndIsAudited() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        new GenerationStore(index).reindex(corpus);
        ChildKotae.Run run;
        // This test's JVM is the other process here.
        try (OneWriterTest.HeldByAnotherThread held = new OneWriterTest.HeldByAnotherThread(index, "テスト")) {
            run = ChildKotae.run(tmp.resolve("busy.log"), Map.of("KOTAE_INDEX_LOCK_WAIT_SECONDS", "1"),
                    "reindex", "--corpus", corpus.toString(), "--index", index.toString());
        }
        assertEquals(1, run.exit(), run.output());
        String pid = Long.toString(ProcessHandle.current().pid());
        assertTrue(run.output().contains("kotae: 別の処理（pid " + pid + "、テスト、"), run.output());
        String audit = Files.readString(index.resolve(FileActivityLog.AUDIT), StandardCharsets.UTF_8);
        assertTrue(audit.contains("\"result\":\"already_running\"") && audit.contains("pid " + pid), audit);
    }

    private static void waitFor(Path log, String line, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before printing '" + line + "':\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + line + "' within 90 s:\n" + Files.readString(log));
    }
}
