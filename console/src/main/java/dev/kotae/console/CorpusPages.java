package dev.kotae.console;

import dev.kotae.answer.Citation;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.corpus.Document;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import dev.kotae.corpus.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The corpus as the serving generation indexed it: documents with their counts, each document's
 * sections and passages (the text an answer would quote), the glossary, and the FAQ rules with their
 * smoke-check result. A document is looked up by name among the generation's documents; the console
 * never opens a file by a name from a request.
 */
final class CorpusPages {
    private final Console console;

    CorpusPages(Console console) {
        this.console = console;
    }

    /** Where a citation's passage is shown as indexed. */
    static String href(Citation c) {
        if ("glossary".equals(c.source())) {
            return "/corpus/glossary#" + Html.anchor("g-", c.term());
        }
        String anchor;
        if ("slides".equals(c.source()) && c.page() != null) {
            anchor = Html.anchor("slide-", c.page().replaceAll("\\D+", ""));
        } else if (c.section() != null) {
            anchor = Html.anchor("s-", c.section());
        } else {
            anchor = Html.anchor("h-", c.title());
        }
        return "/corpus/document?name=" + Html.url(c.doc()) + "#" + anchor;
    }

    private Corpus corpus() {
        return console.service.knowledge().corpus();
    }

    Response documents(Request r) {
        Corpus c = corpus();
        Html h = new Html();
        h.raw("<p class=\"summary\">").text(console.service.stats()).raw("</p>");
        h.raw("<p class=\"subnav\"><a href=\"/corpus/glossary\">用語集（").text(c.glossary().size())
                .raw("）</a> <a href=\"/corpus/faq\">FAQ ルール（").text(c.faq().size()).raw("）</a></p>");
        h.raw("<h2>文書</h2><div class=\"scroll\"><table id=\"documents\"><thead><tr><th>ファイル</th><th>種類</th><th>タイトル</th>")
                .raw("<th class=\"n\">行</th><th class=\"n\">セクション</th><th class=\"n\">スライド</th><th class=\"n\">パッセージ</th>")
                .raw("<th class=\"n\">用語</th></tr></thead><tbody>");
        for (Document d : c.documents()) {
            long sections = c.sections().stream().filter(s -> s.doc().equals(d.name())).count();
            long slides = c.slides().stream().filter(s -> s.doc().equals(d.name())).count();
            long passages = c.passages().stream().filter(p -> p.doc().equals(d.name())).count();
            long terms = c.glossary().stream().filter(g -> d.name().equals(g.doc())).count();
            h.raw("<tr><td>").link("/corpus/document?name=" + Html.url(d.name()), d.name()).raw("</td><td>").text(kindLabel(d))
                    .raw("</td><td>").text(d.title()).raw("</td><td class=\"n\">").text(d.lines()).raw("</td><td class=\"n\">")
                    .text(sections).raw("</td><td class=\"n\">").text(slides).raw("</td><td class=\"n\">").text(passages)
                    .raw("</td><td class=\"n\">").text(terms).raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
        return Response.html(200, Layout.page("コーパス", Layout.Nav.CORPUS, r.session(), h.toString()));
    }

    private static String kindLabel(Document d) {
        return switch (d.kind()) {
            case SEMINAR_TEXT -> "テキスト";
            case SLIDES -> "スライド";
            case MARKDOWN -> "Markdown";
            default -> d.kind().name();
        };
    }

    Response document(Request r) {
        String name = r.queryParam("name");
        Corpus c = corpus();
        Optional<Document> doc = name == null ? Optional.empty()
                : c.documents().stream().filter(d -> d.name().equals(name)).findFirst();
        if (doc.isEmpty()) {
            return Response.html(404, Layout.message("文書が見つかりません", r.session(),
                    "その文書は提供中のインデックスのコーパスにありません。コーパスの外のファイルは開けません。", "/corpus", "文書の一覧へ"));
        }
        Document d = doc.get();
        Html h = new Html();
        h.raw("<p class=\"summary\"><span class=\"doc\">").text(d.name()).raw("</span> ").text(kindLabel(d)).raw("・")
                .text(d.title()).raw("</p>");
        h.raw("<p class=\"hint\">回答が引用する本文は、下の各パッセージ（索引されたとおりのテキスト）です。</p>");
        String group = null;
        boolean open = false;
        for (Passage p : c.passages()) {
            if (!p.doc().equals(d.name())) {
                continue;
            }
            String key = p.source() == SourceKind.SLIDES ? "slide|" + p.page() : "text|" + p.sectionId() + "|" + p.title();
            if (!Objects.equals(key, group)) {
                if (open) {
                    h.raw("</ol></section>");
                }
                group = key;
                open = true;
                String anchor = p.source() == SourceKind.SLIDES && p.page() != null ? Html.anchor("slide-", p.page().replaceAll("\\D+", ""))
                        : p.sectionId() != null ? Html.anchor("s-", p.sectionId()) : Html.anchor("h-", p.title());
                h.raw("<section class=\"part\" id=\"").text(anchor).raw("\"><h2>");
                if (p.source() == SourceKind.SLIDES) {
                    h.text(p.page()).raw(" ");
                } else if (p.sectionId() != null) {
                    h.text(p.sectionId()).raw(" ");
                }
                h.text(p.title() == null ? "" : p.title());
                if (p.source() != SourceKind.SLIDES && p.page() != null) {
                    h.raw(" <small>").text(p.page()).raw("</small>");
                }
                h.raw("</h2><ol class=\"passages\">");
            }
            h.raw("<li class=\"passage\"><span class=\"line\">").text(d.name() + ":" + p.line()).raw("</span><div class=\"text\">")
                    .text(p.text()).raw("</div></li>");
        }
        if (open) {
            h.raw("</ol></section>");
        }
        List<GlossaryEntry> terms = c.glossary().stream().filter(g -> d.name().equals(g.doc())).toList();
        if (!terms.isEmpty()) {
            h.raw("<p>この文書の用語集：").link("/corpus/glossary", terms.size() + " 語").raw("</p>");
        }
        return Response.html(200, Layout.page(d.name(), Layout.Nav.CORPUS, r.session(), h.toString()));
    }

    Response glossary(Request r) {
        Corpus c = corpus();
        Html h = new Html();
        h.raw("<p class=\"summary\">用語 ").text(c.glossary().size()).raw(" 語。見出し語・読み・定義は索引されたとおりです。</p><dl class=\"glossary\">");
        for (GlossaryEntry g : c.glossary()) {
            h.raw("<dt id=\"").text(Html.anchor("g-", g.term())).raw("\">").text(g.term())
                    .raw(" <small>").text(g.doc() + ":" + g.line()).raw("</small></dt><dd>").text(g.definition());
            if (!g.references().isEmpty()) {
                h.raw("<div class=\"refs\">参照：").text(String.join("、", g.references())).raw("</div>");
            }
            h.raw("</dd>");
        }
        h.raw("</dl>");
        return Response.html(200, Layout.page("用語集", Layout.Nav.CORPUS, r.session(), h.toString()));
    }

    Response faq(Request r) {
        Corpus c = corpus();
        Map<String, List<CorpusProblem>> results = console.smoke.byRule(console.service.knowledge());
        long failing = results.values().stream().filter(l -> !l.isEmpty()).count();
        Html h = new Html();
        h.raw("<p class=\"summary\" id=\"smoke-summary\">FAQ ルール ").text(c.faq().size()).raw(" 件。スモークチェック（各ルールの例文がそのルールの回答に届くか）：")
                .text(failing == 0 ? "すべて合格" : failing + " 件が不合格").raw("</p>");
        for (FaqRule rule : c.faq()) {
            List<CorpusProblem> problems = results.getOrDefault(rule.id(), List.of());
            h.raw("<section class=\"rule\" id=\"").text(Html.anchor("r-", rule.id())).raw("\"><h2><code>").text(rule.id())
                    .raw("</code> <span class=\"badge ").raw(problems.isEmpty() ? "ok\">合格" : "ng\">不合格").raw("</span> <small>")
                    .text(rule.file() + ":" + rule.line()).raw("</small></h2>");
            for (CorpusProblem p : problems) {
                h.raw("<p class=\"notice error\">").text(p.toString()).raw("</p>");
            }
            h.raw("<dl><dt>例文</dt><dd><ul>");
            rule.questions().forEach(q -> h.raw("<li>").text(q).raw("</li>"));
            h.raw("</ul></dd>");
            if (!rule.patterns().isEmpty()) {
                h.raw("<dt>パターン</dt><dd><code>").text(String.join("  ", rule.patterns())).raw("</code></dd>");
            }
            h.raw("<dt>回答</dt><dd class=\"text\">").text(rule.answer()).raw("</dd><dt>出典</dt><dd>")
                    .text(String.join("、", rule.cite())).raw("</dd></dl></section>");
        }
        return Response.html(200, Layout.page("FAQ ルール", Layout.Nav.CORPUS, r.session(), h.toString()));
    }
}
