package dev.kotae.corpus;

import dev.kotae.corpus.formats.DocumentReaders;
import dev.kotae.corpus.formats.ReadDocument;
import dev.kotae.corpus.formats.TextFiles;
import dev.kotae.corpus.formats.Unreadable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a corpus directory ({@code documents/}, {@code faq/*.yaml}, {@code synonyms.txt}) into a
 * {@link Corpus}. All problems of all files are collected and reported together; a corpus with any
 * problem is refused whole, so a half-read corpus never replaces a good one.
 */
public final class CorpusLoader {
    private CorpusLoader() {}

    public static Corpus load(Path root) throws CorpusException {
        return load(root, CorpusLimits.fromEnvironment());
    }

    public static Corpus load(Path root, CorpusLimits limits) throws CorpusException {
        List<CorpusProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(root.resolve("documents"))) {
            throw new CorpusException(List.of(new CorpusProblem(root.toString(), 0,
                    "not a corpus directory: it has no documents/ folder")));
        }
        List<Document> documents = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        List<GlossaryEntry> glossary = new ArrayList<>();
        List<Slide> slides = new ArrayList<>();
        List<CaseStudy> textCases = new ArrayList<>();

        List<SkippedFile> skipped = new ArrayList<>();
        for (Path file : list(root.resolve("documents"), problems)) {
            String name = file.getFileName().toString();
            switch (DocumentReaders.read(file, name, limits)) {
                case DocumentReaders.Skipped s -> skipped.add(new SkippedFile(name, s.mediaType(), s.reason()));
                case DocumentReaders.Refused r -> problems.add(new CorpusProblem("documents/" + name, r.line(), r.message()));
                case DocumentReaders.Read r -> {
                    ReadDocument d = r.document();
                    documents.add(new Document(name, d.kind(), d.title(), d.lines(), d.mediaType(), d.pages()));
                    slides.addAll(d.slides());
                    add(d.text(), sections, passages, glossary, textCases);
                }
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
        passages.forEach(p -> known.addAll(DocumentCitations.keysOf(p)));
        problems.addAll(FaqRuleLoader.validate(faq, key -> known.contains(DocumentCitations.normalise(key))));

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
            problems.add(new CorpusProblem("documents", 0, "no document to answer from (PDF, Word, PowerPoint, Excel, HTML, Markdown or text)"));
        }
        if (!problems.isEmpty()) {
            throw new CorpusException(problems);
        }
        return new Corpus(documents, sections, passages, glossary, slides, cases, faq, synonyms, skipped);
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

    private static List<Path> list(Path dir, List<CorpusProblem> problems) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.add(new CorpusProblem(dir.toString(), 0, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    /** Strict UTF-8: a file in another encoding is refused rather than read as mojibake. */
    private static String read(Path file, String shownName, List<CorpusProblem> problems) {
        try {
            return TextFiles.readUtf8(file);
        } catch (IOException e) {
            problems.add(new CorpusProblem(shownName, 0, "cannot read the file: " + e.getMessage()));
        } catch (Unreadable e) {
            problems.add(new CorpusProblem(shownName, e.line(), e.getMessage()));
        }
        return null;
    }
}
