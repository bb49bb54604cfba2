package dev.kotae.corpus;

import dev.kotae.corpus.formats.DocumentReaders;
import dev.kotae.corpus.formats.ReadDocument;
import dev.kotae.corpus.formats.TextFiles;
import dev.kotae.corpus.formats.Unreadable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a corpus directory ({@code documents/}, {@code faq/*.yaml}, {@code synonyms.txt}) into a
 * {@link Corpus}. All problems of all files are collected and reported together; a corpus with any
 * problem is refused whole, so a half-read corpus never replaces a good one.
 */
public final class CorpusLoader {
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

    /** Loads with the limits from the environment ({@code KOTAE_MAX_DOCUMENT_MB} and the other {@code KOTAE_MAX_DOCUMENT_*}). */
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
     * within its time budget) and the size and character limits (lowering {@code KOTAE_MAX_DOCUMENT_MB}
     * applies to the next reindex, it does not make the serving generation unusable).
     */
    public static Corpus loadAccepted(Path snapshot) throws CorpusException {
        return read(snapshot, CorpusLimits.accepted(), false).corpus();
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

        List<SkippedFile> skipped = new ArrayList<>();
        for (Path file : CorpusFiles.list(documentsDir, "documents", problems)) {
            String name = file.getFileName().toString();
            String shown = "documents/" + name;
            // A type Kotae does not read is listed from its first bytes, whatever its size.
            byte[] head = CorpusFiles.head(file, shown, problems);
            if (head == null) {
                continue;
            }
            DocumentReaders.Skipped skip = DocumentReaders.skipped(head, name);
            if (skip != null) {
                skipped.add(new SkippedFile(name, skip.mediaType(), skip.reason()));
                continue;
            }
            byte[] bytes = CorpusFiles.read(file, shown, limits, problems);
            if (bytes == null) {
                continue;
            }
            switch (DocumentReaders.read(bytes, name, limits)) {
                case DocumentReaders.Skipped s -> skipped.add(new SkippedFile(name, s.mediaType(), s.reason()));
                case DocumentReaders.Refused r -> problems.add(new CorpusProblem(shown, r.line(), r.message()));
                case DocumentReaders.Read r -> {
                    ReadDocument d = r.document();
                    documents.add(new Document(name, d.kind(), d.title(), d.lines(), d.mediaType(), d.pages()));
                    slides.addAll(d.slides());
                    add(d.text(), sections, passages, glossary, textCases);
                    read.add(shown);
                }
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
        passages.forEach(p -> known.addAll(DocumentCitations.keysOf(p)));
        problems.addAll(FaqRuleLoader.validate(faq, key -> known.contains(DocumentCitations.normalise(key))));

        List<String> synonyms = new ArrayList<>();
        Path synonymFile = root.resolve("synonyms.txt");
        CorpusFiles.Kind synonymKind = CorpusFiles.kindOf(synonymFile);
        if (CorpusFiles.refusal(synonymKind, "synonyms.txt") != null) {
            problems.add(CorpusFiles.refusal(synonymKind, "synonyms.txt"));
        } else if (synonymKind == CorpusFiles.Kind.FILE) {
            String text = read(synonymFile, "synonyms.txt", limits, problems, read);
            if (text != null) {
                synonyms.addAll(SynonymFile.parse("synonyms.txt", text, problems));
            }
        }
        if (documents.isEmpty()) {
            problems.add(new CorpusProblem("documents", 0, "答えのもとになる文書がありません（PDF、Word、PowerPoint、Excel、HTML、Markdown、テキストを置いてください）"));
        }
        if (!problems.isEmpty()) {
            throw new CorpusException(problems);
        }
        return new Result(new Corpus(documents, sections, passages, glossary, slides, cases, faq, synonyms, skipped), read);
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

    /** Strict UTF-8: a file in another encoding is refused rather than read as mojibake. */
    private static String read(Path file, String shownName, CorpusLimits limits, List<CorpusProblem> problems,
                               List<String> read) {
        byte[] bytes = CorpusFiles.read(file, shownName, limits, problems);
        if (bytes == null) {
            return null;
        }
        try {
            String text = TextFiles.decode(bytes);
            read.add(shownName);
            return text;
        } catch (Unreadable e) {
            problems.add(new CorpusProblem(shownName, e.line(), e.getMessage()));
            return null;
        }
    }
}
