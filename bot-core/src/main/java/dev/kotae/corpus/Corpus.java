package dev.kotae.corpus;

import java.util.List;

/**
 * Everything ingested from a corpus directory, immutable once built.
 *
 * @param skipped files of {@code documents/} of a type Kotae does not read
 */
public record Corpus(List<Document> documents, List<Section> sections, List<Passage> passages,
                     List<GlossaryEntry> glossary, List<Slide> slides, List<CaseStudy> cases,
                     List<FaqRule> faq, List<String> synonyms, List<SkippedFile> skipped) {
    public Corpus {
        documents = List.copyOf(documents);
        sections = List.copyOf(sections);
        passages = List.copyOf(passages);
        glossary = List.copyOf(glossary);
        slides = List.copyOf(slides);
        cases = List.copyOf(cases);
        faq = List.copyOf(faq);
        synonyms = List.copyOf(synonyms);
        skipped = List.copyOf(skipped);
    }

    public Corpus(List<Document> documents, List<Section> sections, List<Passage> passages,
                  List<GlossaryEntry> glossary, List<Slide> slides, List<CaseStudy> cases,
                  List<FaqRule> faq, List<String> synonyms) {
        this(documents, sections, passages, glossary, slides, cases, faq, synonyms, List.of());
    }
}
