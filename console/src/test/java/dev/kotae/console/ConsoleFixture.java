package dev.kotae.console;

import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.KotaeService;
import dev.kotae.generation.Services;
import dev.kotae.testing.CorpusCopies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One console for the browser tests of this JVM: a writable copy of the shipped corpus (plus a
 * document whose text holds markup), an index folder with its logs, the real core service, and the
 * console on a free loopback port with an admin and a viewer token. Started once, stopped when the
 * JVM ends; test classes share it and its browser.
 */
final class ConsoleFixture {
    static final String ADMIN = "admin-token-for-tests-0123456789";
    static final String VIEWER = "viewer-token-for-tests-0123456789";
    /** A corpus document whose passages hold markup and script, to show they stay text. */
    static final String HOSTILE_DOC = "hostile.md";
    static final String HOSTILE_TEXT = """
            # 社内連絡（表示の確認用）

            ## 9-9-1. 書き込みに含まれたタグ

            この連絡には <script>window.__pwned = 1;</script> と <img src="x" onerror="window.__pwned = 2"> という書き込みがあります。

            表示の確認：`<img src=x onerror="window.__pwned=3">` と `<b>太字ではない</b>` は文字のまま見えなければなりません。
            """;

    private static ConsoleFixture shared;

    final Path root;
    final Path corpus;
    final Path index;
    final KotaeService service;
    final ConsoleServer server;
    final String base;
    final Browser browser;

    private ConsoleFixture() throws Exception {
        root = Files.createTempDirectory("kotae-console-test");
        corpus = CorpusCopies.of(root.resolve("corpus"));
        Files.writeString(corpus.resolve("documents").resolve(HOSTILE_DOC), HOSTILE_TEXT, StandardCharsets.UTF_8);
        index = root.resolve("index");
        service = Services.start(corpus, index, AnswerSettings.defaults());
        ConsoleSettings settings = new ConsoleSettings("127.0.0.1", 0, ADMIN, VIEWER, false);
        server = new ConsoleServer(settings, new Console(service, settings, index, corpus, ZoneId.of("Asia/Tokyo")));
        base = "http://127.0.0.1:" + server.start();
        browser = Browser.start(root.resolve("chromium-profile"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "console-fixture-stop"));
    }

    static synchronized ConsoleFixture get() throws Exception {
        if (shared == null) {
            shared = new ConsoleFixture();
        }
        return shared;
    }

    private void stop() {
        try {
            browser.close();
        } catch (RuntimeException e) {
            // the browser may already be gone
        }
        server.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }

    String url(String path) {
        return base + path;
    }

    /** The serving generation as the index folder names it. */
    String currentGeneration() throws IOException {
        return Files.readString(index.resolve("CURRENT")).strip();
    }

    String audit() throws IOException {
        Path file = index.resolve("audit.jsonl");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** A raw request outside the browser, e.g. a POST without the CSRF token, with the browser's session cookie. */
    HttpResponse<String> post(String path, String cookie, String form) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", Sessions.COOKIE + "=" + cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
