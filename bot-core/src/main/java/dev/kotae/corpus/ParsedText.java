package dev.kotae.corpus;

import java.util.List;

/** What one text document yields: its sections, quotable passages, glossary entries and case studies. */
public record ParsedText(List<Section> sections, List<Passage> passages, List<GlossaryEntry> glossary,
                         List<CaseStudy> cases) {
    public ParsedText {
        sections = List.copyOf(sections);
        passages = List.copyOf(passages);
        glossary = List.copyOf(glossary);
        cases = List.copyOf(cases);
    }

    public static ParsedText empty() {
        return new ParsedText(List.of(), List.of(), List.of(), List.of());
    }
}
