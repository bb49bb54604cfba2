package dev.kotae.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an admin-written Markdown document.
 *
 * <p>Every heading is a section. A heading that starts with a hyphenated number
 * ({@code ## 9-1-1. 新しい制度}) keeps it as the section id, so FAQ rules can cite it like a
 * seminar section; other headings get id {@code null}: a generated id would change whenever an
 * admin edits or reorders headings and break citations silently, while doc + title stays
 * readable. Pages are null: Markdown has none.
 *
 * <p>Paragraphs become passages (long ones cut into sentence groups like the seminar text), each
 * list one passage, each table row one passage. A section titled {@code 用語集} or
 * {@code Glossary} yields glossary entries instead, written either as {@code ■TERM（READING）}
 * followed by the definition or as {@code - **TERM**: definition}.
 */
public final class MarkdownParser {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern NUMBERED = Pattern.compile("^([0-9]+(?:-[0-9]+)+)[.．]?\\s*(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|[0-9]+[.)])\\s+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}.*$");
    private static final Pattern GLOSSARY_ITEM = Pattern.compile("^\\s*[-*+]\\s+\\*\\*(.+?)\\*\\*\\s*[:：]\\s*(.*)$");
    private static final Pattern READING = Pattern.compile("^(.*?)\\s*[（(]([\\p{IsHiragana}\\p{IsKatakana}・ー]+)[）)]$");

    private MarkdownParser() {}

    public static ParsedText parse(String doc, List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return ParsedText.empty();
        }
        List<Section> sections = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        List<GlossaryEntry> glossary = new ArrayList<>();
        String sectionId = null;
        String title = null;
        boolean inGlossary = false;
        boolean inFence = false;
        List<String> buffer = new ArrayList<>();
        int bufferLine = 0;
        boolean bufferIsList = false;
        GlossaryBuilder term = null;

        int start = skipFrontMatter(lines);
        for (int i = start; i <= lines.size(); i++) {
            String raw = i < lines.size() && lines.get(i) != null ? lines.get(i).replace("\r", "") : "";
            boolean eof = i == lines.size();
            if (!eof && FENCE.matcher(raw).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence && !eof) {
                continue;
            }
            Matcher h = HEADING.matcher(raw);
            boolean heading = !eof && h.matches();
            boolean listItem = !eof && LIST_ITEM.matcher(raw).matches();
            boolean blank = eof || raw.isBlank();
            boolean table = !eof && raw.strip().startsWith("|");
            boolean endsBlock = blank || heading || table || (listItem != bufferIsList && !buffer.isEmpty()
                    && !(bufferIsList && raw.startsWith("  ")));
            if (inGlossary) {
                // Glossary entries end at a new ■, a new item, or a heading.
                if (heading || eof) {
                    term = flushTerm(term, glossary, doc);
                } else {
                    Matcher g = GLOSSARY_ITEM.matcher(raw);
                    String t = raw.strip();
                    if (g.matches()) {
                        term = flushTerm(term, glossary, doc);
                        term = new GlossaryBuilder(g.group(1).strip(), i + 1);
                        term.definition.add(inline(g.group(2)));
                    } else if (t.startsWith("■")) {
                        term = flushTerm(term, glossary, doc);
                        term = new GlossaryBuilder(t.substring(1).strip(), i + 1);
                    } else if (term != null && !t.isEmpty()) {
                        term.definition.add(inline(t));
                    }
                    continue;
                }
            }
            if (endsBlock && !buffer.isEmpty()) {
                addPassages(passages, doc, sectionId, title, buffer, bufferLine, bufferIsList);
                buffer.clear();
            }
            if (eof) {
                break;
            }
            if (heading) {
                String text = inline(h.group(2));
                Matcher n = NUMBERED.matcher(text);
                if (n.matches() && !n.group(2).isBlank()) {
                    sectionId = n.group(1);
                    title = n.group(2).strip();
                } else {
                    sectionId = null;
                    title = text;
                }
                String lower = title.toLowerCase(Locale.ROOT);
                inGlossary = title.equals("用語集") || lower.equals("glossary");
                String chapter = sectionId == null ? null : "第" + sectionId.substring(0, sectionId.indexOf('-')) + "章";
                sections.add(new Section(doc, sectionId, title, chapter, null, i + 1));
                continue;
            }
            if (table) {
                if (!TABLE_RULE.matcher(raw).matches()) {
                    String row = String.join(" ", cells(raw));
                    if (!row.isBlank()) {
                        passages.add(new Passage(SourceKind.TEXT, doc, sectionId, title, null, row, i + 1));
                    }
                }
                continue;
            }
            if (blank) {
                continue;
            }
            if (buffer.isEmpty()) {
                bufferLine = i + 1;
                bufferIsList = listItem;
            }
            buffer.add(raw);
        }
        return new ParsedText(sections, passages, glossary, List.of());
    }

    private static void addPassages(List<Passage> out, String doc, String sectionId, String title, List<String> buffer,
                                    int line, boolean list) {
        if (list) {
            List<String> items = new ArrayList<>();
            for (String l : buffer) {
                Matcher m = LIST_ITEM.matcher(l);
                if (m.matches()) {
                    items.add("・" + inline(m.group(1)));
                } else if (!items.isEmpty()) {
                    StringBuilder b = new StringBuilder(items.remove(items.size() - 1));
                    LineRepair.appendLine(b, inline(l));
                    items.add(b.toString());
                }
            }
            String text = String.join(" ", items).strip();
            if (!text.isEmpty()) {
                out.add(new Passage(SourceKind.TEXT, doc, sectionId, title, null, text, line));
            }
            return;
        }
        List<String> cleaned = buffer.stream().map(MarkdownParser::inline).toList();
        String body = LineRepair.join(cleaned);
        int[] lineStarts = new int[cleaned.size()];
        StringBuilder probe = new StringBuilder();
        for (int k = 0; k < cleaned.size(); k++) {
            lineStarts[k] = probe.length();
            LineRepair.appendLine(probe, cleaned.get(k));
        }
        for (int[] g : PassageBuilder.groups(body)) {
            String text = body.substring(g[0], g[1]).strip();
            int at = line;
            for (int k = 0; k < lineStarts.length; k++) {
                if (lineStarts[k] <= g[0]) {
                    at = line + k;
                }
            }
            if (!text.isEmpty()) {
                out.add(new Passage(SourceKind.TEXT, doc, sectionId, title, null, text, at));
            }
        }
    }

    /** Drops inline markup that a quote should not show: emphasis, code ticks, link targets, images. */
    static String inline(String s) {
        String t = s.replaceAll("!\\[[^]]*]\\([^)]*\\)", "");
        t = t.replaceAll("\\[([^]]+)]\\([^)]*\\)", "$1");
        t = t.replaceAll("(\\*\\*|__)(.+?)\\1", "$2");
        t = t.replaceAll("(?<![*\\w])\\*(?!\\s)(.+?)(?<!\\s)\\*(?!\\*)", "$1");
        t = t.replace("`", "");
        t = t.replaceAll("<!--.*?-->", "");
        return t.strip();
    }

    private static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        for (String c : row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "").split("\\|")) {
            String t = inline(c);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static int skipFrontMatter(List<String> lines) {
        if (lines.get(0) != null && lines.get(0).strip().equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i) != null && lines.get(i).strip().equals("---")) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static final class GlossaryBuilder {
        final String term;
        final int line;
        final List<String> definition = new ArrayList<>();

        GlossaryBuilder(String term, int line) {
            this.term = term;
            this.line = line;
        }
    }

    private static GlossaryBuilder flushTerm(GlossaryBuilder b, List<GlossaryEntry> out, String doc) {
        if (b != null && !b.term.isEmpty()) {
            String headword = b.term;
            String reading = null;
            Matcher r = READING.matcher(b.term);
            if (r.matches()) {
                headword = r.group(1).strip();
                reading = GlossaryParser.toKatakana(r.group(2));
            }
            out.add(new GlossaryEntry(b.term, headword, reading, LineRepair.join(b.definition), List.of(), doc, b.line));
        }
        return null;
    }
}
