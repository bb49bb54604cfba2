package dev.kotae.generation;

import dev.kotae.corpus.CasePart;
import dev.kotae.corpus.CaseStudy;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.Document;
import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import dev.kotae.corpus.Section;
import dev.kotae.corpus.SkippedFile;
import dev.kotae.corpus.Slide;
import dev.kotae.corpus.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Corpus} as the shipped tables hold it: every field of every record, in declaration order,
 * so that reading it back gives a corpus {@code equals} to the one the build read (a start of the
 * embedded corpus then neither lists, reads nor parses its files). A field added to a corpus record
 * changes its constructor, and so fails to compile here until it is written too.
 */
final class CorpusCodec {
    private CorpusCodec() {}

    static void write(Corpus c, TableWriter out) {
        out.number(c.documents().size());
        for (Document d : c.documents()) {
            out.string(d.name());
            out.string(d.kind().name());
            out.string(d.title());
            out.number(d.lines());
            out.string(d.mediaType());
            out.number(d.pages());
        }
        out.number(c.sections().size());
        for (Section s : c.sections()) {
            out.string(s.doc());
            out.string(s.id());
            out.string(s.title());
            out.string(s.chapter());
            out.string(s.page());
            out.number(s.line());
        }
        out.number(c.passages().size());
        for (Passage p : c.passages()) {
            out.string(p.source().name());
            out.string(p.doc());
            out.string(p.sectionId());
            out.string(p.title());
            out.string(p.page());
            out.string(p.text());
            out.number(p.line());
        }
        out.number(c.glossary().size());
        for (GlossaryEntry g : c.glossary()) {
            out.string(g.term());
            out.string(g.headword());
            out.string(g.reading());
            out.string(g.definition());
            out.strings(g.references());
            out.string(g.doc());
            out.number(g.line());
        }
        out.number(c.slides().size());
        for (Slide s : c.slides()) {
            out.string(s.doc());
            out.number(s.number());
            out.string(s.title());
            out.string(s.heading());
            out.string(s.sectionId());
            out.string(s.text());
            out.number(s.rows().size());
            s.rows().forEach(out::strings);
            out.number(s.line());
        }
        out.number(c.cases().size());
        for (CaseStudy k : c.cases()) {
            out.string(k.id());
            out.string(k.title());
            out.string(k.organisation());
            out.string(k.region());
            out.string(k.industry());
            out.string(k.theme());
            out.string(k.sectionId());
            out.string(k.doc());
            out.string(k.page());
            out.number(k.parts().size());
            for (CasePart p : k.parts()) {
                out.string(p.label());
                out.string(p.text());
                out.string(p.source().name());
                out.string(p.doc());
                out.string(p.sectionId());
                out.string(p.page());
                out.number(p.line());
            }
        }
        out.number(c.faq().size());
        for (FaqRule r : c.faq()) {
            out.string(r.id());
            out.strings(r.questions());
            out.strings(r.patterns());
            out.string(r.answer());
            out.strings(r.cite());
            out.strings(r.followUps());
            out.string(r.file());
            out.number(r.line());
        }
        out.strings(c.synonyms());
        out.number(c.skipped().size());
        for (SkippedFile f : c.skipped()) {
            out.string(f.name());
            out.string(f.mediaType());
            out.string(f.reason());
        }
    }

    static Corpus read(TableReader in) throws IOException {
        List<Document> documents = new ArrayList<>();
        for (int n = in.count(); n > 0; n--) {
            documents.add(new Document(in.string(), in.constant(DocumentKind.class), in.string(), in.number(), in.string(),
                    in.number()));
        }
        List<Section> sections = new ArrayList<>();
        for (int n = in.count(); n > 0; n--) {
            sections.add(new Section(in.string(), in.string(), in.string(), in.string(), in.string(), in.number()));
        }
        List<Passage> passages = new ArrayList<>();
        for (int n = in.count(); n > 0; n--) {
            passages.add(new Passage(in.constant(SourceKind.class), in.string(), in.string(), in.string(), in.string(),
                    in.string(), in.number()));
        }
        List<GlossaryEntry> glossary = new ArrayList<>();
        for (int n = in.count(); n > 0; n--) {
            glossary.add(new GlossaryEntry(in.string(), in.string(), in.string(), in.string(), in.strings(), in.string(),
                    in.number()));
        }
        List<Slide> slides = new ArrayList<>();
        for (int n = in.count(); n > 0; n--) {
            String doc = in.string();
            int number = in.number();
            String title = in.string();
            String heading = in.string();
            String sectionId = in.string();
            String text = in.string();
            List<List<String>> rows = new ArrayList<>();
            for (int r = in.count(); r > 0; r--) {
                rows.add(in.strings());
            }
            slides.add(new Slide(doc, number, title, heading, sectionId, text, rows, in.number()));
        }
        List<CaseStudy> cases = new ArrayList<>();
        for (int n = in.count(); n > 0; n--) {
            String id = in.string();
            String title = in.string();
            String organisation = in.string();
            String region = in.string();
            String industry = in.string();
            String theme = in.string();
            String sectionId = in.string();
            String doc = in.string();
            String page = in.string();
            List<CasePart> parts = new ArrayList<>();
            for (int p = in.count(); p > 0; p--) {
                parts.add(new CasePart(in.string(), in.string(), in.constant(SourceKind.class), in.string(), in.string(),
                        in.string(), in.number()));
            }
            cases.add(new CaseStudy(id, title, organisation, region, industry, theme, sectionId, doc, page, parts));
        }
        List<FaqRule> faq = new ArrayList<>();
        for (int n = in.count(); n > 0; n--) {
            faq.add(new FaqRule(in.string(), in.strings(), in.strings(), in.string(), in.strings(), in.strings(), in.string(),
                    in.number()));
        }
        List<String> synonyms = in.strings();
        List<SkippedFile> skipped = new ArrayList<>();
        for (int n = in.count(); n > 0; n--) {
            skipped.add(new SkippedFile(in.string(), in.string(), in.string()));
        }
        return new Corpus(documents, sections, passages, glossary, slides, cases, faq, synonyms, skipped);
    }
}
