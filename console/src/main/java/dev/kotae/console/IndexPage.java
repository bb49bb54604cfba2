package dev.kotae.console;

import dev.kotae.answer.KotaeService;
import dev.kotae.answer.ReindexReport;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.generation.GenerationStore;
import dev.kotae.generation.Inventory;
import dev.kotae.usage.ActivityDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index generations (serving, previous, when, by whom, counts, what changed), validate, reindex
 * with progress and report, and rollback — the same rules as the CLI, through the same core: one
 * reindex at a time, a refused reindex keeps the serving generation. Reindex and rollback are for
 * admins; every request is audited by the core with platform {@code console}.
 */
final class IndexPage {
    private static final List<String> KINDS = List.of("documents", "sections", "glossary terms", "FAQ rules", "cases");
    private static final List<String> KIND_LABELS = List.of("文書", "セクション", "用語", "FAQ", "事例");
    private final Console console;
    /** The latest rollback's outcome, shown once after it (kept here, not in the URL, so a link cannot fake one). */
    private volatile KotaeService.RollbackResult lastRollback;

    IndexPage(Console console) {
        this.console = console;
    }

    private DateTimeFormatter time() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(console.zone);
    }

    Response show(Request r) {
        Html h = new Html();
        ReindexJob.State job = console.reindexJob.state();
        boolean admin = r.session().role() == Sessions.Role.ADMIN;
        h.raw("<p class=\"summary\" id=\"serving\">提供中：").text(console.service.stats()).raw("</p>");
        var health = console.service.health();
        h.raw("<p class=\"hint\" id=\"health\">このプロセスの回答：起動から ").text(Html.number(health.answered())).raw(" 件")
                .text(health.failed() > 0 ? "（内部エラーで答えられなかったもの " + Html.number(health.failed()) + " 件）" : "")
                .raw("、処理中 ").text(health.inProgress()).raw(" 件")
                .text(health.stuck() ? "（" + health.oldestMillis() / 1000 + " 秒以上止まっているものがあります）" : "")
                .text(health.patternsOverBudget() > 0 ? "、時間切れになった FAQ パターン " + health.patternsOverBudget() + " 回" : "")
                .raw("。</p>");

        h.raw("<div class=\"actions\">");
        h.raw("<form method=\"post\" action=\"/index/validate\">").csrf(r.session().csrf())
                .raw("<button type=\"submit\" id=\"validate\">検証する</button></form>");
        if (admin) {
            h.raw("<form method=\"post\" action=\"/index/reindex\" data-confirm=\"コーパスからインデックスを再作成します。よろしいですか？\">")
                    .csrf(r.session().csrf()).raw("<button type=\"submit\" id=\"reindex\"").raw(job.running() ? " disabled" : "")
                    .raw(">再作成する</button></form>");
            h.raw("<form method=\"post\" action=\"/index/rollback\" data-confirm=\"ひとつ前のインデックス世代に戻します。よろしいですか？\">")
                    .csrf(r.session().csrf()).raw("<button type=\"submit\" id=\"rollback\" class=\"secondary\"")
                    .raw(job.running() ? " disabled" : "").raw(">ひとつ前に戻す</button></form>");
        } else {
            h.raw("<p class=\"hint\" id=\"viewer-note\">再作成とロールバックは管理者だけが行えます（閲覧者としてログイン中）。</p>");
        }
        h.raw("</div>");

        String flash = r.queryParam("m");
        if ("busy".equals(flash)) {
            h.raw("<p class=\"notice error\">インデックスの再作成はすでに実行中です。終わるまでお待ちください。</p>");
        }
        KotaeService.RollbackResult rollback = lastRollback;
        if ("1".equals(r.queryParam("rollback")) && rollback != null) {
            h.raw("<p class=\"notice").raw(rollback.done() ? "" : " error").raw("\" id=\"rollback-result\">").text(rollback.message()).raw("</p>");
        }
        reindexStatus(h, job);
        validation(h);
        generations(h);
        audit(h);
        return Response.html(200, Layout.page("インデックス", Layout.Nav.INDEX, r.session(), h.toString(), job.running() ? 1 : null));
    }

    private void reindexStatus(Html h, ReindexJob.State job) {
        if (job.running()) {
            double progress = ReindexJob.progress(job, Instant.now());
            long seconds = java.time.Duration.between(job.started(), Instant.now()).toSeconds();
            h.raw("<section class=\"panel\" id=\"reindex-progress\"><h2>再作成中…</h2><progress max=\"1\"")
                    .raw(progress < 0 ? "" : " value=\"" + String.format("%.2f", progress) + "\"").raw("></progress><p>")
                    .text(seconds + " 秒経過").text(job.lastMillis() > 0 ? "（前回は " + (job.lastMillis() + 999) / 1000 + " 秒）" : "")
                    .raw("。コーパスを読み込み、索引を作り、スモークチェックに合格してから切り替えます。その間もこれまでの世代が回答します。</p></section>");
        } else if (job.report() != null) {
            ReindexReport report = job.report();
            boolean done = report.status() == ReindexReport.Status.DONE;
            h.raw("<section class=\"panel ").raw(done ? "ok" : "ng").raw("\" id=\"reindex-report\" data-status=\"")
                    .text(report.status().name().toLowerCase(java.util.Locale.ROOT)).raw("\"><h2>再作成の結果 <small>")
                    .text(time().format(job.finished())).raw("・").text(job.by()).raw("</small></h2><div class=\"text\">")
                    .text(report.summary()).raw("</div>");
            if (!report.problems().isEmpty()) {
                h.raw("<ul class=\"problems\">");
                for (CorpusProblem p : report.problems()) {
                    h.raw("<li><code>").text(p.toString()).raw("</code></li>");
                }
                h.raw("</ul>");
            }
            h.raw("</section>");
        }
    }

    private void validation(Html h) {
        Validation.Result v = console.validation.latest();
        if (v == null) {
            return;
        }
        h.raw("<section class=\"panel ").raw(v.ok() ? "ok" : "ng").raw("\" id=\"validation\"><h2>検証の結果 <small>")
                .text(time().format(v.at())).raw("・").text(v.by()).raw("・").text(v.millis() + " ms").raw("</small></h2>");
        if (v.ok()) {
            h.raw("<p>コーパスに問題はありません：").text(v.counts()).raw("</p>");
        } else {
            h.raw("<p>").text(v.problems().size()).raw(" 件の問題があります（再作成すると拒否されます）：</p><ul class=\"problems\">");
            for (CorpusProblem p : v.problems()) {
                h.raw("<li><code>").text(p.toString()).raw("</code></li>");
            }
            h.raw("</ul>");
        }
        h.raw("</section>");
    }

    private void generations(Html h) {
        h.raw("<h2>世代</h2>");
        if (console.indexDir == null) {
            h.raw("<p class=\"hint\">インデックスはメモリ上にあります（KOTAE_INDEX_DIR が未設定）。世代は保存されず、ロールバックはできません。</p>");
            return;
        }
        GenerationStore store = new GenerationStore(console.indexDir);
        List<String> names;
        Optional<String> current;
        try {
            names = new ArrayList<>(store.generations());
            current = store.current();
        } catch (IOException e) {
            h.raw("<p class=\"notice error\">世代を読めません：").text(e.getMessage()).raw("</p>");
            return;
        }
        Collections.reverse(names);
        List<ActivityDigest.AuditLine> audit = console.digest == null ? List.of() : refreshedAudit();
        h.raw("<div class=\"scroll\"><table id=\"generations\"><thead><tr><th>世代</th><th>状態</th><th>作成</th><th>実行者</th>");
        for (String label : KIND_LABELS) {
            h.raw("<th class=\"n\">").text(label).raw("</th>");
        }
        h.raw("<th>前回からの変更</th></tr></thead><tbody>");
        int afterServing = -1;
        for (String name : names) {
            boolean serving = current.isPresent() && current.get().equals(name);
            if (serving) {
                afterServing = 0;
            } else if (afterServing >= 0) {
                afterServing++;
            }
            String state = serving ? "提供中" : afterServing == 1 ? "ひとつ前（戻し先）" : afterServing > 1 ? "以前" : "新しい（戻したため未使用）";
            Path dir = console.indexDir.resolve(name);
            String when;
            try {
                when = time().format(Files.getLastModifiedTime(dir).toInstant());
            } catch (IOException e) {
                when = "?";
            }
            Optional<ActivityDigest.AuditLine> made = audit.stream()
                    .filter(a -> "reindex".equals(a.action()) && "done".equals(a.result()) && a.summary() != null
                            && a.summary().contains("（" + name + "）")).findFirst();
            Inventory inventory = Inventory.ofGeneration(dir);
            h.raw("<tr").raw(serving ? " class=\"serving\"" : "")
                    .raw("><td><code>").text(name).raw("</code></td><td>").text(state).raw("</td><td>").text(when).raw("</td><td>")
                    .text(made.map(a -> a.platform() + (a.userId() == null ? "" : " " + a.userId())).orElse("—")).raw("</td>");
            for (String kind : KINDS) {
                Map<String, String> items = inventory == null ? null : inventory.items().get(kind);
                h.raw("<td class=\"n\">").text(items == null ? "?" : String.valueOf(items.size())).raw("</td>");
            }
            String changes = made.map(a -> a.summary().contains("前回からの変更：") ? a.summary().substring(
                    a.summary().indexOf("前回からの変更：") + "前回からの変更：".length()).strip() : "").orElse("");
            h.raw("<td class=\"text\">").text(changes.isEmpty() ? "—" : changes).raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
    }

    private List<ActivityDigest.AuditLine> refreshedAudit() {
        console.digest.refresh();
        return console.digest.audit();
    }

    private void audit(Html h) {
        if (console.digest == null) {
            return;
        }
        List<ActivityDigest.AuditLine> lines = console.digest.audit();
        if (lines.isEmpty()) {
            return;
        }
        h.raw("<h2>最近の管理操作</h2><div class=\"scroll\"><table id=\"audit\"><thead><tr><th>日時</th><th>どこから</th><th>誰</th>")
                .raw("<th>操作</th><th>結果</th><th>内容</th></tr></thead><tbody>");
        for (ActivityDigest.AuditLine a : lines.subList(0, Math.min(20, lines.size()))) {
            String summary = a.summary() == null ? "" : a.summary().lines().findFirst().orElse("");
            h.raw("<tr><td>").text(time().format(a.at())).raw("</td><td>").text(a.platform()).raw("</td><td>")
                    .text(a.userId() == null ? "—" : a.userId()).raw("</td><td>").text(a.action()).raw("</td><td>")
                    .text(a.result()).raw("</td><td>").text(summary).raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
    }

    Response validate(Request r) {
        Validation.Result v = console.validation.run(console.corpusRoot, r.session().role().id());
        console.service.audit("console", r.session().role().id(), "validate", v.ok() ? "done" : "refused",
                v.ok() ? "コーパスに問題はありません：" + v.counts() : v.problems().size() + " 件の問題");
        return Response.redirect("/index#validation");
    }

    Response reindex(Request r) {
        Optional<Response> refused = console.requireAdmin(r, "reindex", "インデックスの再作成");
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!console.reindexJob.start(r.session().role().id())) {
            console.service.audit("console", r.session().role().id(), "reindex", "already_running",
                    "インデックスの再作成はすでに実行中です");
            return Response.redirect("/index?m=busy");
        }
        return Response.redirect("/index");
    }

    Response rollback(Request r) {
        Optional<Response> refused = console.requireAdmin(r, "rollback", "ロールバック");
        if (refused.isPresent()) {
            return refused.get();
        }
        if (console.reindexJob.state().running()) {
            return Response.redirect("/index?m=busy");
        }
        lastRollback = console.service.rollback("console", r.session().role().id());
        return Response.redirect("/index?rollback=1");
    }
}
