package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.ReindexReport;
import dev.kotae.testing.ChildKotae;
import dev.kotae.testing.CorpusCopies;
import dev.kotae.usage.FileActivityLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 1 end to end: a link {@code documents/env.txt → /proc/self/environ}, then a reindex, made
 * the bot's own token an answer, and the file stayed in the generation's snapshot after the link was
 * removed. The reindex runs in a child JVM that has a token in its environment, as the bot has.
 */
class SecretLinkTest {
    private static final String TOKEN = "xoxb-kotae-link-test-7f3a9c";

    @TempDir
    Path tmp;

    @Test
    void aLinkToProcSelfEnvironNeverMakesTheTokenAnAnswerNorEntersASnapshot() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        assertEquals(ReindexReport.Status.DONE, new GenerationStore(index).reindex(corpus).report().status());
        Files.createSymbolicLink(corpus.resolve("documents/env.txt"), Path.of("/proc/self/environ"));
        Map<String, String> bot = Map.of("SLACK_BOT_TOKEN", TOKEN);

        ChildKotae.Run reindex = ChildKotae.run(tmp.resolve("reindex.log"), bot,
                "reindex", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(1, reindex.exit(), reindex.output());
        assertTrue(reindex.output().contains("documents/env.txt: シンボリックリンクは読みません"), reindex.output());
        assertFalse(reindex.output().contains(TOKEN), reindex.output());

        ChildKotae.Run ask = ChildKotae.run(tmp.resolve("ask.log"), bot,
                "ask", "--json", "--corpus", corpus.toString(), "--index", index.toString(), "SLACK_BOT_TOKEN");
        assertEquals(0, ask.exit(), ask.output());
        assertFalse(ask.output().contains(TOKEN) || ask.output().contains("env.txt"), ask.output());
        assertEquals(1, dev.kotae.cli.KotaeCommand.run("validate", "--corpus", corpus.toString()));

        Files.delete(corpus.resolve("documents/env.txt"));
        assertEquals(ReindexReport.Status.DONE, new GenerationStore(index).reindex(corpus).report().status());
        assertNothingUnderContains(index, TOKEN);
        try (Stream<Path> files = Files.walk(index)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("env.txt")), "no snapshot holds the linked file");
        }
        String audit = Files.readString(index.resolve(FileActivityLog.AUDIT));
        assertTrue(audit.contains("\"result\":\"refused\"") && audit.contains("シンボリックリンクは読みません"), audit);
    }

    @Test
    void aLinkToEtcPasswdIsRefusedByAReindexAndTheServingGenerationStays() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        GenerationStore store = new GenerationStore(index);
        store.reindex(corpus);
        Files.createSymbolicLink(corpus.resolve("documents/users.md"), Path.of("/etc/passwd"));

        ReindexReport report = store.reindex(corpus).report();
        assertEquals(ReindexReport.Status.REFUSED, report.status());
        assertEquals("documents/users.md: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください",
                report.problems().get(0).toString());
        assertEquals(List.of("gen-000001"), store.generations());
        assertFalse(Files.exists(index.resolve("gen-000002.partial")), "a refused reindex leaves nothing behind");
        String firstLine = Files.readAllLines(Path.of("/etc/passwd")).get(0);
        assertNothingUnderContains(index, firstLine);
    }

    @Test
    void watchModeDoesNotPickUpALinkEither() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        KotaeService service = Services.start(corpus, index, AnswerSettings.defaults());
        String serving = service.knowledge().fingerprint();
        Thread watcher = CorpusWatcher.start(corpus, service, Duration.ofMillis(300));
        try {
            Files.createSymbolicLink(corpus.resolve("documents/passwd.txt"), Path.of("/etc/passwd"));
            Path audit = index.resolve(FileActivityLog.AUDIT);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(Files.exists(audit) && Files.readString(audit).contains("\"platform\":\"watch\""))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String log = Files.readString(audit);
            assertTrue(log.contains("\"platform\":\"watch\"") && log.contains("\"result\":\"refused\"")
                    && log.contains("documents/passwd.txt: シンボリックリンクは読みません"), log);
            assertEquals(serving, service.knowledge().fingerprint(), "the serving generation is unchanged");
            Answer root = service.answer("root:x:0:0 とは");
            assertTrue(root.citations().stream().noneMatch(c -> "passwd.txt".equals(c.doc())), root.toString());
        } finally {
            watcher.interrupt();
        }
    }

    private static void assertNothingUnderContains(Path dir, String secret) throws Exception {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                assertFalse(indexOf(bytes, needle) >= 0, file + " holds the secret");
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
