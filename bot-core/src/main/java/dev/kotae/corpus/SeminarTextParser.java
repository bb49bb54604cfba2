package dev.kotae.corpus;

import dev.kotae.corpus.PageSplitter.Page;
import dev.kotae.corpus.ParagraphAssembler.Break;
import dev.kotae.corpus.ParagraphAssembler.Para;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Parses a PDF-extracted seminar text chapter: pages, numbered sections, quotable passages, case
 * studies and the glossary at its end.
 *
 * <p>Choices that a reader of the citations sees:
 * <ul>
 *   <li>Content before the first numbered heading (章の目的, 主な達成目標) becomes a section of its
 *       own whose id is the bare chapter number ({@code "4"}) and whose title is the chapter title,
 *       so that it can be cited like any other section.</li>
 *   <li>{@code 編集後記} becomes a section with id {@code null} and title {@code 編集後記}: it is
 *       not a numbered section, and inventing a number would make a citation point nowhere.</li>
 *   <li>The glossary ({@code 用語集}) ends the running text; {@link GlossaryParser} reads it.</li>
 * </ul>
 */
public final class SeminarTextParser {

    private SeminarTextParser() {}

    /** Mutable while the sections are being found. */
    static final class SectionInfo {
        final String id;
        final String title;
        final String chapter;
        final String page;
        final int line;
        final boolean intro;

        SectionInfo(String id, String title, String chapter, String page, int line) {
            this(id, title, chapter, page, line, false);
        }

        SectionInfo(String id, String title, String chapter, String page, int line, boolean intro) {
            this.intro = intro;
            this.id = id;
            this.title = title;
            this.chapter = chapter;
            this.page = page;
            this.line = line;
        }
    }

    public static ParsedText parse(String doc, List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return ParsedText.empty();
        }
        List<String> safe = lines.stream().map(l -> l == null ? "" : l.replace("\r", "")).toList();
        int glossaryAt = findGlossary(safe);
        int end = glossaryAt < 0 ? safe.size() : glossaryAt;

        boolean[] bullets = new boolean[safe.size()];
        List<Page> pages = PageSplitter.split(safe, end, bullets);
        List<SectionInfo> sections = new ArrayList<>();
        int[] sectionOfLine = assignSections(safe, pages, sections);
        List<Object> items = blocks(safe, pages, sectionOfLine, bullets);
        List<Para> paras = ParagraphAssembler.assemble(items, fullWidth(safe, end));

        List<Section> sectionRecords = new ArrayList<>();
        for (int k = 0; k < sections.size(); k++) {
            SectionInfo s = sections.get(k);
            int index = k;
            if (s.intro && paras.stream().noneMatch(p -> p.section() == index)) {
                continue; // the chapter title was only a running header: no intro to cite
            }
            sectionRecords.add(new Section(doc, s.id, s.title, s.chapter, s.page, s.line));
        }
        List<Passage> passages = PassageBuilder.passages(doc, paras, sections, pages);
        List<CaseStudy> cases = CaseExtractor.cases(doc, safe, paras, sections, pages, sectionOfLine);
        List<GlossaryEntry> glossary = glossaryAt < 0 ? List.of() : GlossaryParser.parse(doc, safe, glossaryAt);
        return new ParsedText(sectionRecords, passages, glossary, cases);
    }

    private static int findGlossary(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (LineKind.of(lines.get(i)) == LineKind.GLOSSARY) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A page belongs to the section whose heading appears anywhere on it, because the extraction
     * prints a page's heading at its top or at its bottom; a page without a heading continues the
     * previous section. A heading already seen is furniture. Should a page carry two new headings,
     * the text after the second one goes to the second section.
     */
    private static int[] assignSections(List<String> lines, List<Page> pages, List<SectionInfo> sections) {
        int[] sectionOf = new int[lines.size()];
        Arrays.fill(sectionOf, -1);
        Map<String, Integer> byId = new HashMap<>();
        String chapter = null;
        int current = -1;
        for (Page page : pages) {
            List<int[]> events = new ArrayList<>(); // {line index, section index, isNew}
            for (int i = page.from(); i < page.to(); i++) {
                String line = lines.get(i);
                LineKind kind = LineKind.of(line);
                if (kind == LineKind.CHAPTER_HEADER && chapter == null) {
                    Matcher m = LineKind.CHAPTER_RE.matcher(line);
                    if (m.matches()) {
                        chapter = m.group(1);
                        if (sections.isEmpty() && current < 0) {
                            String number = m.group(1).replaceAll("[^0-9０-９]", "");
                            sections.add(new SectionInfo(number, m.group(2), chapter, page.label(), i + 1, true));
                            current = 0;
                        }
                    }
                } else if (kind == LineKind.SECTION_HEADING) {
                    Matcher m = LineKind.section(line);
                    if (m.matches()) {
                        String id = m.group(1);
                        Integer known = byId.get(id);
                        if (known == null) {
                            String ch = chapter != null ? chapter : "第" + id.substring(0, id.indexOf('-')) + "章";
                            sections.add(new SectionInfo(id, m.group(2), ch, page.label(), i + 1));
                            known = sections.size() - 1;
                            byId.put(id, known);
                            events.add(new int[] {i, known, 1});
                        } else {
                            events.add(new int[] {i, known, 0});
                        }
                    }
                } else if (kind == LineKind.AFTERWORD && !byId.containsKey("編集後記")) {
                    sections.add(new SectionInfo(null, line.strip(), chapter, page.label(), i + 1));
                    byId.put("編集後記", sections.size() - 1);
                    events.add(new int[] {i, sections.size() - 1, 1});
                }
            }
            int firstNew = -1;
            for (int e = 0; e < events.size(); e++) {
                if (events.get(e)[2] == 1) {
                    firstNew = e;
                    break;
                }
            }
            int start = firstNew >= 0 ? events.get(firstNew)[1] : events.isEmpty() ? current : events.get(0)[1];
            int sec = start;
            for (int i = page.from(); i < page.to(); i++) {
                for (int e = 0; e < events.size(); e++) {
                    int[] ev = events.get(e);
                    if (ev[0] == i && ev[2] == 1 && e != firstNew) {
                        sec = ev[1];
                    }
                }
                sectionOf[i] = sec;
            }
            current = sec;
        }
        return sectionOf;
    }

    /** Content lines grouped into blocks; furniture, page ends and section changes become breaks. */
    private static List<Object> blocks(List<String> lines, List<Page> pages, int[] sectionOf, boolean[] bullets) {
        List<Object> items = new ArrayList<>();
        for (Page page : pages) {
            List<String> texts = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            int section = page.from() < page.to() ? sectionOf[page.from()] : -1;
            boolean inFootnote = false;
            boolean afterCaseHeading = false;
            for (int i = page.from(); i < page.to(); i++) {
                String raw = lines.get(i);
                LineKind kind = LineKind.of(raw);
                if (kind == LineKind.BLANK) {
                    inFootnote = false;
                    flush(items, texts, numbers, page, section);
                    continue;
                }
                if (kind == LineKind.FOOTNOTE) {
                    inFootnote = true;
                }
                if (inFootnote || kind.isFurniture()) {
                    flush(items, texts, numbers, page, section);
                    items.add(Break.FURNITURE);
                    continue;
                }
                if (sectionOf[i] != section) {
                    flush(items, texts, numbers, page, section);
                    items.add(Break.SECTION);
                    section = sectionOf[i];
                }
                String text = LineRepair.cleanSpaces(LineRepair.stripCitations(raw));
                if (text.isEmpty()) {
                    continue;
                }
                if (bullets[i]) {
                    text = "・" + text;
                }
                boolean organisationLine = afterCaseHeading && text.startsWith("某");
                if (TextBlock.isEnumerated(text) || TextBlock.isCaseHeading(text) || organisationLine) {
                    flush(items, texts, numbers, page, section);
                }
                afterCaseHeading = TextBlock.isCaseHeading(text) && !text.contains("某");
                texts.add(text);
                numbers.add(i + 1);
                if (LineRepair.containsUrl(raw)) {
                    flush(items, texts, numbers, page, section, true);
                }
            }
            flush(items, texts, numbers, page, section);
            items.add(Break.PAGE);
        }
        return items;
    }

    private static void flush(List<Object> items, List<String> texts, List<Integer> numbers, Page page, int section) {
        flush(items, texts, numbers, page, section, false);
    }

    private static void flush(List<Object> items, List<String> texts, List<Integer> numbers, Page page, int section,
                              boolean reference) {
        if (!texts.isEmpty()) {
            items.add(new TextBlock(List.copyOf(texts), List.copyOf(numbers), page.index(), section, reference));
            texts.clear();
            numbers.clear();
        }
    }

    /**
     * The width from which a line is a full body line: 80% of the 90th percentile of line widths,
     * so that figure words and headings (short) are told from wrapped body text (long) whatever
     * the document's column is.
     */
    private static int fullWidth(List<String> lines, int end) {
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (LineKind.of(lines.get(i)) == LineKind.CONTENT) {
                widths.add(LineRepair.width(lines.get(i)));
            }
        }
        if (widths.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        widths.sort(null);
        int p90 = widths.get(Math.min(widths.size() - 1, widths.size() * 9 / 10));
        return Math.max(8, p90 * 8 / 10);
    }
}
