package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.ReindexReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import dev.kotae.testing.CorpusCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationStoreTest {
    @TempDir
    Path tmp;

    @Test
    void reindexSwitchesGenerationsReportsChangesAndRollsBack() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        GenerationStore store = new GenerationStore(tmp.resolve("index"));
        ReindexReport first = store.reindex(corpus).report();
        assertEquals(ReindexReport.Status.DONE, first.status(), first.summary());
        assertEquals("gen-000001", first.generation());
        assertTrue(first.summary().contains("インデックス") && first.summary().contains("用語 82"), first.summary());

        Files.writeString(corpus.resolve("faq/extra.yaml"), CorpusCopies.EXTRA_RULE);
        Files.delete(corpus.resolve("faq/security-terms.yaml"));
        GenerationStore.Outcome second = store.reindex(corpus);
        assertEquals(ReindexReport.Status.DONE, second.report().status(), second.report().summary());
        assertEquals("gen-000002", store.current().orElseThrow());
        String changes = String.join("\n", second.report().changes());
        assertTrue(changes.contains("FAQ +1（test-extra）"), changes);
        assertTrue(changes.contains("−11（"), changes);
        assertEquals(AnswerKind.FAQ, second.loaded().knowledge().answer("社内検証用の合言葉は何ですか").kind());

        var back = store.rollback().orElseThrow();
        assertEquals("gen-000001", back.name());
        assertEquals("gen-000001", store.current().orElseThrow());
        assertEquals(AnswerKind.NONE, back.knowledge().answer("社内検証用の合言葉は何ですか").kind());
    }

    @Test
    void aRefusedCorpusLeavesTheCurrentGenerationServing() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        GenerationStore store = new GenerationStore(tmp.resolve("index"));
        store.reindex(corpus);
        Files.writeString(corpus.resolve("faq/broken.yaml"), """
                - id: seme-it-investment
                  questions: [重複した質問]
                  answer: 重複
                  cite: ["4-2-1"]
                - id: bad-regex
                  questions: [正規表現]
                  patterns: ["(("]
                  answer: 何か
                  cite: ["4-2-1"]
                - id: unknown-cite
                  questions: [未知の出典]
                  answer: 何か
                  cite: ["glossary:存在しない用語"]
                """);
        ReindexReport refused = store.reindex(corpus).report();
        assertEquals(ReindexReport.Status.REFUSED, refused.status());
        String problems = refused.summary();
        assertTrue(problems.contains("id「seme-it-investment」が重複しています（最初は faq/broken.yaml:1）"), problems);
        assertTrue(problems.contains("faq/broken.yaml:7: ルール「bad-regex」：パターン「((」は正規表現として読めません"), problems);
        assertTrue(problems.contains("faq/broken.yaml:10:") && problems.contains("存在しない用語"), problems);
        assertEquals("gen-000001", store.current().orElseThrow());
        assertEquals(List.of("gen-000001"), store.generations());
        assertEquals(AnswerKind.GLOSSARY, store.openServing().orElseThrow().knowledge().answer("WAFとは").kind());
    }

    @Test
    void aFailedSmokeCheckIsRefusedWithFileAndLine() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("faq/steals.yaml"), """
                - id: steals-waf
                  questions: [WAFとは]
                  answer: これは用語集と食い違う答えです。
                  cite: ["4-2-2"]
                """);
        ReindexReport refused = new GenerationStore(tmp.resolve("index")).reindex(corpus).report();
        assertEquals(ReindexReport.Status.REFUSED, refused.status());
        assertTrue(refused.summary().contains("faq/steals.yaml:1: FAQ ルール「steals-waf」：例の質問「WAFとは」に別のものが答えます（glossary、用語集「WAF（ワフ）」）"),
                refused.summary());
    }

    @Test
    void aCorruptedSegmentIsDetectedAndTheLastGoodGenerationServes() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        GenerationStore store = new GenerationStore(tmp.resolve("index"));
        store.reindex(corpus);
        Files.writeString(corpus.resolve("faq/extra.yaml"), CorpusCopies.EXTRA_RULE);
        store.reindex(corpus);
        assertEquals("gen-000002", store.current().orElseThrow());

        Path segment = largestFile(tmp.resolve("index/gen-000002/index"));
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(segment, bytes);

        var serving = new GenerationStore(tmp.resolve("index")).openServing().orElseThrow();
        assertEquals("gen-000001", serving.name());
        assertEquals("gen-000001", store.current().orElseThrow());
        assertEquals(AnswerKind.GLOSSARY, serving.knowledge().answer("WAFとは").kind());
    }

    @Test
    void withNoUsableGenerationTheIndexIsRebuiltFromTheCorpus() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        GenerationStore store = new GenerationStore(tmp.resolve("index"));
        store.reindex(corpus);
        deleteTree(tmp.resolve("index/gen-000001/index"));
        var knowledge = Services.openOrBuild(new GenerationStore(tmp.resolve("index")), corpus);
        assertEquals(AnswerKind.GLOSSARY, knowledge.answer("WAFとは").kind());
        assertEquals("gen-000002", store.current().orElseThrow());
    }

    @Test
    void threeGenerationsAreKept() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        GenerationStore store = new GenerationStore(tmp.resolve("index"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(corpus.resolve("synonyms.txt"), "\nテスト語" + i + ", test" + i + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            assertEquals(ReindexReport.Status.DONE, store.reindex(corpus).report().status());
        }
        assertEquals(List.of("gen-000002", "gen-000003", "gen-000004"), store.generations());
    }

    private static Path largestFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("segments") && !p.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        GenerationStore.deleteTree(root);
        assertFalse(Files.exists(root));
        assertNull(null);
        assertNotNull(root);
    }

    /** After a deploy whose analysis differs, the served corpus is reindexed by the new build, not served stale. */
    @Test
    void anIndexWrittenByAnotherBuildIsRebuiltFromItsOwnSnapshot() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        GenerationStore store = new GenerationStore(tmp.resolve("index"));
        store.reindex(corpus).loaded().knowledge().close();
        stampAsAnotherBuild(tmp.resolve("index/gen-000001/index"));
        // The admin's folder is broken now: the rebuild must come from the generation's own snapshot.
        Files.writeString(corpus.resolve("faq/broken.yaml"), "- id: [\n");

        GenerationStore.Loaded serving = store.openServing().orElseThrow();

        assertEquals("gen-000002", serving.name());
        assertEquals("gen-000002", store.current().orElseThrow());
        assertEquals(AnswerKind.GLOSSARY, serving.knowledge().answer("WAFとは").kind());
        serving.knowledge().close();
        var again = store.openServing().orElseThrow();
        assertEquals("gen-000002", again.name(), "the rebuilt generation is served as it is from then on");
        again.knowledge().close();
    }

    private static void stampAsAnotherBuild(Path index) throws IOException {
        try (var dir = org.apache.lucene.store.FSDirectory.open(index);
                var writer = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig()
                        .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
            var data = new java.util.HashMap<String, String>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            assertNotNull(data.put("kotae.code.digest", "000000000000"), "indexes carry the code digest");
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }
}
