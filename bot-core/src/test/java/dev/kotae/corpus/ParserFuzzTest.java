package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Property-based fuzzing of the ingestion parsers with arbitrary text built from their own
 * structural markers (headings, page numbers, slide markers, glossary marks, YAML keys) mixed with
 * arbitrary Unicode: they never throw; the FAQ loader and the synonym file report problems as
 * {@link CorpusProblem}s of the file they were given, and nothing else.
 */
class ParserFuzzTest {
    private static final List<String> MARKERS = List.of("4-2-1. ", "4-2. ", "4-", "第4章 – 07", "第4章", "– 12 –", "■",
            "■WAF（ワフ）", "（", "）", "用語集", "【参照：セミナーテキスト4-1-1.】", "【参照：", "スライド", "課題", "取組み",
            "結果", "事例", "●", "・", "① ", "# ", "## 9-1-1. ", "### ", "- ", "* ", "1. ", "| a | b |", "|---|---|",
            "```", "---", "- **WAF**: ", "**", ": ", "questions:", "- id: x", "answer: >-", "cite: [\"4-2-2\"]",
            "patterns: [\"(未完\"]", "followUps:", "  - ", "{", "}", "[", "]", "&a", "*a", "!!binary", "%YAML 1.2",
            "\t", " ", "。", "、", "\u0000", "\u202e", "\ud800", "🙂", "WAF", "ゼロトラスト");

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(MARKERS), Arbitraries.strings().all().ofMaxLength(8),
                Arbitraries.strings().withCharRange('\u3040', '\u30ff').withCharRange('\u4e00', '\u4fff').ofMaxLength(12));
        Arbitrary<String> line = piece.list().ofMaxSize(6).map(parts -> String.join("", parts));
        return line.list().ofMaxSize(60);
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void seminarTextParserNeverThrows(@ForAll("lines") List<String> lines) {
        ParsedText parsed = SeminarTextParser.parse("fuzz.txt", lines);
        assertNotNull(parsed);
        parsed.passages().forEach(p -> assertNotNull(p.text()));
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void slideDeckParserNeverThrows(@ForAll("lines") List<String> lines) {
        List<Slide> slides = SlideDeckParser.parse("fuzz-slides.txt", lines);
        assertNotNull(slides);
        SlideDeckParser.passages(slides).forEach(p -> assertNotNull(p.text()));
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void markdownParserNeverThrows(@ForAll("lines") List<String> lines) {
        ParsedText parsed = MarkdownParser.parse("fuzz.md", lines);
        assertNotNull(parsed);
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void glossaryParserNeverThrows(@ForAll("lines") List<String> lines) {
        List<GlossaryEntry> entries = GlossaryParser.parse("fuzz.txt", lines, 0);
        assertNotNull(entries);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void faqLoaderReportsOnlyProblems(@ForAll("lines") List<String> lines) {
        List<CorpusProblem> problems = new ArrayList<>();
        List<FaqRule> rules = FaqRuleLoader.load("faq/fuzz.yaml", String.join("\n", lines), problems);
        assertNotNull(rules);
        for (CorpusProblem p : problems) {
            assertEquals("faq/fuzz.yaml", p.file(), p.toString());
        }
        // Validation of whatever was read is problems too, never an exception.
        FaqRuleLoader.validate(rules, key -> false).forEach(p -> assertNotNull(p.message()));
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void synonymFileReportsOnlyProblems(@ForAll("lines") List<String> lines) {
        List<CorpusProblem> problems = new ArrayList<>();
        assertNotNull(SynonymFile.parse("synonyms.txt", String.join("\n", lines), problems));
        problems.forEach(p -> assertEquals("synonyms.txt", p.file(), p.toString()));
    }
}
