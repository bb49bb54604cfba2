package dev.kotae.corpus;

import dev.kotae.corpus.PageSplitter.Page;
import dev.kotae.corpus.ParagraphAssembler.Para;
import dev.kotae.corpus.SeminarTextParser.SectionInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts paragraphs into passages small enough to quote: at most three sentences and about 200
 * characters, cut only at a 。 so that a quote is never half a sentence. Lists stay whole because
 * their items make sense only together with their heading.
 */
public final class PassageBuilder {
    static final int MAX_SENTENCES = 3;
    static final int MAX_CHARS = 200;

    private PassageBuilder() {}

    static List<Passage> passages(String doc, List<Para> paras, List<SectionInfo> sections, List<Page> pages) {
        List<Passage> out = new ArrayList<>();
        for (Para p : paras) {
            SectionInfo s = p.section() >= 0 ? sections.get(p.section()) : null;
            String sectionId = s == null ? null : s.id;
            String title = s == null ? null : s.title;
            String page = pages.get(p.page()).label();
            if (p.kind() != ParagraphAssembler.Kind.TEXT) {
                add(out, doc, sectionId, title, page, p.text(), p.line());
                continue;
            }
            String body = p.body();
            boolean first = true;
            for (int[] group : groups(body)) {
                String text = body.substring(group[0], group[1]).strip();
                int line = p.lineAt(group[0]);
                if (first && !p.labels().isEmpty()) {
                    text = p.prefix() + " " + text;
                    line = p.line();
                }
                first = false;
                add(out, doc, sectionId, title, page, text, line);
            }
        }
        return out;
    }

    private static void add(List<Passage> out, String doc, String sectionId, String title, String page,
                            String text, int line) {
        String t = text.strip();
        if (!t.isEmpty()) {
            out.add(new Passage(SourceKind.TEXT, doc, sectionId, title, page, t, line));
        }
    }

    /** Sentence groups as {start, end} offsets. */
    public static List<int[]> groups(String body) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        int count = 0;
        for (int[] span : LineRepair.sentenceSpans(body)) {
            if (start >= 0 && (count >= MAX_SENTENCES || span[1] - start > MAX_CHARS)) {
                out.add(new int[] {start, end});
                start = -1;
                count = 0;
            }
            if (start < 0) {
                start = span[0];
            }
            end = span[1];
            count++;
        }
        if (start >= 0) {
            out.add(new int[] {start, end});
        }
        return out;
    }
}
