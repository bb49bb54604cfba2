package dev.kotae.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a corpus directory ({@code documents/}, {@code faq/*.yaml}, {@code synonyms.txt}) into a
 * {@link Corpus}. All problems of all files are collected and reported together; a corpus with any
 * problem is refused whole, so a half-read corpus never replaces a good one.
 */
public final class CorpusLoader {
    private static final Pattern SLIDE_MARKER = Pattern.compile("【参照[：:]");

    private CorpusLoader() {}

    /**
     * A loaded corpus and the files it was read from, relative to its root with {@code /}
     * ({@code documents/policy.md}, {@code faq/it.yaml}, {@code synonyms.txt}): exactly what a
     * generation's snapshot copies, so nothing Kotae did not read (or refused to) is ever kept.
     */
    public record Result(Corpus corpus, List<String> files) {
        public Result {
            files = List.copyOf(files);
        }
    }

    /** Loads with the limits from the environment ({@code KOTAE_MAX_DOCUMENT_MB}). */
    public static Corpus load(Path root) throws CorpusException {
        return read(root, CorpusLimits.fromEnvironment()).corpus();
    }

    public static Corpus load(Path root, CorpusLimits limits) throws CorpusException {
        return read(root, limits).corpus();
    }

    /** Reads a corpus with every check: what validate and a reindex use. */
    public static Result read(Path root, CorpusLimits limits) throws CorpusException {
        return read(root, limits, true);
    }

    /**
     * A generation's own snapshot, accepted by the reindex that made it: the same checks except the
     * FAQ pattern probes (tens of milliseconds at every start; answering still runs each pattern
     * within its time budget) and the size limit (lowering {@code KOTAE_MAX_DOCUMENT_MB} applies to
     * the next reindex, it does not make the serving generation unusable).
     */
    public static Corpus loadAccepted(Path snapshot) throws CorpusException {
        return read(snapshot, new CorpusLimits(Long.MAX_VALUE), false).corpus();
    }

    private static Result read(Path root, CorpusLimits limits, boolean probePatterns) throws CorpusException {
        List<CorpusProblem> problems = new ArrayList<>();
        List<String> read = new ArrayList<>();
        Path documentsDir = root.resolve("documents");
        CorpusFiles.Kind documentsKind = CorpusFiles.kindOf(documentsDir);
        CorpusProblem refusedFolder = CorpusFiles.refusal(documentsKind, "documents");
        if (refusedFolder != null) {
            throw new CorpusException(List.of(refusedFolder));
        }
        if (documentsKind != CorpusFiles.Kind.FOLDER) {
            throw new CorpusException(List.of(new CorpusProblem(root.toString(), 0,
                    "コーパスのフォルダではありません（documents/ フォルダがありません）")));
        }
        List<Document> documents = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        List<GlossaryEntry> glossary = new ArrayList<>();
        List<Slide> slides = new ArrayList<>();
        List<CaseStudy> textCases = new ArrayList<>();

        for (Path file : CorpusFiles.list(documentsDir, "documents", problems)) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".txt") && !lower.endsWith(".md")) {
                continue;
            }
            String text = read(file, "documents/" + name, limits, problems, read);
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
        CorpusFiles.Kind faqKind = CorpusFiles.kindOf(faqDir);
        if (CorpusFiles.refusal(faqKind, "faq") != null) {
            problems.add(CorpusFiles.refusal(faqKind, "faq"));
        } else if (faqKind == CorpusFiles.Kind.FOLDER) {
            for (Path file : CorpusFiles.list(faqDir, "faq", problems)) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                    continue;
                }
                String text = read(file, "faq/" + name, limits, problems, read);
                if (text != null) {
                    faq.addAll(FaqRuleLoader.load("faq/" + name, text, problems, probePatterns));
                }
            }
        }
        Set<String> known = citationKeys(sections, glossary, slides);
        problems.addAll(FaqRuleLoader.validate(faq, known::contains));

        List<String> synonyms = new ArrayList<>();
        Path synonymFile = root.resolve("synonyms.txt");
        CorpusFiles.Kind synonymKind = CorpusFiles.kindOf(synonymFile);
        if (CorpusFiles.refusal(synonymKind, "synonyms.txt") != null) {
            problems.add(CorpusFiles.refusal(synonymKind, "synonyms.txt"));
        } else if (synonymKind == CorpusFiles.Kind.FILE) {
            String text = read(synonymFile, "synonyms.txt", limits, problems, read);
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
        return new Result(new Corpus(documents, sections, passages, glossary, slides, cases, faq, synonyms), read);
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

    /** Strict UTF-8: a file in another encoding is refused rather than read as mojibake. */
    private static String read(Path file, String shownName, CorpusLimits limits, List<CorpusProblem> problems,
                               List<String> read) {
        byte[] bytes = CorpusFiles.read(file, shownName, limits, problems);
        if (bytes == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            read.add(shownName);
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
