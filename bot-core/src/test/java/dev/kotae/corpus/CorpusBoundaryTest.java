package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kotae.testing.CorpusCopies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 1 of the attack review: the loader followed symbolic links out of the corpus folder, so a
 * link to /etc/passwd or /proc/self/environ became answers. Now every link and every non-regular file
 * is a named problem that refuses the corpus, and no file is read past the size limit.
 */
class CorpusBoundaryTest {
    @TempDir
    Path tmp;

    private static List<String> problems(CorpusException e) {
        return e.problems().stream().map(CorpusProblem::toString).toList();
    }

    @Test
    void linksToEtcPasswdAndProcEnvironAreRefusedByName() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Files.createSymbolicLink(corpus.resolve("documents/passwd.txt"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(corpus.resolve("documents/env.txt"), Path.of("/proc/self/environ"));
        Files.createSymbolicLink(corpus.resolve("faq/system.yaml"), Path.of("/etc/passwd"));
        Files.delete(corpus.resolve("synonyms.txt"));
        Files.createSymbolicLink(corpus.resolve("synonyms.txt"), Path.of("/etc/hostname"));

        CorpusException refused = assertThrows(CorpusException.class, () -> CorpusLoader.load(corpus));
        assertEquals(List.of(
                "documents/env.txt: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください",
                "documents/passwd.txt: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください",
                "faq/system.yaml: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください",
                "synonyms.txt: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください"),
                problems(refused));
    }

    @Test
    void aLinkWithAnyNameAndALinkedFolderAreRefusedToo() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        // Not a .txt or .md name: it would not be read today, but a reader added tomorrow would.
        Files.createSymbolicLink(corpus.resolve("documents/keys.pdf"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(corpus.resolve("documents/etc"), Path.of("/etc"));
        assertEquals(List.of(
                "documents/etc: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください",
                "documents/keys.pdf: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください"),
                problems(assertThrows(CorpusException.class, () -> CorpusLoader.load(corpus))));

        Path linkedFaq = CorpusCopies.of(tmp.resolve("second"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("x.yaml"), "[]\n");
        deleteTree(linkedFaq.resolve("faq"));
        Files.createSymbolicLink(linkedFaq.resolve("faq"), elsewhere);
        assertEquals(List.of("faq: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください"),
                problems(assertThrows(CorpusException.class, () -> CorpusLoader.load(linkedFaq))));

        Path linkedDocuments = CorpusCopies.of(tmp.resolve("third"));
        deleteTree(linkedDocuments.resolve("documents"));
        Files.createSymbolicLink(linkedDocuments.resolve("documents"), corpus.resolve("documents"));
        assertEquals(List.of("documents: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください"),
                problems(assertThrows(CorpusException.class, () -> CorpusLoader.load(linkedDocuments))));
    }

    @Test
    void aPipeIsRefusedWithoutBeingOpened() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path fifo = corpus.resolve("documents/feed.txt");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
        // Opening a pipe with no writer blocks for ever: the refusal must come from its attributes.
        assertEquals(List.of("documents/feed.txt: 普通のファイルではありません（デバイス、パイプ、ソケット）。読むのは普通のファイルだけです"),
                problems(assertThrows(CorpusException.class, () -> CorpusLoader.load(corpus))));
    }

    @Test
    void theRootItselfMayBeALinkSinceItIsTheAdminsSetting() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path link = Files.createSymbolicLink(tmp.resolve("current-corpus"), corpus);
        assertFalse(CorpusLoader.load(link).documents().isEmpty());
    }

    @Test
    void aFileOverTheSizeLimitIsANamedRefusal() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Files.write(corpus.resolve("documents/huge.md"), new byte[1024 * 1024 + 1]);
        CorpusLimits oneMegabyte = CorpusLimits.fromSetting("1");
        assertEquals(List.of("documents/huge.md: 1ファイルの上限 1 MB を超えています（KOTAE_MAX_DOCUMENT_MB）。ファイルを分けるか、上限を上げてください"),
                problems(assertThrows(CorpusException.class, () -> CorpusLoader.load(corpus, oneMegabyte))));
        assertTrue(CorpusLoader.load(corpus, CorpusLimits.fromSetting("2")).documents().size() > 2, "within a raised limit it is read");
    }

    @Test
    void theSizeSettingIsReadAsWholeMegabytesAndAMalformedOneKeepsTheDefault() {
        assertEquals(50L * 1024 * 1024, CorpusLimits.defaults().maxFileBytes());
        assertEquals(CorpusLimits.defaults(), CorpusLimits.fromSetting(null));
        assertEquals(7L * 1024 * 1024, CorpusLimits.fromSetting(" 7 ").maxFileBytes());
        assertEquals(CorpusLimits.defaults(), CorpusLimits.fromSetting("-3"));
        assertEquals(CorpusLimits.defaults(), CorpusLimits.fromSetting("lots"));
        assertEquals("50 MB", CorpusLimits.defaults().describeMaxFileSize());
    }

    @Test
    void theLoaderNamesExactlyTheFilesItRead() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("documents/notes.docx"), "not read: no reader for it");
        Files.writeString(corpus.resolve("faq/README.md"), "not a rule file");
        Files.createDirectories(corpus.resolve("documents/archive"));
        Files.writeString(corpus.resolve("documents/archive/old.md"), "# 古い\n");
        Files.writeString(corpus.resolve("secrets.txt"), "not part of the corpus layout");

        CorpusLoader.Result result = CorpusLoader.read(corpus, CorpusLimits.defaults());
        assertTrue(result.files().contains("synonyms.txt") && result.files().contains("documents/seminar-text-ch4.txt"), result.files().toString());
        assertTrue(result.files().stream().allMatch(f -> f.equals("synonyms.txt") || f.matches("documents/[^/]+\\.(txt|md)|faq/[^/]+\\.ya?ml")),
                result.files().toString());
        assertEquals(result.corpus().documents().size(), result.files().stream().filter(f -> f.startsWith("documents/")).count());
    }

    @Test
    void aCopyRefusesAFileThatBecameALinkAfterItWasLoaded() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        CorpusLoader.Result result = CorpusLoader.read(corpus, CorpusLimits.defaults());
        Path swapped = corpus.resolve("documents/seminar-text-ch4.txt");
        Files.delete(swapped);
        Files.createSymbolicLink(swapped, Path.of("/etc/passwd"));

        Path snapshot = tmp.resolve("snapshot");
        CorpusException refused = assertThrows(CorpusException.class, () -> {
            for (String file : result.files()) {
                CorpusFiles.copy(corpus, file, snapshot, CorpusLimits.defaults());
            }
        });
        assertEquals(List.of("documents/seminar-text-ch4.txt: シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください"),
                problems(refused));
        assertFalse(Files.exists(snapshot.resolve("documents/seminar-text-ch4.txt")));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
