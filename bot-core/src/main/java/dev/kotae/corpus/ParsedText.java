package dev.kotae.corpus;

import java.util.List;

public record ParsedText(List<Section> sections, List<Passage> passages, List<GlossaryEntry> glossary, List<CaseStudy> cases) {}
