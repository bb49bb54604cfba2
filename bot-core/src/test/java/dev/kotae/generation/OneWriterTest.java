package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.ReindexReport;
import dev.kotae.testing.CorpusCopies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per index folder (finding 5), within one process: the lock, its waits and its messages. */
class OneWriterTest {
    @TempDir
    Path tmp;

    @Test
    void whileAWriterHoldsTheFolderAStartLeavesItsPartialAloneAndOthersAreToldWhoWrites() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        new GenerationStore(index).reindex(corpus);
        Path inProgress = Files.createDirectories(index.resolve("gen-000002.partial/index"));

        try (HeldByAnotherThread held = new HeldByAnotherThread(index, "reindex")) {
            GenerationStore other = new GenerationStore(index, Duration.ofMillis(300));
            var serving = other.openServing().orElseThrow();
            assertEquals("gen-000001", serving.name());
            assertTrue(Files.isDirectory(inProgress), "another writer's generation in progress is not removed");
            assertEquals(AnswerKind.GLOSSARY, serving.knowledge().answer("WAFとは").kind());

            ReindexReport busy = other.reindex(corpus).report();
            assertEquals(ReindexReport.Status.ALREADY_RUNNING, busy.status());
            assertTrue(busy.summary().matches("別の処理（pid \\d+、reindex、[0-9:]+ から）がこのインデックスフォルダを更新中です。終わってから、もう一度実行してください。"),
                    busy.summary());
            IndexLock.BusyException rollback = assertThrows(IndexLock.BusyException.class, other::rollback);
            assertTrue(rollback.getMessage().contains("更新中です"), rollback.getMessage());
            assertEquals(1, other.generations().size(), "nothing was built or removed meanwhile");
        }

        GenerationStore afterwards = new GenerationStore(index, Duration.ofMillis(300));
        afterwards.openServing().orElseThrow();
        assertFalse(Files.exists(inProgress), "with nobody writing, an unfinished generation is a leftover and is removed");
    }

    @Test
    void aSecondWriterWaitsForTheFirstAndBothFinish() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        GenerationStore store = new GenerationStore(index, Duration.ofSeconds(60));
        store.reindex(corpus);
        CompletableFuture<ReindexReport> second;
        try (HeldByAnotherThread held = new HeldByAnotherThread(index, "test")) {
            second = CompletableFuture.supplyAsync(() -> {
                try {
                    return store.reindex(corpus).report();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(500);
            assertFalse(second.isDone(), "it waits while the folder is held");
        }
        assertEquals(ReindexReport.Status.DONE, second.get(60, TimeUnit.SECONDS).status());
        assertEquals("gen-000002", store.current().orElseThrow());
    }

    @Test
    void currentOnlyMovesForwardExceptByARollback() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        GenerationStore store = new GenerationStore(index);
        store.reindex(corpus);
        store.reindex(corpus);
        assertEquals("gen-000001", store.rollback().orElseThrow().name());
        assertEquals("gen-000001", store.current().orElseThrow());
        // A reindex after a rollback still numbers above every generation, so CURRENT moves forward.
        assertEquals("gen-000003", store.reindex(corpus).report().generation());
        // CURRENT naming a generation whose folder is gone still counts: the next one is numbered above it.
        Files.writeString(index.resolve("CURRENT"), "gen-000009\n");
        assertEquals("gen-000010", store.reindex(corpus).report().generation());
        assertEquals("gen-000010", store.current().orElseThrow());
    }

    /** The folder's lock, held by a thread of its own (the lock orders threads, not calls of one thread). */
    static final class HeldByAnotherThread implements AutoCloseable {
        private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final CompletableFuture<Void> holder;

        HeldByAnotherThread(Path index, String purpose) throws Exception {
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            holder = CompletableFuture.runAsync(() -> {
                try (IndexLock lock = IndexLock.acquire(index, purpose, Duration.ZERO)) {
                    held.countDown();
                    release.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(held.await(10, TimeUnit.SECONDS), "the lock was taken");
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }
}
