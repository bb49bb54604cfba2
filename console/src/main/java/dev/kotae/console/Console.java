package dev.kotae.console;

import dev.kotae.answer.KotaeService;
import dev.kotae.answer.NearestSources;
import dev.kotae.usage.ActivityDigest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console itself: who may see what, and which page answers which path. Everything it shows comes
 * from the core — the service (answers, reindex, rollback), the generation store and the activity
 * logs in the index folder; the console only lays them out.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    static final String LOGIN_COOKIE = "kotae_login";
    private static final Map<String, String> STATIC = Map.of(
            "/static/console.css", "text/css; charset=utf-8",
            "/static/console.js", "text/javascript; charset=utf-8",
            "/static/favicon.svg", "image/svg+xml");

    final KotaeService service;
    /** The index folder (generations and activity logs), or null when the index is in memory. */
    final Path indexDir;
    final Path corpusRoot;
    final Sessions sessions;
    final ActivityDigest digest;
    final ZoneId zone;
    final ReindexJob reindexJob;
    final Validation validation = new Validation();
    final SmokeResults smoke = new SmokeResults();
    private final AskPage ask = new AskPage(this);
    private final ActivityPages activity = new ActivityPages(this);
    private final IndexPage index = new IndexPage(this);
    private final CorpusPages corpus = new CorpusPages(this);
    private final LoginPage login;

    public Console(KotaeService service, ConsoleSettings settings, Path indexDir, Path corpusRoot, ZoneId zone) {
        this.service = service;
        this.indexDir = indexDir;
        this.corpusRoot = corpusRoot;
        this.zone = zone;
        this.sessions = new Sessions(settings.adminToken(), settings.viewerToken());
        this.digest = indexDir == null ? null
                : new ActivityDigest(indexDir, zone, q -> NearestSources.topicKey(service.knowledge(), q));
        this.reindexJob = new ReindexJob(service);
        this.login = new LoginPage(this);
    }

    /** Reads the logs once in the background, so the first view after a start is as quick as the rest. */
    void warmUp() {
        if (digest != null) {
            Thread t = new Thread(() -> {
                long start = System.nanoTime();
                digest.refresh();
                long read = (System.nanoTime() - start) / 1_000_000;
                // Each view drawn once, unseen: the first person to open one does not wait for the JIT.
                java.time.Instant now = java.time.Instant.now();
                Request warm = new Request("GET", "/", Map.of(), Map.of(), Map.of(),
                        new Sessions.Session("warm-up", Sessions.Role.VIEWER, "warm-up", now, now), "127.0.0.1");
                try {
                    activity.unanswered(warm);
                    activity.feedback(warm);
                    activity.usage(warm);
                } catch (RuntimeException e) {
                    LOG.warn("console: warming the views up failed ({}); they are drawn on first use", e.toString());
                }
                LOG.info("console: activity logs read ({} lines, {} ms; views ready after {} ms)", digest.counts().lines(), read,
                        (System.nanoTime() - start) / 1_000_000);
            }, "kotae-console-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    Response handle(Request request) {
        String path = request.path();
        String method = request.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (STATIC.containsKey(path) && read) {
            return resource(path);
        }
        if (path.equals("/healthz") && read) {
            return Response.json(200, "{\"status\":\"ok\"}");
        }
        if (path.equals("/login")) {
            return read ? login.form(request, null) : method.equals("POST") ? login.submit(request) : notAllowed();
        }
        Optional<Sessions.Session> session = sessions.find(request.cookies().get(Sessions.COOKIE));
        if (session.isEmpty()) {
            boolean hadCookie = request.cookies().containsKey(Sessions.COOKIE);
            if (read) {
                return Response.redirect("/login" + (hadCookie ? "?expired=1" : ""));
            }
            return Response.html(403, Layout.message("ログインしてください", null, hadCookie
                    ? "セッションが無効か期限切れです。もう一度ログインしてください。" : "ログインしてください。", "/login", "ログイン"));
        }
        Request r = request.withSession(session.get());
        if (method.equals("POST") && !Sessions.csrfMatches(session.get(), r.param("csrf"))) {
            service.audit("console", session.get().role().id(), "request " + path, "refused", "CSRF トークンがありません");
            return Response.html(403, Layout.message("送信を受け付けませんでした", session.get(),
                    "この送信には正しい CSRF トークンがありません。ページを開き直してから、もう一度操作してください。", "/ask", "コンソールに戻る"));
        }
        return switch (path) {
            case "/", "" -> Response.redirect("/ask");
            case "/logout" -> method.equals("POST") ? login.logout(r) : notAllowed();
            case "/ask" -> read || method.equals("POST") ? ask.handle(r) : notAllowed();
            case "/unanswered" -> read ? activity.unanswered(r) : notAllowed();
            case "/feedback" -> read ? activity.feedback(r) : notAllowed();
            case "/usage" -> read ? activity.usage(r) : notAllowed();
            case "/index" -> read ? index.show(r) : notAllowed();
            case "/index/validate" -> method.equals("POST") ? index.validate(r) : notAllowed();
            case "/index/reindex" -> method.equals("POST") ? index.reindex(r) : notAllowed();
            case "/index/rollback" -> method.equals("POST") ? index.rollback(r) : notAllowed();
            case "/corpus" -> read ? corpus.documents(r) : notAllowed();
            case "/corpus/document" -> read ? corpus.document(r) : notAllowed();
            case "/corpus/glossary" -> read ? corpus.glossary(r) : notAllowed();
            case "/corpus/faq" -> read ? corpus.faq(r) : notAllowed();
            default -> Response.html(404, Layout.message("見つかりません", session.get(), "このページはありません。", "/ask", "質問ページへ"));
        };
    }

    /** Refuses an action a viewer may not take, and audits the attempt. */
    Optional<Response> requireAdmin(Request r, String action, String label) {
        if (r.session().role() == Sessions.Role.ADMIN) {
            return Optional.empty();
        }
        service.audit("console", r.session().role().id(), action, "refused", "権限がありません（閲覧者のトークンでは" + label + "できません）");
        return Optional.of(Response.html(403, Layout.message("権限がありません", r.session(),
                "権限がありません。" + label + "は管理者のトークンでログインしたときだけ行えます。", "/index", "インデックスに戻る")));
    }

    private static Response notAllowed() {
        return Response.html(405, Layout.message("この方法では開けません", null, "このページはこの方法（メソッド）では使えません。", "/ask", "コンソールに戻る"));
    }

    private static Response resource(String path) {
        try (InputStream in = Console.class.getResourceAsStream(path.substring(1))) {
            if (in == null) {
                return Response.html(404, "not found");
            }
            return new Response(200, STATIC.get(path), in.readAllBytes(), new java.util.ArrayList<>())
                    .header("Cache-Control", "private, max-age=300");
        } catch (IOException e) {
            return Response.html(500, "unreadable");
        }
    }

    @Override
    public void close() {
        reindexJob.close();
    }
}
