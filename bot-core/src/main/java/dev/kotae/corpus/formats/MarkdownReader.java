package dev.kotae.corpus.formats;

import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.GlossaryParser;
import dev.kotae.corpus.LineRepair;
import dev.kotae.corpus.ParsedText;
import dev.kotae.corpus.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown, read with commonmark-java: every heading form (ATX and Setext) is a section, numbered
 * lists keep their numbers ({@code 1. … 2. …}), bulleted ones are written {@code ・…}, a table row
 * keeps its column headers, a code block is text. A section titled {@code 用語集} or
 * {@code Glossary} yields glossary entries, written either as {@code ■TERM（READING）} followed by
 * the definition or as {@code - **TERM**: definition}. Pages are null: Markdown has none.
 */
public final class MarkdownReader implements DocumentReader {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private static final Pattern READING = Pattern.compile("^(.*?)\\s*[（(]([\\p{IsHiragana}\\p{IsKatakana}・ー]+)[）)]$");
    private static final Pattern TERM_COLON = Pattern.compile("^\\s*[:：]\\s*");

    @Override
    public ReadDocument read(SourceFile file, ReadBudget budget) throws Unreadable, IOException {
        String text = TextFiles.decode(file.bytes());
        // The source is checked before it is parsed: a huge file is refused at once, not after minutes.
        budget.admit(text.length());
        ParsedText parsed = parse(file.name(), text, budget);
        String title = parsed.sections().isEmpty() ? file.name() : parsed.sections().get(0).title();
        return new ReadDocument(DocumentKind.MARKDOWN, "text/markdown", title, 0, (int) text.lines().count(), parsed, List.of());
    }

    /** Parses Markdown text without limits (the loader reads files within the corpus limits). */
    public static ParsedText parse(String doc, String text) {
        return parse(doc, text, ReadBudget.unbounded());
    }

    static ParsedText parse(String doc, String text, ReadBudget budget) {
        Node root = PARSER.parse(blankFrontMatter(text));
        Walker w = new Walker(doc, budget);
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            w.block(n);
        }
        w.flushTerm();
        ParsedText outline = w.out.build();
        return new ParsedText(outline.sections(), outline.passages(), w.glossary, List.of());
    }

    /** YAML front matter ({@code ---} … {@code ---} at the top) is metadata: blanked, so line numbers stay. */
    static String blankFrontMatter(String text) {
        if (!text.startsWith("---")) {
            return text;
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return text;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                StringBuilder b = new StringBuilder();
                for (int k = 0; k <= i; k++) {
                    b.append('\n');
                }
                for (int k = i + 1; k < lines.size(); k++) {
                    b.append(lines.get(k)).append('\n');
                }
                return b.toString();
            }
        }
        return text;
    }

    private static final class Walker {
        final String doc;
        final ReadBudget budget;
        final OutlineBuilder out;
        final List<GlossaryEntry> glossary = new ArrayList<>();
        boolean inGlossary;
        String term;
        int termLine;
        final List<String> definition = new ArrayList<>();

        Walker(String doc, ReadBudget budget) {
            this.doc = doc;
            this.budget = budget;
            this.out = new OutlineBuilder(doc, SourceKind.TEXT, null, false, budget);
        }

        void block(Node n) {
            budget.check();
            int line = line(n);
            if (n instanceof Heading h) {
                flushTerm();
                String text = inline(h);
                out.heading(h.getLevel(), text, line);
                String title = OutlineBuilder.clean(text).replaceFirst("^[0-9]+(?:-[0-9]+)+[.．]?\\s*", "");
                inGlossary = title.equals("用語集") || title.toLowerCase(Locale.ROOT).equals("glossary");
            } else if (inGlossary) {
                glossaryBlock(n, line);
            } else if (n instanceof Paragraph p) {
                out.paragraph(inline(p), line);
            } else if (n instanceof ListBlock list) {
                out.list(items(list), line);
            } else if (n instanceof TableBlock table) {
                table(table);
            } else if (n instanceof FencedCodeBlock code) {
                out.whole(code.getLiteral(), line);
            } else if (n instanceof IndentedCodeBlock code) {
                out.whole(code.getLiteral(), line);
            } else if (n instanceof BlockQuote quote) {
                for (Node c = quote.getFirstChild(); c != null; c = c.getNext()) {
                    block(c);
                }
            } else if (n instanceof HtmlBlock html) {
                out.paragraph(org.jsoup.Jsoup.parse(html.getLiteral()).text(), line);
            }
        }

        List<String> items(ListBlock list) {
            List<String> items = new ArrayList<>();
            int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof ListBlock nested) {
                        parts.add(String.join(" ", items(nested)));
                    } else if (c instanceof FencedCodeBlock code) {
                        parts.add(code.getLiteral());
                    } else if (c instanceof IndentedCodeBlock code) {
                        parts.add(code.getLiteral());
                    } else {
                        parts.add(inline(c));
                    }
                }
                String marker = list instanceof OrderedList ? number++ + ". " : "・";
                items.add(marker + String.join(" ", parts).strip());
            }
            return items;
        }

        void table(TableBlock table) {
            List<String> headers = List.of();
            for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            cells.add(inline(cell));
                        }
                    }
                    if (part instanceof TableHead) {
                        headers = cells;
                    } else if (part instanceof TableBody) {
                        out.row(headers, cells, line(row) > 0 ? line(row) : line(table));
                    }
                }
            }
        }

        /** {@code - **TERM**: definition} items, or {@code ■TERM} lines followed by their definition. */
        void glossaryBlock(Node n, int line) {
            if (n instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    Node first = item.getFirstChild();
                    Node strong = first == null ? null : first.getFirstChild();
                    int at = line(item);
                    if (first instanceof Paragraph && strong instanceof org.commonmark.node.StrongEmphasis) {
                        StringBuilder rest = new StringBuilder();
                        for (Node c = strong.getNext(); c != null; c = c.getNext()) {
                            append(c, rest);
                        }
                        startTerm(OutlineBuilder.clean(inline(strong)), at);
                        glossaryLines(TERM_COLON.matcher(rest.toString()).replaceFirst(""), at);
                    } else {
                        glossaryLines(inlineOf(item), at);
                    }
                }
            } else if (n instanceof Paragraph p) {
                glossaryLines(inlineOf(p), line);
            }
        }

        /** A {@code ■} line starts a term (a lazy continuation line of a list item may too); other lines define it. */
        void glossaryLines(String text, int line) {
            List<String> lines = text.lines().toList();
            for (int k = 0; k < lines.size(); k++) {
                String t = lines.get(k).strip();
                if (t.startsWith("■")) {
                    startTerm(t.substring(1).strip(), line + k);
                } else if (term != null && !t.isEmpty()) {
                    definition.add(t);
                }
            }
        }

        void startTerm(String name, int line) {
            flushTerm();
            term = name;
            termLine = line;
        }

        void flushTerm() {
            if (term != null && !term.isEmpty()) {
                String headword = term;
                String reading = null;
                Matcher r = READING.matcher(term);
                if (r.matches()) {
                    headword = r.group(1).strip();
                    reading = GlossaryParser.toKatakana(r.group(2));
                }
                budget.charge(term);
                glossary.add(new GlossaryEntry(term, headword, reading, LineRepair.join(definition), List.of(), doc, termLine));
            }
            term = null;
            definition.clear();
        }

        /** A block's inline text, its line breaks kept as {@code \n} so that Japanese lines join without spaces. */
        String inline(Node n) {
            return joinLines(inlineOf(n));
        }
    }

    /** Inline markup dropped: emphasis, code ticks, link targets, images, inline HTML. */
    private static String inlineOf(Node n) {
        StringBuilder b = new StringBuilder();
        collect(n, b);
        return b.toString();
    }

    private static void collect(Node n, StringBuilder b) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            append(c, b);
        }
    }

    private static void append(Node c, StringBuilder b) {
        if (c instanceof Text t) {
            b.append(t.getLiteral());
        } else if (c instanceof Code code) {
            b.append(code.getLiteral());
        } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
            b.append('\n');
        } else if (c instanceof Image || c instanceof HtmlInline) {
            return;
        } else if (c instanceof Paragraph) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            collect(c, b);
        } else {
            collect(c, b);
        }
    }

    /** Lines joined as PDF lines are: no space inside Japanese, a space between Latin words. */
    private static String joinLines(String s) {
        if (s.indexOf('\n') < 0) {
            return s.strip();
        }
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n")) {
            LineRepair.appendLine(b, line);
        }
        return b.toString();
    }

    private static int line(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans == null || spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }
}
