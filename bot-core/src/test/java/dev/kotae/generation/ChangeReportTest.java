package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.ReindexReport;
import dev.kotae.testing.CorpusCopies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reindex report's "what changed" compares content: an item is {@code ~} only when its content changed. */
class ChangeReportTest {
    static final String POLICY = """
            # 社内規程

            ## 9-1-1. パスワードの決まり

            パスワードは12文字以上にしてください。
            """;

    @TempDir
    Path tmp;

    @Test
    void addingOneMarkdownFileReportsOnlyThatAdditionAcrossProcesses() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        // The first generation is written by another JVM, as `kotae reindex` run twice from a shell does.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.kotae.cli.KotaeCommand", "reindex", "--corpus", corpus.toString(), "--index", index.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.txt").toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child reindex did not finish");
        String first = Files.readString(tmp.resolve("child.txt"));
        assertEquals(0, child.exitValue(), first);
        assertTrue(first.contains("前回からの変更：\n最初の世代のため、比べる前の世代がありません"), first);

        Files.writeString(corpus.resolve("documents/policy.md"), POLICY);
        ReindexReport second = new GenerationStore(index).reindex(corpus).report();
        assertEquals(ReindexReport.Status.DONE, second.status(), second.summary());
        assertEquals(List.of("文書 +1（policy.md）", "セクション +2（policy.md 9-1-1、policy.md 社内規程）"), second.changes(),
                second.summary());

        ReindexReport same = new GenerationStore(index).reindex(corpus).report();
        assertEquals(List.of(), same.changes(), same.summary());
        assertTrue(same.summary().endsWith("前回からの変更：なし"), same.summary());
    }

    @Test
    void editedContentIsChangedAndMovedContentIsNot() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("documents/policy.md"), POLICY);
        GenerationStore store = new GenerationStore(tmp.resolve("index"));
        store.reindex(corpus);

        // Blank lines above a section move every line number below them, but change no content.
        Files.writeString(corpus.resolve("documents/policy.md"), "\n\n\n" + POLICY);
        assertEquals(List.of(), store.reindex(corpus).report().changes());

        Files.writeString(corpus.resolve("documents/policy.md"), POLICY.replace("12文字", "14文字"));
        assertEquals(List.of("文書 ~1（policy.md）", "セクション ~1（policy.md 9-1-1）"), store.reindex(corpus).report().changes());

        Path faq = corpus.resolve("faq/security-terms.yaml");
        String rules = Files.readString(faq);
        Files.writeString(faq, rules.replaceFirst("answer: ", "answer: （改訂）"));
        List<String> changes = store.reindex(corpus).report().changes();
        assertEquals(1, changes.size(), changes.toString());
        assertTrue(changes.get(0).matches("FAQ ~1（[^、]+）"), changes.toString());
    }

    @Test
    void anInventoryOfAnOlderFormatIsWorkedOutAgainFromItsGenerationsCorpus() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        GenerationStore store = new GenerationStore(tmp.resolve("index"));
        String first = store.reindex(corpus).report().generation();
        // As an older build wrote it: Java hash codes, no format.
        Files.writeString(tmp.resolve("index").resolve(first).resolve("inventory.json"),
                "{\"documents\":{\"seminar-text-ch4.txt\":12345},\"cases\":{}}");
        Files.writeString(corpus.resolve("documents/policy.md"), POLICY);
        List<String> changes = store.reindex(corpus).report().changes();
        assertEquals(List.of("文書 +1（policy.md）", "セクション +2（policy.md 9-1-1、policy.md 社内規程）"), changes);
    }
}
