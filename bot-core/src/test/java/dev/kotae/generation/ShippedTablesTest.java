package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables the build ships beside the embedded corpus's index ({@link ShippedTables}): they read back
 * as written, answer as a start that computes them does, and are left for the corpus whenever they do
 * not fit this build (other code, other corpus files) or cannot be read, with one log line and no
 * stack trace.
 */
class ShippedTablesTest {
    private static Corpus corpus;
    private static TextAnalysis.Computed computed;
    private static ShippedTables shipped;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readTheEmbeddedCorpus() throws Exception {
        corpus = CorpusLoader.loadAccepted(EmbeddedCorpus.root()); // the FAQ pattern probes are timed: not under test here
        computed = TextAnalysis.computed(corpus);
        ShippedTables.Read read = ShippedTables.Read.fromClassPath();
        assertNull(read.problem());
        shipped = read.tables();
        assertTrue(shipped != null, "the build ships " + EmbeddedIndex.ROOT + "/" + ShippedTables.NAME);
    }

    @Test
    void whatTheBuildShipsIsTheEmbeddedCorpusAndItsTables() {
        assertEquals(corpus, shipped.corpus(), "the corpus as read, record for record");
        var tables = shipped.analysis();
        var fresh = computed.tables();
        assertEquals(fresh.synonyms(), tables.synonyms());
        assertEquals(fresh.synonymKeys(), tables.synonymKeys());
        assertEquals(fresh.dictionaryCsv(), tables.dictionaryCsv());
        assertEquals(fresh.vocabulary(), tables.vocabulary());
        assertEquals(fresh.byOkurigana(), tables.byOkurigana());
        assertEquals(fresh.variantSpellings(), tables.variantSpellings());
        assertEquals(fresh.acronyms(), tables.acronyms());
        assertTrue(tables.bodyTokens().size() > corpus.passages().size(), "what a start analyses: " + tables.bodyTokens().size());
        assertTrue(tables.preparations().size() > corpus.faq().size(), "the FAQ examples prepared: " + tables.preparations().size());
        assertEquals(Knowledge.build(corpus).fingerprint(), shipped.fingerprint());
    }

    @Test
    void encodingRoundTrips() throws Exception {
        ShippedTables again = ShippedTables.decode(shipped.encode());
        assertEquals(shipped, again);
        assertTrue(java.util.Arrays.equals(shipped.encode(), again.encode()), "the same tables give the same bytes");
        ShippedTables withoutTokens = new ShippedTables("build", Map.of("a.class", 7L << 32 | 0xFFFF_FFFFL), Map.of(), "x",
                "fp", corpus, computed.tables());
        assertEquals(withoutTokens, ShippedTables.decode(withoutTokens.encode()));
    }

    @Test
    void theTablesAnalyseAsTheCorpusDoes() {
        TextAnalysis fromTables = TextAnalysis.fromTables(shipped.analysis());
        TextAnalysis fromCorpus = computed.analysis();
        fromTables.forgetKnownAnalyses();
        for (String q : List.of("WAFとは？", "ぜいじゃくせいって何", "ブイピーエヌの設定", "取り組む事例", "愛媛県の製造業の事例",
                "economic loss", "サイバー攻撃の被害", "ゼロトラストとは")) {
            String prepared = fromCorpus.prepare(q);
            assertEquals(prepared, fromTables.prepare(q), q);
            assertEquals(fromCorpus.taggedQuestionTerms(prepared), fromTables.taggedQuestionTerms(prepared), q);
            assertEquals(fromCorpus.synonymsIn(prepared), fromTables.synonymsIn(prepared), q);
        }
        assertEquals(computed.tables().synonyms(), fromTables.synonyms().state(), "the synonym table rebuilt in its own order");
        assertEquals(fromCorpus.synonyms().spellings().stream().toList(), fromTables.synonyms().spellings().stream().toList());
    }

    @Test
    void theShippedAnalysesAreTheAnalysisChainsOwn() {
        TextAnalysis plain = computed.analysis();
        int checked = 0;
        for (var e : shipped.analysis().bodyTokens().entrySet()) {
            if (checked++ % 7 == 0) {
                assertEquals(plain.terms(e.getKey()), e.getValue().stream().map(t -> t.term()).toList(), e.getKey());
            }
        }
        shipped.analysis().preparations().forEach((question, prepared) -> assertEquals(plain.prepare(question), prepared, question));
    }

    @Test
    void damagedBytesAreRefusedWithAReason() throws Exception {
        byte[] bytes = shipped.encode();
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        assertTrue(assertThrows(IOException.class, () -> ShippedTables.decode(flipped)).getMessage().contains("checksum"));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 100);
        assertThrows(IOException.class, () -> ShippedTables.decode(cut));
        assertThrows(IOException.class, () -> ShippedTables.decode(new byte[0]));
        byte[] otherLayout = bytes.clone();
        otherLayout["kotae-tables ".length()] = '9';
        assertTrue(assertThrows(IOException.class, () -> ShippedTables.decode(otherLayout)).getMessage().contains("layout"));
    }

    /** Damage the checksum does not see (it is recomputed here) still ends in an IOException, never another failure. */
    @Test
    void damageBehindAValidChecksumIsStillAnIoException() throws Exception {
        byte[] bytes = shipped.encode();
        Random random = new Random(13);
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            byte[] damaged = bytes.clone();
            int at = 16 + random.nextInt(damaged.length - 16 - 32);
            damaged[at] = (byte) random.nextInt(256);
            resign(damaged);
            try {
                ShippedTables.decode(damaged);
            } catch (IOException e) {
                refused++;
            }
        }
        assertTrue(refused > 0, "some of the damage is seen: " + refused);
    }

    @Test
    void tablesOfOtherCodeOrAnotherCorpusAreNotUsed() throws Exception {
        assertTrue(EmbeddedIndex.openEmbedded(new ShippedTables.Read(shipped, null)).isPresent());
        Map<String, Long> code = new TreeMap<>(shipped.code());
        String aClass = code.keySet().iterator().next();
        code.put(aClass, code.get(aClass) ^ 1);
        assertTrue(EmbeddedIndex.openEmbedded(new ShippedTables.Read(with(code, shipped.corpusFiles(), shipped.build()), null)).isEmpty());
        Map<String, Long> moreCode = new TreeMap<>(shipped.code());
        moreCode.put("dev/kotae/analysis/Gone.class", 1L);
        assertTrue(EmbeddedIndex.openEmbedded(new ShippedTables.Read(with(moreCode, shipped.corpusFiles(), shipped.build()), null)).isEmpty());
        Map<String, Long> files = new TreeMap<>(shipped.corpusFiles());
        files.put(EmbeddedCorpus.ROOT + "/documents/added.md", 1L);
        assertTrue(EmbeddedIndex.openEmbedded(new ShippedTables.Read(with(shipped.code(), files, shipped.build()), null)).isEmpty());
        assertTrue(EmbeddedIndex.openEmbedded(new ShippedTables.Read(with(shipped.code(), shipped.corpusFiles(), "Lucene 1.0"), null)).isEmpty());
        assertTrue(EmbeddedIndex.openEmbedded(new ShippedTables.Read(null, "checksum mismatch: the resource is damaged")).isEmpty());
        assertTrue(EmbeddedIndex.openEmbedded(new ShippedTables.Read(null, null)).isEmpty());
    }

    @Test
    void aClassFolderIsListedWholeAJarOnlyByTheNamesListed() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("classes/dev/kotae/analysis"));
        Files.writeString(folder.resolve("A.class"), "a");
        Map<String, Long> listed = ShippedFiles.list(tmp.resolve("classes"), ShippedFiles.CODE);
        assertEquals(List.of("dev/kotae/analysis/A.class"), List.copyOf(listed.keySet()));
        assertTrue(ShippedFiles.same(tmp.resolve("classes"), ShippedFiles.CODE, listed));
        Files.writeString(folder.resolve("B.class"), "b");
        assertFalse(ShippedFiles.same(tmp.resolve("classes"), ShippedFiles.CODE, listed), "a class added to a folder is seen");
        Files.writeString(folder.resolve("B.class"), "c");
        Map<String, Long> both = ShippedFiles.list(tmp.resolve("classes"), ShippedFiles.CODE);
        Path jar = tmp.resolve("k.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : both.keySet()) {
                out.putNextEntry(new java.util.jar.JarEntry(name));
                out.write(Files.readAllBytes(tmp.resolve("classes").resolve(name)));
                out.closeEntry();
            }
        }
        assertEquals(both, ShippedFiles.list(jar, ShippedFiles.CODE), "a jar's directory gives the same sizes and CRCs");
        assertTrue(ShippedFiles.same(jar, ShippedFiles.CODE, both));
        Files.writeString(folder.resolve("B.class"), "d");
        assertFalse(ShippedFiles.same(jar, ShippedFiles.CODE, ShippedFiles.list(tmp.resolve("classes"), ShippedFiles.CODE)),
                "a class changed since is seen");
    }

    /** A damaged resource in the jar: the command answers from the corpus as before, with one warning line and no stack trace. */
    @Test
    void aDamagedResourceIsOneLogLineAndTheAnswerStillComes() throws Exception {
        byte[] damaged = shipped.encode();
        damaged[damaged.length / 3] ^= 0x01;
        Path first = tmp.resolve("first");
        Files.createDirectories(first.resolve(EmbeddedIndex.ROOT));
        Files.write(first.resolve(EmbeddedIndex.ROOT).resolve(ShippedTables.NAME), damaged);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", first + File.pathSeparator + System.getProperty("java.class.path"),
                "dev.kotae.cli.KotaeCommand", "ask", "WAFとは？").redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("KOTAE_INDEX_DIR");
        builder.environment().remove("KOTAE_CORPUS_DIR");
        builder.environment().remove("KOTAE_LOG_LEVEL");
        Process child = builder.start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), Files.readString(err));
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("Web Application Firewall"));
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("WARN") && lines.get(0).contains("shipped tables") && lines.get(0).contains("checksum"),
                lines.get(0));
    }

    @Test
    void theServiceOpenedEarlyIsTakenOnceAndAnswersAsAnyOther() throws Exception {
        EarlyGeneration.start();
        KotaeService early = Services.start(null, null, AnswerSettings.defaults());
        KotaeService later = Services.start(null, null, AnswerSettings.defaults());
        for (String q : List.of("WAFとは？", "攻めのIT投資の事例をまとめて", "量子コンピュータで猫を飼う方法")) {
            assertEquals(withoutTime(later.answer(q)), withoutTime(early.answer(q)), q);
        }
    }

    private static Answer withoutTime(Answer a) {
        return a.withTook(0);
    }

    private static ShippedTables with(Map<String, Long> code, Map<String, Long> corpusFiles, String build) {
        return new ShippedTables(build, code, corpusFiles, shipped.indexCode(), shipped.fingerprint(), shipped.corpus(),
                shipped.analysis());
    }

    private static void resign(byte[] bytes) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(bytes, 0, bytes.length - 32);
        System.arraycopy(sha.digest(), 0, bytes, bytes.length - 32, 32);
    }
}
