package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * {@link CorpusLoader#load} on corpus directories of random bytes (invalid UTF-8, NULs, binary
 * junk, sometimes valid text) under the names it reads: it either loads a corpus or refuses it with a
 * {@link CorpusException} listing problems; no other exception ever escapes.
 */
class CorpusLoaderFuzzTest {
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(300).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Arbitrary<byte[]> yaml = Arbitraries.of("- id: a\n  questions: [x]\n  answer: y\n  cite: [\"4-2-2\"]\n",
                "- id: a\n  answer: \"\"\n", "not: a list", "- [", "\u0000\u0001", "- id: b\n  questions: [x]\n  answer: y\n  cite: []\n  patterns: [\"(\"]\n",
                "■WAF（ワフ）\nWeb Application Firewallの略。\n", "4-1-1. はじめに\n本文です。\n第4章 – 01\n",
                "# 見出し\n\n本文。\n", "【参照：セミナーテキスト4-1-1.】\nスライド\n").map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, text, yaml);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void loadsOrRefusesWithProblems(@ForAll("bytes") byte[] doc, @ForAll("bytes") byte[] md, @ForAll("bytes") byte[] faq,
                                    @ForAll("bytes") byte[] synonyms, @ForAll boolean withDocumentsDir) throws IOException {
        Path root = Files.createTempDirectory("kotae-fuzz-corpus");
        try {
            if (withDocumentsDir) {
                Files.createDirectories(root.resolve("documents"));
                Files.write(root.resolve("documents/a.txt"), doc);
                Files.write(root.resolve("documents/b.md"), md);
            }
            Files.createDirectories(root.resolve("faq"));
            Files.write(root.resolve("faq/rules.yaml"), faq);
            Files.write(root.resolve("synonyms.txt"), synonyms);
            try {
                Corpus corpus = CorpusLoader.load(root);
                assertNotNull(corpus);
            } catch (CorpusException e) {
                assertFalse(e.problems().isEmpty());
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @Property(tries = 10)
    void emptyOrMissingPlacesAreRefused(@ForAll("names") String layout) throws IOException {
        Path root = Files.createTempDirectory("kotae-fuzz-empty");
        try {
            if (layout.contains("documents")) {
                Files.createDirectories(root.resolve("documents"));
            }
            try {
                CorpusLoader.load(root);
            } catch (CorpusException e) {
                assertFalse(e.problems().isEmpty());
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(List.of("", "documents"));
    }
}
