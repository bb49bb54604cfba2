package dev.kotae.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP side, on the JDK's own server: reads each request within its limits, sets the
 * headers every response carries (a Content-Security-Policy that allows nothing from outside and no
 * inline script, no framing, no caching of pages), and hands the request to {@link Console}.
 *
 * <p>Bounds: bodies over {@value #MAX_BODY} bytes are refused with 413 before they are read (by
 * Content-Length) or as soon as they pass it; at most {@value #THREADS} requests are worked on at once
 * and {@value #QUEUE} wait, and a request beyond that is not accepted.
 */
public final class ConsoleServer implements AutoCloseable {
    /** A 100,000-character Japanese question, form-encoded, is about 900 KB: it reaches the core, which refuses it clearly. */
    static final int MAX_BODY = 1 << 20;
    static final int THREADS = 8;
    static final int QUEUE = 64;
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final ConsoleSettings settings;
    private final Console console;
    private HttpServer server;
    private ThreadPoolExecutor executor;

    public ConsoleServer(ConsoleSettings settings, Console console) {
        this.settings = settings;
        this.console = console;
    }

    /** Starts listening; returns the port (useful with port 0). */
    public synchronized int start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "kotae-console");
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        console.warmUp();
        return server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Console console() {
        return console;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
        console.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = console.handle(read(exchange));
            } catch (Request.BadRequest e) {
                response = Response.html(e.status, Layout.message(e.status == 413 ? "大きすぎます" : "リクエストを受け付けられません",
                        null, e.getMessage(), "/ask", "コンソールに戻る"));
            } catch (RuntimeException e) {
                LOG.error("console request {} {} failed ({}): {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        e.getClass().getSimpleName(), e.getMessage());
                LOG.debug("console request failure", e);
                response = Response.html(500, Layout.message("エラー", null,
                        "内部エラーが発生しました。ログを確認してください（質問やコーパスは失われていません）。", "/ask", "コンソールに戻る"));
            }
            send(exchange, response);
        }
    }

    private Request read(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String remote = exchange.getRemoteAddress().getAddress().getHostAddress();
        Map<String, List<String>> query = Request.parseParams(exchange.getRequestURI().getRawQuery());
        Map<String, List<String>> form = Map.of();
        if (method.equals("POST")) {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null) {
                try {
                    if (Long.parseLong(length.strip()) > MAX_BODY) {
                        throw new Request.BadRequest(413, "送信された内容が大きすぎます（" + (MAX_BODY >> 10) + " KB まで）。");
                    }
                } catch (NumberFormatException e) {
                    throw new Request.BadRequest(400, "Content-Length が正しくありません。");
                }
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = readBody(exchange.getRequestBody());
            if (body.length > 0) {
                if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                    throw new Request.BadRequest(415, "フォームの形式（application/x-www-form-urlencoded）で送ってください。");
                }
                form = Request.parseParams(new String(body, StandardCharsets.UTF_8));
            }
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (origin != null && !origin.equals("null") && host != null
                    && !origin.equalsIgnoreCase("http://" + host) && !origin.equalsIgnoreCase("https://" + host)) {
                throw new Request.BadRequest(403, "別のサイトからの送信は受け付けません。");
            }
        }
        return new Request(method, path, query, form, Request.parseCookies(exchange.getRequestHeaders().get("Cookie")), null, remote);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new Request.BadRequest(413, "送信された内容が大きすぎます（" + (MAX_BODY >> 10) + " KB まで）。");
        }
        return bytes;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", response.contentType());
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        boolean cacheable = false;
        for (String[] header : response.headers()) {
            if (header[0].equals("Cache-Control")) {
                cacheable = true;
            }
            h.add(header[0], header[1]);
        }
        if (!cacheable) {
            h.set("Cache-Control", "no-store");
        }
        byte[] body = response.body();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
