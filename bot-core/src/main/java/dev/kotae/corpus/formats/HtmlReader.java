package dev.kotae.corpus.formats;

import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * A web page, read with jsoup: only the main content ({@code <main>}, {@code role=main} or
 * {@code <article>}, else the body) without scripts, styles, navigation, headers, footers and
 * asides; {@code h1}–{@code h6} make sections titled by their heading path, lists stay lists and
 * table rows keep their column headers.
 */
final class HtmlReader implements DocumentReader {
    private static final String BOILERPLATE = "script, style, noscript, template, nav, header, footer, aside, form, iframe, "
            + "svg, canvas, button, select, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=search], "
            + "[aria-hidden=true], [hidden]";
    private static final Set<String> PARAGRAPHS = Set.of("p", "address", "figcaption", "dt", "dd", "caption", "summary", "legend");

    @Override
    public ReadDocument read(SourceFile file, ReadBudget budget) throws Unreadable, IOException {
        Document page;
        try (InputStream in = file.stream()) {
            Parser parser = Parser.htmlParser().setTrackPosition(true);
            page = Jsoup.parse(in, null, "", parser);
        }
        budget.check();
        page.select(BOILERPLATE).remove();
        Element main = page.selectFirst("main, [role=main]");
        if (main == null) {
            var articles = page.select("article");
            main = articles.size() == 1 ? articles.first() : page.body();
        }
        String title = page.title().isBlank() ? firstHeading(main, file.name()) : page.title().strip();
        Walker w = new Walker(new OutlineBuilder(file.name(), SourceKind.TEXT, title, true, budget), budget);
        if (main != null) {
            w.container(main);
            w.flush();
        }
        if (w.out.passageCount() == 0) {
            throw new Unreadable("本文のテキストがありません");
        }
        return new ReadDocument(DocumentKind.HTML, "text/html", title, 0, 0, w.out.build(), List.of());
    }

    private static String firstHeading(Element main, String fallback) {
        Element h = main == null ? null : main.selectFirst("h1, h2");
        return h == null || h.text().isBlank() ? fallback : h.text().strip();
    }

    private static final class Walker {
        final OutlineBuilder out;
        final ReadBudget budget;
        final StringBuilder inline = new StringBuilder();
        int inlineLine;

        Walker(OutlineBuilder out, ReadBudget budget) {
            this.out = out;
            this.budget = budget;
        }

        void container(Element parent) {
            for (Node n : parent.childNodes()) {
                if (n instanceof TextNode t) {
                    text(t.text(), line(parent));
                } else if (n instanceof Element e) {
                    element(e);
                }
            }
        }

        void element(Element e) {
            budget.check();
            String tag = e.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    flush();
                    out.heading(tag.charAt(1) - '0', e.text(), line(e));
                }
                case "ul", "ol", "menu" -> {
                    flush();
                    out.list(items(e), line(e));
                }
                case "table" -> {
                    flush();
                    table(e);
                }
                case "pre" -> {
                    flush();
                    out.whole(e.wholeText(), line(e));
                }
                case "br" -> inline.append(' ');
                case "img", "video", "audio", "object", "embed", "input", "textarea" -> { }
                default -> {
                    if (PARAGRAPHS.contains(tag)) {
                        flush();
                        out.paragraph(JapaneseSpacing.tighten(e.text()), line(e));
                    } else if (e.isBlock()) {
                        flush();
                        container(e);
                        flush();
                    } else {
                        text(e.text(), line(e));
                    }
                }
            }
        }

        List<String> items(Element list) {
            List<String> items = new ArrayList<>();
            boolean ordered = list.normalName().equals("ol");
            int number = 1;
            try {
                number = ordered && list.hasAttr("start") ? Integer.parseInt(list.attr("start").strip()) : 1;
            } catch (NumberFormatException e) {
                number = 1;
            }
            for (Element li : list.children()) {
                if (!li.normalName().equals("li")) {
                    continue;
                }
                StringBuilder own = new StringBuilder();
                for (Node c : li.childNodes()) {
                    if (c instanceof Element ce && (ce.normalName().equals("ul") || ce.normalName().equals("ol"))) {
                        own.append(' ').append(String.join(" ", items(ce)));
                    } else if (c instanceof Element ce) {
                        own.append(ce.text()).append(ce.isBlock() ? " " : "");
                    } else if (c instanceof TextNode t) {
                        own.append(t.text());
                    }
                }
                items.add((ordered ? number++ + ". " : "・") + own.toString().strip());
            }
            return items;
        }

        void table(Element table) {
            List<String> headers = List.of();
            for (Element row : table.select("tr")) {
                if (row.closest("table") != table) {
                    continue; // a nested table's rows are read with that table's cells
                }
                List<String> cells = new ArrayList<>();
                boolean allHeaders = true;
                for (Element cell : row.children()) {
                    if (cell.normalName().equals("th") || cell.normalName().equals("td")) {
                        cells.add(cell.text());
                        allHeaders &= cell.normalName().equals("th");
                    }
                }
                if (cells.isEmpty()) {
                    continue;
                }
                if (allHeaders && headers.isEmpty()) {
                    headers = cells;
                } else {
                    out.row(headers, cells, line(row));
                }
            }
        }

        void text(String s, int line) {
            if (s.isBlank()) {
                if (!inline.isEmpty()) {
                    inline.append(' ');
                }
                return;
            }
            if (inline.isEmpty()) {
                inlineLine = line;
            }
            inline.append(s);
        }

        void flush() {
            if (!inline.toString().isBlank()) {
                out.paragraph(JapaneseSpacing.tighten(inline.toString()), inlineLine);
            }
            inline.setLength(0);
        }

        static int line(Element e) {
            var range = e.sourceRange();
            return range == null || !range.isTracked() ? 0 : range.start().lineNumber();
        }
    }
}
