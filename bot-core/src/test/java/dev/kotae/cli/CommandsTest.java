package dev.kotae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.EmbeddedCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.kotae.testing.CorpusCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kotae commands as a person runs them: what they print and how they exit. */
class CommandsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    @BeforeEach
    void capture() {
        savedOut = KotaeCommand.OUT;
        savedErr = KotaeCommand.ERR;
        savedIn = KotaeCommand.IN;
        KotaeCommand.OUT = new PrintStream(out, true, StandardCharsets.UTF_8);
        KotaeCommand.ERR = new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    @AfterEach
    void restore() {
        KotaeCommand.OUT = savedOut;
        KotaeCommand.ERR = savedErr;
        KotaeCommand.IN = savedIn;
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path copyOfEmbeddedCorpus() throws IOException {
        return CorpusCopies.of(dir.resolve("corpus"));
    }

    @Test
    void askPrintsTheAnswerAndItsSources() {
        assertEquals(0, KotaeCommand.run("ask", "WAFとは？"));
        assertTrue(printed().startsWith("WAF（ワフ）：Web Application Firewallの略。"), printed());
        assertTrue(printed().contains("出典: 用語集「WAF（ワフ）」"), printed());
    }

    @Test
    void askCitesTextSectionAndPage() {
        assertEquals(0, KotaeCommand.run("ask", "2025年の崖って何？"));
        assertTrue(printed().contains("出典: テキスト 4-2-2 ") && printed().contains("（第4章 – 07）"), printed());
    }

    @Test
    void chatAnswersUntilExit() {
        KotaeCommand.IN = new ByteArrayInputStream("WAFとは？\n\nヘルプ\nexit\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, KotaeCommand.run("chat"));
        String session = printed();
        assertTrue(session.contains("出典: 用語集「WAF（ワフ）」"), session);
        assertTrue(session.contains("Kotae（答え）は社内資料から答える"), session);
        assertTrue(session.strip().endsWith("またどうぞ。"), session);
    }

    @Test
    void aMarkdownPolicyAddedByAnAdminIsAnswered() throws IOException {
        Path corpus = copyOfEmbeddedCorpus();
        Files.writeString(corpus.resolve("documents/policy.md"), """
                # 情報セキュリティ社内規程

                ## 9-1-1. パスワードの管理

                パスワードは12文字以上とし、英大文字・英小文字・数字・記号を組み合わせます。
                パスワードを他人に教えてはいけません。

                ## 9-1-2. 持ち出しPCの管理

                社外に持ち出すPCは、ディスク全体を暗号化し、画面ロックを5分で設定します。
                """);
        assertEquals(0, KotaeCommand.run("validate", "--corpus", corpus.toString()));
        assertTrue(printed().contains("文書 3"), printed());
        assertEquals(0, KotaeCommand.run("ask", "--corpus", corpus.toString(), "パスワードは何文字以上にする？"));
        assertTrue(printed().contains("12文字以上") && printed().contains("出典: policy.md 9-1-1 パスワードの管理"), printed());
    }

    @Test
    void anAdminReindexesFromTheCommandLineAndABrokenCorpusChangesNothing() throws IOException {
        Path corpus = copyOfEmbeddedCorpus();
        Path index = dir.resolve("index");
        assertEquals(0, KotaeCommand.run("reindex", "--corpus", corpus.toString(), "--index", index.toString()));
        assertTrue(printed().contains("インデックスを再作成しました（gen-000001）") && printed().contains("用語 82"), printed());
        Map<Path, FileTime> first = files(index.resolve("gen-000001/index"));
        out.reset();
        assertEquals(0, KotaeCommand.run("ask", "--corpus", corpus.toString(), "--index", index.toString(), "WAFとは？"));
        String before = printed();
        assertEquals(first, files(index.resolve("gen-000001/index")), "asking reuses the serving generation as it is");

        Files.writeString(corpus.resolve("documents/policy.md"), "# 社内規程\n\n## 9-1-1. パスワードの管理\n\nパスワードは12文字以上とします。\n");
        assertEquals(0, KotaeCommand.run("reindex", "--corpus", corpus.toString(), "--index", index.toString()));
        assertTrue(printed().contains("文書 +1（policy.md）"), printed());
        out.reset();
        assertEquals(0, KotaeCommand.run("ask", "--corpus", corpus.toString(), "--index", index.toString(), "パスワードは何文字以上？"));
        assertTrue(printed().contains("12文字以上"), printed());

        Files.writeString(corpus.resolve("faq/broken.yaml"), "- id: x\n  questions: [a\n");
        assertEquals(1, KotaeCommand.run("reindex", "--corpus", corpus.toString(), "--index", index.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("faq/broken.yaml:"), err.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, KotaeCommand.run("ask", "--corpus", corpus.toString(), "--index", index.toString(), "WAFとは？"));
        assertEquals(before, printed(), "the broken corpus did not change the answers");

        out.reset();
        assertEquals(0, KotaeCommand.run("rollback", "--index", index.toString()));
        assertTrue(printed().contains("gen-000002 から gen-000001"), printed());
        out.reset();
        assertEquals(0, KotaeCommand.run("report", "unanswered", "--index", index.toString()));
        assertTrue(printed().contains("FAQ の候補"), printed());
    }

    @Test
    void aBadOptionIsAClearErrorNotAStackTrace() {
        assertEquals(1, KotaeCommand.run("ask", "--corpus", dir.resolve("missing").toString(), "WAF"));
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.contains("documents/ フォルダがありません"), error);
        assertTrue(!error.contains("Exception") && !error.contains("\tat "), error);
        assertEquals(2, KotaeCommand.run("no-such-command"));
    }

    /** KOTAE_MIN_CONFIDENCE=abc was silently ignored: now it stops the command before anything runs. */
    @Test
    void aMalformedSettingStopsEveryCommandWithOneLineAndExitTwo() {
        assertEquals(2, KotaeCommand.run(Map.of("KOTAE_MIN_CONFIDENCE", "abc"), "ask", "WAFとは？"));
        assertEquals("kotae: KOTAE_MIN_CONFIDENCE の値「abc」は 0 から 1 の数にしてください（例: KOTAE_MIN_CONFIDENCE=0.5）\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", printed());
    }

    @Test
    void reportSinceTakesDatesAndRelativeFormsOrSaysWhichItTakes() throws IOException {
        Path index = Files.createDirectories(dir.resolve("index"));
        for (String since : new String[] {"2026-11-01", "today", "yesterday", "7d", "2w", "昨日", "7日"}) {
            out.reset();
            assertEquals(0, KotaeCommand.run(Map.of(), "report", "unanswered", "--index", index.toString(), "--since", since), since);
            assertTrue(printed().contains("FAQ の候補"), printed());
        }
        assertEquals(2, KotaeCommand.run(Map.of(), "report", "unanswered", "--index", index.toString(), "--since", "last tuesday"));
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.startsWith("kotae: --since の「last tuesday」は日付として読めません。") && error.contains("yesterday")
                && error.contains("7d"), error);
        assertTrue(!error.contains("Exception") && !error.contains("LocalDate"), error);
    }

    @Test
    void adminMessagesAreInJapanese() throws IOException {
        Path corpus = copyOfEmbeddedCorpus();
        Path index = dir.resolve("index");
        assertEquals(0, KotaeCommand.run(Map.of(), "reindex", "--corpus", corpus.toString(), "--index", index.toString()));
        assertTrue(printed().contains("前回からの変更：\n最初の世代のため、比べる前の世代がありません"), printed());
        assertEquals(1, KotaeCommand.run(Map.of(), "rollback", "--index", index.toString()));
        assertEquals(1, KotaeCommand.run(Map.of(), "rollback"));
        assertEquals(2, KotaeCommand.run(Map.of(), "report", "weekly", "--index", index.toString()));
        assertEquals(1, KotaeCommand.run(Map.of(), "report", "unanswered"));
        assertEquals(List.of("kotae: 戻せる前の世代がありません（今の世代：gen-000001）。",
                "kotae: 戻すにはインデックスのフォルダが要ります。--index DIR を指定するか、KOTAE_INDEX_DIR を設定してください。",
                "kotae: 「weekly」というレポートはありません。unanswered か feedback を指定してください。",
                "kotae: レポートはインデックスのフォルダの記録から作ります。--index DIR を指定するか、KOTAE_INDEX_DIR を設定してください。"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static Map<Path, FileTime> files(Path index) throws IOException {
        Map<Path, FileTime> files = new HashMap<>();
        try (Stream<Path> s = Files.list(index)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName(), Files.getLastModifiedTime(p));
            }
        }
        return files;
    }
}
