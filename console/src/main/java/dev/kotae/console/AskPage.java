package dev.kotae.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.answer.Answer;
import dev.kotae.answer.Citation;
import dev.kotae.answer.Question;
import java.util.Iterator;
import java.util.Map;

/**
 * Ask as a user would and see exactly what the bots say: the answer, its kind and confidence, each
 * citation (opening the passage as indexed), and why it was chosen when the core says so. Questions
 * asked here are answered and logged by the core like any other, with platform {@code console}.
 */
final class AskPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Console console;

    AskPage(Console console) {
        this.console = console;
    }

    Response handle(Request r) {
        String question = r.method().equals("POST") ? r.param("q") : null;
        Html body = new Html();
        form(body, r, question);
        if (question != null) {
            Answer answer = console.service.answer(new Question(question, "console", null).explained());
            answer(body, r, answer);
        } else {
            body.raw("<p class=\"hint\">ボットと同じ中核（コア）が答えます。ここでの質問も利用状況と未回答の集計に入ります（プラットフォーム「console」）。</p>");
        }
        return Response.html(200, Layout.page("質問", Layout.Nav.ASK, r.session(), body.toString()));
    }

    private static void form(Html h, Request r, String question) {
        h.raw("<form class=\"ask\" method=\"post\" action=\"/ask\">").csrf(r.session().csrf())
                .raw("<label for=\"q\">質問</label>")
                .raw("<textarea id=\"q\" name=\"q\" rows=\"2\" maxlength=\"2000\" placeholder=\"例：WAFとは？\" required>")
                .text(question == null ? "" : question).raw("</textarea>")
                .raw("<button type=\"submit\" id=\"ask-submit\">質問する</button></form>");
    }

    static String kindLabel(String kind) {
        return switch (kind) {
            case "glossary" -> "用語集";
            case "faq" -> "FAQ";
            case "case" -> "事例";
            case "case-list" -> "事例一覧";
            case "passage" -> "本文";
            case "help" -> "ヘルプ";
            case "none" -> "回答なし";
            default -> kind;
        };
    }

    private void answer(Html h, Request r, Answer a) {
        String kind = a.kind().label();
        h.raw("<section class=\"answer\" id=\"answer\" data-kind=\"").text(kind).raw("\">");
        h.raw("<div class=\"meta\"><span class=\"badge kind-").text(kind).raw("\" id=\"answer-kind\">").text(kindLabel(kind))
                .raw(" <code>").text(kind).raw("</code></span>")
                .raw("<span class=\"confidence\">確信度 <meter min=\"0\" max=\"1\" low=\"0.5\" optimum=\"1\" value=\"")
                .text(a.confidence()).raw("\"></meter> <b id=\"answer-confidence\">").text(String.format("%.3f", a.confidence()))
                .raw("</b></span><span class=\"took\">").text(Html.number(a.tookMicros())).raw(" µs</span></div>");
        h.raw("<div class=\"answer-text\" id=\"answer-text\">").text(a.text()).raw("</div>");

        h.raw("<h2>出典</h2>");
        if (a.citations().isEmpty()) {
            h.raw("<p class=\"hint\" id=\"no-citations\">出典はありません（").text(kindLabel(kind)).raw("）。</p>");
        } else {
            h.raw("<ol class=\"citations\" id=\"citations\">");
            for (Citation c : a.citations()) {
                citation(h, c);
            }
            h.raw("</ol>");
        }
        if (!a.followUps().isEmpty()) {
            h.raw("<h2>関連する質問</h2><div class=\"follow-ups\">");
            for (String f : a.followUps()) {
                h.raw("<form method=\"post\" action=\"/ask\">").csrf(r.session().csrf())
                        .raw("<input type=\"hidden\" name=\"q\" value=\"").text(f).raw("\">")
                        .raw("<button type=\"submit\" class=\"chip\">").text(f).raw("</button></form>");
            }
            h.raw("</div>");
        }
        if (!a.suggestions().isEmpty()) {
            h.raw("<p>もしかして：").text(String.join("、", a.suggestions())).raw("</p>");
        }
        explanation(h, a);
        h.raw("<details class=\"plain\"><summary>チャットでの表示（テキスト）</summary><pre id=\"plain-text\">")
                .text(a.plainText()).raw("</pre></details></section>");
    }

    private void citation(Html h, Citation c) {
        h.raw("<li class=\"citation\"><div class=\"label\">").text(c.label()).raw("</div><div class=\"where\">")
                .raw("<span class=\"doc\">").text(c.doc()).raw("</span>");
        if (c.page() != null) {
            h.raw(" <span class=\"page\">").text(c.page()).raw("</span>");
        }
        if (c.section() != null) {
            h.raw(" <span class=\"section\">").text(c.section()).raw("</span>");
        }
        h.raw(" <a class=\"open\" href=\"").text(CorpusPages.href(c)).raw("\">索引された本文を開く</a></div>");
        if (c.snippet() != null && !c.snippet().isBlank()) {
            h.raw("<blockquote>").text(c.snippet()).raw("</blockquote>");
        }
        console.service.fullText(c).ifPresent(full -> h.raw("<details><summary>引用箇所の全文</summary><div class=\"full\">")
                .text(full).raw("</div></details>"));
        h.raw("</li>");
    }

    /**
     * Why this answer: the core's explanation (matched FAQ rule, matched terms, intent) when its answers
     * carry one; read from the answer's JSON so that whatever the core adds is shown as it says it.
     */
    private static void explanation(Html h, Answer a) {
        h.raw("<section class=\"explain\" id=\"explanation\"><h2>この回答が選ばれた理由</h2>");
        JsonNode node = JSON.valueToTree(a).get("explanation");
        if (node == null || node.isNull() || node.isEmpty()) {
            h.raw("<dl><dt>種類</dt><dd>").text(kindLabel(a.kind().label())).raw("</dd><dt>確信度</dt><dd>")
                    .text(String.format("%.3f", a.confidence())).raw("</dd><dt>出典の数</dt><dd>").text(a.citations().size())
                    .raw("</dd></dl><p class=\"hint\">一致した FAQ ルール・語・意図の説明は、中核（コア）が回答に付けるようになると、ここに表示されます。</p>");
        } else {
            h.raw("<dl id=\"explanation-fields\">");
            fields(h, node);
            h.raw("</dl>");
        }
        h.raw("</section>");
    }

    /** The core's explanation fields, in Japanese where they are known; others under their own name. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("focus", "質問の要点"),
            Map.entry("context", "前置き・事情"), Map.entry("second", "二つ目の質問"), Map.entry("manner", "聞き方として除いた語"),
            Map.entry("intent", "意図"), Map.entry("subject", "主題"), Map.entry("valueAsked", "求められた値の種類"),
            Map.entry("terms", "語と重み"), Map.entry("rule", "一致した FAQ ルール"), Map.entry("source", "回答の出どころ"),
            Map.entry("considered", "検討した候補"));

    private static void fields(Html h, JsonNode node) {
        if (!node.isObject()) {
            h.raw("<dt>説明</dt><dd>").text(node.isTextual() ? node.asText() : node.toString()).raw("</dd>");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v == null || v.isNull() || v.isEmpty() && !v.isValueNode()) {
                continue;
            }
            h.raw("<dt>").text(LABELS.getOrDefault(e.getKey(), e.getKey())).raw("</dt><dd data-field=\"").text(e.getKey()).raw("\">");
            if (v.isArray()) {
                h.raw("<ul>");
                v.forEach(x -> h.raw("<li>").text(flat(x)).raw("</li>"));
                h.raw("</ul>");
            } else {
                h.text(flat(v));
            }
            h.raw("</dd>");
        }
    }

    /** A value as one line: an object's values joined (a term, its weight and its role). */
    private static String flat(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isObject()) {
            StringBuilder b = new StringBuilder();
            v.fields().forEachRemaining(f -> b.append(b.isEmpty() ? "" : "  ").append(f.getValue().isTextual()
                    ? f.getValue().asText() : f.getValue().isDouble() ? String.format("%.2f", f.getValue().asDouble()) : f.getValue().toString()));
            return b.toString();
        }
        return v.toString();
    }
}
