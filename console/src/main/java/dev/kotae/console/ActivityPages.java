package dev.kotae.console;

import dev.kotae.answer.NearestSources;
import dev.kotae.usage.ActivityDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What people asked, from the activity logs: unanswered questions (grouped, counted, with a draft
 * FAQ rule per group and a trend), feedback and usage, each filtered by period and platform. Counts
 * only: the logs hold no user ids, and none is shown.
 */
final class ActivityPages {
    static final int GROUPS_SHOWN = 50;
    static final int UNHELPFUL_SHOWN = 20;
    static final int TOPICS_SHOWN = 10;
    private final Console console;

    ActivityPages(Console console) {
        this.console = console;
    }

    /** The period and platform a view shows, from the query (last 30 days, every platform by default). */
    record Period(LocalDate from, LocalDate to, String platform, String error, String preset) {
        ActivityDigest.Filter filter() {
            return new ActivityDigest.Filter(from, to, platform);
        }

        String query() {
            return "from=" + from + "&to=" + to + (platform == null ? "" : "&platform=" + Html.url(platform));
        }
    }

    Period period(Request r) {
        LocalDate today = LocalDate.now(console.zone);
        String preset = r.queryParam("days");
        String platform = r.queryParam("platform");
        platform = platform == null || platform.isBlank() ? null : platform;
        String error = null;
        LocalDate from = today.minusDays(29);
        LocalDate to = today;
        if (preset != null) {
            if (preset.equals("all")) {
                from = LocalDate.of(2000, 1, 1);
            } else {
                try {
                    int days = Integer.parseInt(preset);
                    if (days < 1 || days > 3660) {
                        throw new NumberFormatException();
                    }
                    from = today.minusDays(days - 1L);
                } catch (NumberFormatException e) {
                    error = "期間の指定（days）が正しくありません。直近 30 日を表示します。";
                    preset = null;
                }
            }
        } else if (r.queryParam("from") != null || r.queryParam("to") != null) {
            try {
                from = r.queryParam("from") == null || r.queryParam("from").isBlank() ? LocalDate.of(2000, 1, 1)
                        : LocalDate.parse(r.queryParam("from"));
                to = r.queryParam("to") == null || r.queryParam("to").isBlank() ? today : LocalDate.parse(r.queryParam("to"));
                if (to.isBefore(from)) {
                    error = "期間の終わりが始まりより前です。直近 30 日を表示します。";
                }
            } catch (DateTimeParseException e) {
                error = "日付は YYYY-MM-DD の形で指定してください。直近 30 日を表示します。";
            }
            if (error != null) {
                from = today.minusDays(29);
                to = today;
            }
        }
        return new Period(from, to, platform, error, preset);
    }

    private void filterForm(Html h, String action, Period p) {
        h.raw("<form class=\"filter\" method=\"get\" action=\"").raw(action).raw("\">")
                .raw("<label>開始 <input type=\"date\" name=\"from\" value=\"").text(p.from().getYear() <= 2000 ? "" : p.from().toString())
                .raw("\"></label><label>終了 <input type=\"date\" name=\"to\" value=\"").text(p.to()).raw("\"></label>")
                .raw("<label>プラットフォーム <select name=\"platform\"><option value=\"\">すべて</option>");
        for (String name : console.digest.platforms()) {
            h.raw("<option value=\"").text(name).raw("\"").raw(name.equals(p.platform()) ? " selected" : "").raw(">").text(name).raw("</option>");
        }
        h.raw("</select></label><button type=\"submit\">表示</button><span class=\"presets\">");
        for (String[] preset : new String[][] {{"7", "7日"}, {"30", "30日"}, {"90", "90日"}, {"365", "1年"}, {"all", "すべて"}}) {
            h.raw("<a href=\"").raw(action).raw("?days=").raw(preset[0])
                    .raw(p.platform() == null ? "" : "&amp;platform=" + Html.attr(Html.url(p.platform())))
                    .raw("\"").raw(preset[0].equals(p.preset()) ? " class=\"current\"" : "").raw(">").text(preset[1]).raw("</a>");
        }
        h.raw("</span></form>");
        if (p.error() != null) {
            h.raw("<p class=\"notice error\">").text(p.error()).raw("</p>");
        }
    }

    /** The period as charted: an open start begins at the first day with data. */
    private static LocalDate chartFrom(Period p, SortedMap<LocalDate, ?> data) {
        if (p.from().getYear() <= 2000) {
            return data.isEmpty() ? p.to() : data.firstKey();
        }
        return p.from();
    }

    private Response noLogs(Request r, String title, Layout.Nav nav) {
        return Response.html(200, Layout.page(title, nav, r.session(), "<p class=\"notice\">利用ログはインデックスフォルダに保存されます。"
                + "KOTAE_INDEX_DIR が設定されていないため、表示できるログがありません。</p>"));
    }

    Response unanswered(Request r) {
        if (console.digest == null) {
            return noLogs(r, "答えられなかった質問", Layout.Nav.UNANSWERED);
        }
        console.digest.refresh();
        Period p = period(r);
        ActivityDigest.UnansweredView view = console.digest.unanswered(p.filter(), GROUPS_SHOWN);
        Html h = new Html();
        filterForm(h, "/unanswered", p);
        h.raw("<p class=\"summary\" id=\"unanswered-summary\">答えられなかった・確信度の低かった質問 <b>").text(Html.number(view.total()))
                .raw("</b> 件、<b>").text(Html.number(view.groupCount())).raw("</b> グループ（多い順）。");
        if (view.ungrouped() > 0) {
            h.raw("ほか ").text(Html.number(view.ungrouped())).raw(" 件はグループ数の上限を超えたため数だけ数えています。");
        }
        h.raw("</p>");
        SortedMap<LocalDate, int[]> perDay = new TreeMap<>();
        view.perDay().forEach((d, n) -> perDay.put(d, new int[] {n}));
        List<Charts.Bucket> buckets = Charts.buckets(chartFrom(p, perDay), p.to());
        h.raw(Charts.stacked("unanswered-trend", "未回答の推移", buckets, Charts.bucketed(buckets, perDay, 1), List.of("未回答")));
        if (view.groups().isEmpty()) {
            h.raw("<p class=\"hint\" id=\"no-unanswered\">この期間に未回答の質問はありません。</p>");
        }
        h.raw("<ol class=\"groups\" id=\"groups\">");
        int i = 0;
        for (ActivityDigest.Group g : view.groups()) {
            group(h, g, i++);
        }
        h.raw("</ol>");
        return Response.html(200, Layout.page("答えられなかった質問", Layout.Nav.UNANSWERED, r.session(), h.toString()));
    }

    /** The closest sources per group, for the serving generation: the same groups come back on every view. */
    private final java.util.Map<String, List<NearestSources.Nearby>> nearby = new java.util.HashMap<>();
    private Object nearbyFor;

    private synchronized List<NearestSources.Nearby> nearby(String key, String question) {
        var knowledge = console.service.knowledge();
        if (knowledge != nearbyFor || nearby.size() > 5_000) {
            nearby.clear();
            nearbyFor = knowledge;
        }
        return nearby.computeIfAbsent(key, k -> NearestSources.of(knowledge, question, 3));
    }

    private void group(Html h, ActivityDigest.Group g, int index) {
        String top = g.phrasings().isEmpty() ? g.key() : g.phrasings().get(0).text();
        List<NearestSources.Nearby> near = nearby(g.key(), top);
        List<String> phrasings = g.phrasings().stream().map(ActivityDigest.Phrasing::text).toList();
        String yaml = DraftRule.yaml(g.key(), phrasings, near.stream().map(NearestSources.Nearby::cite).toList());
        String id = "draft-" + index;
        h.raw("<li class=\"group\"><div class=\"head\"><span class=\"count\">").text(Html.number(g.count())).raw("</span> <span class=\"question\">")
                .text(top.length() > 200 ? top.substring(0, 200) + "…（" + Html.number(top.length()) + " 文字）" : top).raw("</span></div>");
        if (phrasings.size() > 1) {
            h.raw("<details><summary>言い方 ").text(g.phrasings().size()).raw(" 通り</summary><ul>");
            for (ActivityDigest.Phrasing ph : g.phrasings()) {
                String text = ph.text().length() > 200 ? ph.text().substring(0, 200) + "…" : ph.text();
                h.raw("<li>").text(text).raw(" <small>×").text(ph.count()).raw("</small></li>");
            }
            h.raw("</ul></details>");
        }
        if (!near.isEmpty()) {
            h.raw("<p class=\"near\">近い出典：");
            for (int k = 0; k < near.size(); k++) {
                NearestSources.Nearby n = near.get(k);
                h.raw(k == 0 ? "" : "／").raw("<a href=\"").text(CorpusPages.href(n.citation())).raw("\">").text(n.cite()).raw(" ")
                        .text(n.citation().label()).raw("</a>");
            }
            h.raw("</p>");
        }
        h.raw("<details class=\"draft\"><summary>FAQ ルールの下書き</summary><textarea readonly class=\"yaml\" id=\"").text(id)
                .raw("\" rows=\"").text(Math.min(16, yaml.split("\n").length + 1)).raw("\">").text(yaml).raw("</textarea>")
                .raw("<button type=\"button\" class=\"copy\" data-copy=\"").text(id).raw("\">コピー</button></details></li>");
    }

    Response feedback(Request r) {
        if (console.digest == null) {
            return noLogs(r, "フィードバック", Layout.Nav.FEEDBACK);
        }
        console.digest.refresh();
        Period p = period(r);
        ActivityDigest.FeedbackView view = console.digest.feedback(p.filter(), UNHELPFUL_SHOWN);
        Html h = new Html();
        filterForm(h, "/feedback", p);
        int total = view.up() + view.down();
        h.raw("<p class=\"summary\" id=\"feedback-summary\">フィードバック <b>").text(Html.number(total)).raw("</b> 件：👍 役に立った <b>")
                .text(Html.number(view.up())).raw("</b>、👎 役に立たなかった <b>").text(Html.number(view.down())).raw("</b>")
                .text(total == 0 ? "" : "（👍 " + Html.percent(view.up() / (double) total) + "）").raw("</p>");
        List<Charts.Bucket> buckets = Charts.buckets(chartFrom(p, view.perDay()), p.to());
        h.raw("<div class=\"charts\">");
        List<String> votes = List.of("👍 役に立った", "👎 役に立たなかった");
        h.raw(Charts.stacked("feedback-per-day", "日ごとのフィードバック", buckets, Charts.bucketed(buckets, view.perDay(), 2), votes));
        Map<String, int[]> perKind = new LinkedHashMap<>();
        view.perKind().entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                .forEach(e -> perKind.put(AskPage.kindLabel(e.getKey()) + "（" + e.getKey() + "）", e.getValue()));
        if (!perKind.isEmpty()) {
            h.raw(Charts.ranking("feedback-per-kind", "回答の種類ごとのフィードバック", perKind, votes));
        }
        h.raw("</div><h2>役に立たなかった回答（多い順）</h2>");
        if (view.unhelpful().isEmpty()) {
            h.raw("<p class=\"hint\">この期間に 👎 はありません。</p>");
        } else {
            h.raw("<div class=\"scroll\"><table id=\"unhelpful\"><thead><tr><th class=\"n\">👎 役に立たなかった</th><th class=\"n\">👍 役に立った</th><th>質問</th><th>種類</th><th>出典</th></tr></thead><tbody>");
            for (ActivityDigest.Unhelpful u : view.unhelpful()) {
                h.raw("<tr><td class=\"n\">").text(u.down()).raw("</td><td class=\"n\">").text(u.up()).raw("</td><td>").text(u.question())
                        .raw("</td><td>").text(AskPage.kindLabel(u.kind())).raw("</td><td>").text(String.join("／", u.citations())).raw("</td></tr>");
            }
            h.raw("</tbody></table></div>");
        }
        return Response.html(200, Layout.page("フィードバック", Layout.Nav.FEEDBACK, r.session(), h.toString()));
    }

    Response usage(Request r) {
        if (console.digest == null) {
            return noLogs(r, "利用状況", Layout.Nav.USAGE);
        }
        console.digest.refresh();
        Period p = period(r);
        ActivityDigest.UsageView view = console.digest.usage(p.filter(), TOPICS_SHOWN);
        Html h = new Html();
        filterForm(h, "/usage", p);
        h.raw("<p class=\"summary\" id=\"usage-summary\">質問 <b>").text(Html.number(view.total())).raw("</b> 件：回答できた <b>")
                .text(Html.number(view.answered())).raw("</b>、回答なし（none） <b>").text(Html.number(view.none())).raw("</b>")
                .text(view.total() == 0 ? "" : "（回答できた割合 " + Html.percent(view.answered() / (double) view.total()) + "）")
                .raw("。利用者 ID は記録も表示もしません。</p>");
        List<String> platforms = new ArrayList<>();
        view.perDayPlatform().values().forEach(m -> m.keySet().forEach(k -> {
            if (!platforms.contains(k)) {
                platforms.add(k);
            }
        }));
        SortedMap<LocalDate, int[]> perDay = new TreeMap<>();
        view.perDayPlatform().forEach((d, m) -> {
            int[] v = new int[platforms.size()];
            m.forEach((k, n) -> v[platforms.indexOf(k)] += n);
            perDay.put(d, v);
        });
        List<Charts.Bucket> buckets = Charts.buckets(chartFrom(p, perDay), p.to());
        h.raw("<div class=\"charts\">");
        h.raw(Charts.stacked("usage-per-platform", "プラットフォーム別の質問数", buckets,
                Charts.bucketed(buckets, perDay, Math.max(1, platforms.size())), platforms.isEmpty() ? List.of("質問") : platforms));
        h.raw(Charts.stacked("usage-answered", "回答できた／回答なし", buckets, Charts.bucketed(buckets, view.perDayAnswered(), 2),
                List.of("回答できた", "回答なし")));
        Map<String, Integer> kinds = new LinkedHashMap<>();
        view.perKind().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> kinds.put(AskPage.kindLabel(e.getKey()) + "（" + e.getKey() + "）", e.getValue()));
        if (!kinds.isEmpty()) {
            h.raw(Charts.ranking("usage-kinds", "回答の種類", kinds));
        }
        Map<String, Integer> terms = new LinkedHashMap<>();
        view.glossaryTerms().forEach(t -> terms.put(t.label(), t.count()));
        Map<String, Integer> sections = new LinkedHashMap<>();
        view.sections().forEach(t -> sections.put(t.label(), t.count()));
        if (!terms.isEmpty()) {
            h.raw(Charts.ranking("usage-terms", "よく引用された用語", terms));
        }
        if (!sections.isEmpty()) {
            h.raw(Charts.ranking("usage-sections", "よく引用されたセクション・スライド", sections));
        }
        h.raw("</div>");
        return Response.html(200, Layout.page("利用状況", Layout.Nav.USAGE, r.session(), h.toString()));
    }
}
