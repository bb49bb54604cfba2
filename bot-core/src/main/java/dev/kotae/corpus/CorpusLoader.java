package dev.kotae.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a corpus directory ({@code documents/}, {@code faq/*.yaml}, {@code synonyms.txt}) into a
 * {@link Corpus}. All problems of all files are collected and reported together; a corpus with any
 * problem is refused whole, so a half-read corpus never replaces a good one.
 */
public final class CorpusLoader {
    private static final Pattern SLIDE_MARKER = Pattern.compile("【参照[：:]");

    private CorpusLoader() {}

    public static Corpus load(Path root) throws CorpusException {
        List<CorpusProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(root.resolve("documents"))) {
            throw new CorpusException(List.of(new CorpusProblem(root.toString(), 0,
                    "コーパスのフォルダではありません（documents/ フォルダがありません）")));
        }
        List<Document> documents = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        List<GlossaryEntry> glossary = new ArrayList<>();
        List<Slide> slides = new ArrayList<>();
        List<CaseStudy> textCases = new ArrayList<>();

        for (Path file : list(root.resolve("documents"), problems)) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".txt") && !lower.endsWith(".md")) {
                continue;
            }
            String text = read(file, "documents/" + name, problems);
            if (text == null) {
                continue;
            }
            List<String> lines = text.lines().toList();
            DocumentKind kind = kindOf(lower, lines);
            documents.add(new Document(name, kind, titleOf(lines, name), lines.size()));
            switch (kind) {
                case SLIDES -> slides.addAll(SlideDeckParser.parse(name, lines));
                case MARKDOWN -> add(MarkdownParser.parse(name, lines), sections, passages, glossary, textCases);
                case SEMINAR_TEXT -> add(SeminarTextParser.parse(name, lines), sections, passages, glossary, textCases);
            }
        }
        passages.addAll(SlideDeckParser.passages(slides));
        List<CaseStudy> cases = CaseMerger.merge(textCases, slides);

        List<FaqRule> faq = new ArrayList<>();
        Path faqDir = root.resolve("faq");
        if (Files.isDirectory(faqDir)) {
            for (Path file : list(faqDir, problems)) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                    continue;
                }
                String text = read(file, "faq/" + name, problems);
                if (text != null) {
                    faq.addAll(FaqRuleLoader.load("faq/" + name, text, problems));
                }
            }
        }
        Set<String> known = citationKeys(sections, glossary, slides);
        problems.addAll(FaqRuleLoader.validate(faq, known::contains));

        List<String> synonyms = new ArrayList<>();
        Path synonymFile = root.resolve("synonyms.txt");
        if (Files.isRegularFile(synonymFile)) {
            String text = read(synonymFile, "synonyms.txt", problems);
            if (text != null) {
                for (List<String> group : SynonymFile.parse("synonyms.txt", text, problems)) {
                    synonyms.add(String.join(", ", group));
                }
            }
        }
        if (documents.isEmpty()) {
            problems.add(new CorpusProblem("documents", 0, "答えのもとになる .txt か .md の文書がありません"));
        }
        if (!problems.isEmpty()) {
            throw new CorpusException(problems);
        }
        return new Corpus(documents, sections, passages, glossary, slides, cases, faq, synonyms);
    }

    /** What an FAQ rule may cite: section ids, {@code glossary:HEADWORD} (or the term as printed), {@code slide:N}. */
    public static Set<String> citationKeys(List<Section> sections, List<GlossaryEntry> glossary, List<Slide> slides) {
        Set<String> keys = new HashSet<>();
        sections.stream().map(Section::id).filter(id -> id != null).forEach(keys::add);
        for (GlossaryEntry entry : glossary) {
            keys.add("glossary:" + entry.headword());
            keys.add("glossary:" + entry.term());
        }
        slides.forEach(slide -> keys.add("slide:" + slide.number()));
        return keys;
    }

    private static void add(ParsedText parsed, List<Section> sections, List<Passage> passages,
                            List<GlossaryEntry> glossary, List<CaseStudy> cases) {
        sections.addAll(parsed.sections());
        passages.addAll(parsed.passages());
        glossary.addAll(parsed.glossary());
        cases.addAll(parsed.cases());
    }

    static DocumentKind kindOf(String lowerName, List<String> lines) {
        if (lowerName.endsWith(".md")) {
            return DocumentKind.MARKDOWN;
        }
        boolean marker = lines.stream().anyMatch(line -> SLIDE_MARKER.matcher(line).find());
        return marker || lowerName.contains("slide") ? DocumentKind.SLIDES : DocumentKind.SEMINAR_TEXT;
    }

    private static String titleOf(List<String> lines, String fallback) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.replaceFirst("^#+\\s*", "")).orElse(fallback);
    }

    private static List<Path> list(Path dir, List<CorpusProblem> problems) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.add(new CorpusProblem(dir.toString(), 0, "フォルダの中を読めません：" + e.getMessage()));
            return List.of();
        }
    }

    /** Strict UTF-8: a file in another encoding is refused rather than read as mojibake. */
    private static String read(Path file, String shownName, List<CorpusProblem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new CorpusProblem(shownName, 0, "ファイルを読めません：" + e.getMessage()));
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            problems.add(new CorpusProblem(shownName, lineOfFirstBadByte(bytes), "UTF-8 のテキストではありません。UTF-8 で保存してください"));
            return null;
        }
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }
}
