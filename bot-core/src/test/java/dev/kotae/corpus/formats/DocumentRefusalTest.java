package dev.kotae.corpus.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLimits;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.corpus.SkippedFile;
import dev.kotae.corpus.formats.Fixtures.Body;
import dev.kotae.corpus.formats.Fixtures.Heading;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that cannot be read are refused by name, each for its own reason; files of a type Kotae
 * does not read are listed as skipped; each limit is a named refusal.
 */
class DocumentRefusalTest {
    @TempDir
    Path tmp;

    private Path corpus() throws Exception {
        Path root = tmp.resolve("corpus");
        Files.createDirectories(root.resolve("documents"));
        Files.writeString(root.resolve("documents/memo.md"), "# メモ\n\n正しく読める文書です。\n");
        return root;
    }

    private static CorpusProblem refusedFor(Path root, String file) {
        return refusedFor(root, file, CorpusLimits.defaults());
    }

    private static CorpusProblem refusedFor(Path root, String file, CorpusLimits limits) {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusLoader.load(root, limits));
        return e.problems().stream().filter(p -> p.file().equals("documents/" + file)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem names " + file + ": " + e.problems()));
    }

    private static void pdf(Path file) throws Exception {
        Fixtures.pdfLines(file, List.of(List.of("操作マニュアル", "電源は背面のスイッチで入れます。"), List.of("2ページ目の本文です。")));
    }

    @Test
    void truncatedPdf() throws Exception {
        Path root = corpus();
        Path whole = tmp.resolve("whole.pdf");
        pdf(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(root.resolve("documents/manual.pdf"), Arrays.copyOf(bytes, bytes.length / 2));
        CorpusProblem p = refusedFor(root, "manual.pdf");
        assertTrue(p.message().contains("途中で切れています"), p.toString());
    }

    @Test
    void corruptPdf() throws Exception {
        Path root = corpus();
        Files.writeString(root.resolve("documents/broken.pdf"), "%PDF-1.7\n\u00e2\u00e3garbage garbage\n%%EOF\n", StandardCharsets.ISO_8859_1);
        CorpusProblem p = refusedFor(root, "broken.pdf");
        assertTrue(p.message().contains("PDF として読めません"), p.toString());
    }

    @Test
    void passwordProtectedPdf() throws Exception {
        Path root = corpus();
        Fixtures.passwordPdf(root.resolve("documents/secret.pdf"), List.of(List.of("社外秘の本文です。")));
        CorpusProblem p = refusedFor(root, "secret.pdf");
        assertTrue(p.message().contains("パスワードで保護されています"), p.toString());
    }

    @Test
    void scannedPdfWithoutTextLayer() throws Exception {
        Path root = corpus();
        Fixtures.imageOnlyPdf(root.resolve("documents/scan.pdf"));
        CorpusProblem p = refusedFor(root, "scan.pdf");
        assertTrue(p.message().contains("テキスト層がありません") && p.message().contains("OCR には対応していません"), p.toString());
    }

    @Test
    void passwordProtectedWord() throws Exception {
        Path root = corpus();
        Path plain = tmp.resolve("plain.docx");
        Fixtures.docx(plain, "規程", List.of(new Heading(1, "目的"), new Body("本文")));
        Fixtures.encrypt(plain, root.resolve("documents/policy.docx"));
        CorpusProblem p = refusedFor(root, "policy.docx");
        assertTrue(p.message().contains("パスワードで保護されています"), p.toString());
    }

    @Test
    void truncatedWord() throws Exception {
        Path root = corpus();
        Path whole = tmp.resolve("whole.docx");
        Fixtures.docx(whole, "規程", List.of(new Heading(1, "目的"), new Body("本文")));
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(root.resolve("documents/policy.docx"), Arrays.copyOf(bytes, bytes.length / 2));
        CorpusProblem p = refusedFor(root, "policy.docx");
        assertTrue(p.message().contains("読めません"), p.toString());
    }

    @Test
    void notWhatTheExtensionSays() throws Exception {
        Path root = corpus();
        Files.write(root.resolve("documents/photo.pdf"), Fixtures.png());
        Files.writeString(root.resolve("documents/notes.docx"), "ただのテキストです。");
        Path pdf = tmp.resolve("real.pdf");
        pdf(pdf);
        Files.copy(pdf, root.resolve("documents/manual.txt"));
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusLoader.load(root, CorpusLimits.defaults()));
        for (String name : List.of("photo.pdf", "notes.docx", "manual.txt")) {
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("documents/" + name) && p.message().contains("中身が拡張子と合いません")),
                    name + ": " + e.problems());
        }
    }

    @Test
    void unsupportedTypesAreSkippedAndListedByName() throws Exception {
        Path root = corpus();
        Files.write(root.resolve("documents/photo.png"), Fixtures.png());
        Files.write(root.resolve("documents/archive.zip"), Fixtures.zip("a.txt", "中身"));
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        Files.write(root.resolve("documents/setup.exe"), exe);
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(root.resolve("documents/old.doc"))) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(out);
        }
        Corpus corpus = CorpusLoader.load(root, CorpusLimits.defaults());
        List<String> skipped = corpus.skipped().stream().map(SkippedFile::name).toList();
        assertEquals(List.of("archive.zip", "old.doc", "photo.png", "setup.exe"), skipped);
        assertEquals("image/png", corpus.skipped().get(2).mediaType());
        assertTrue(corpus.skipped().get(1).reason().contains(".docx"), corpus.skipped().get(1).toString());
        assertEquals(List.of("memo.md"), corpus.documents().stream().map(d -> d.name()).toList());
    }

    @Test
    void sizeLimit() throws Exception {
        Path root = corpus();
        Files.writeString(root.resolve("documents/big.md"), "# 大きい\n\n" + "あ。".repeat(300_000));
        CorpusLimits limits = new CorpusLimits(1024 * 1024, 2_000_000, Duration.ofSeconds(60), 256 * CorpusLimits.MB);
        CorpusProblem p = refusedFor(root, "big.md", limits);
        assertTrue(p.message().contains("1ファイルの上限 1 MB を超えています") && p.message().contains("KOTAE_MAX_DOCUMENT_MB"), p.toString());
    }

    @Test
    void extractedCharacterLimit() throws Exception {
        Path root = corpus();
        Path pdf = root.resolve("documents/manual.pdf");
        pdf(pdf);
        CorpusLimits limits = new CorpusLimits(50 * CorpusLimits.MB, 20, Duration.ofSeconds(60), 256 * CorpusLimits.MB);
        CorpusProblem p = refusedFor(root, "manual.pdf", limits);
        assertTrue(p.message().contains("文字数の上限") && p.message().contains("KOTAE_MAX_DOCUMENT_CHARS"), p.toString());
    }

    @Test
    void timeLimit() throws Exception {
        Path root = corpus();
        Fixtures.xlsx(root.resolve("documents/list.xlsx"), "一覧", List.of(List.of("項目", "値"), List.of("a", 1)));
        CorpusLimits limits = new CorpusLimits(50 * CorpusLimits.MB, 2_000_000, Duration.ofNanos(1), 256 * CorpusLimits.MB);
        CorpusProblem p = refusedFor(root, "list.xlsx", limits);
        assertTrue(p.message().contains("時間の上限") && p.message().contains("KOTAE_MAX_DOCUMENT_SECONDS"), p.toString());
    }

    @Test
    void zipBomb() throws Exception {
        Path root = corpus();
        Path plain = tmp.resolve("plain.docx");
        Fixtures.docx(plain, "規程", List.of(new Heading(1, "目的"), new Body("本文")));
        Fixtures.zipBomb(plain, root.resolve("documents/bomb.docx"));
        assertTrue(Files.size(root.resolve("documents/bomb.docx")) < 200_000);
        CorpusProblem p = refusedFor(root, "bomb.docx");
        assertTrue(p.message().contains("zip 爆弾"), p.toString());
    }

    /** Issue 14, finding 6: a 50 MB Markdown document ran for minutes; now the limits refuse it at once. */
    @Test
    void fiftyMegabyteMarkdownIsRefusedByALimitNotParsedForMinutes() throws Exception {
        Path root = corpus();
        String line = "- 項目 **強調** と [リンク](https://example.com) と `code` の行です。\n";
        int lineBytes = line.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder md = new StringBuilder(30 * 1024 * 1024);
        md.append("# 巨大な文書\n\n");
        for (long bytes = 0; bytes < 50L * 1024 * 1024; bytes += lineBytes) {
            md.append(line);
        }
        Files.writeString(root.resolve("documents/huge.md"), md);
        assertTrue(Files.size(root.resolve("documents/huge.md")) >= 50L * 1024 * 1024);
        CorpusProblem p = refusedFor(root, "huge.md", CorpusLimits.defaults());
        assertTrue(p.message().contains("KOTAE_MAX_DOCUMENT"), p.toString());
    }

    @Test
    void everyProblemIsReportedTogether() throws Exception {
        Path root = corpus();
        Fixtures.imageOnlyPdf(root.resolve("documents/scan.pdf"));
        Files.write(root.resolve("documents/photo.pdf"), Fixtures.png());
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusLoader.load(root, CorpusLimits.defaults()));
        assertEquals(List.of("documents/photo.pdf", "documents/scan.pdf"), e.problems().stream().map(CorpusProblem::file).toList());
    }

    @Test
    void limitSettings() {
        CorpusLimits set = CorpusLimits.from(java.util.Map.of("KOTAE_MAX_DOCUMENT_MB", "10", "KOTAE_MAX_DOCUMENT_CHARS", "5000",
                "KOTAE_MAX_DOCUMENT_SECONDS", "5", "KOTAE_MAX_DOCUMENT_PART_MB", "64"));
        assertEquals(new CorpusLimits(10 * CorpusLimits.MB, 5000, Duration.ofSeconds(5), 64 * CorpusLimits.MB), set);
        // A malformed setting keeps the default (logged), as the other KOTAE_ settings do.
        assertEquals(CorpusLimits.defaults(), CorpusLimits.from(java.util.Map.of("KOTAE_MAX_DOCUMENT_CHARS", "lots",
                "KOTAE_MAX_DOCUMENT_SECONDS", "-1")));
    }
}
