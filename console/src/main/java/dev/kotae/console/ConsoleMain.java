package dev.kotae.console;

import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.generation.Services;
import dev.kotae.settings.CoreSettings;
import dev.kotae.settings.Environment;
import dev.kotae.settings.SettingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./kotae console}: the web console on its own, over the same corpus, index folder and logs as
 * the bots ({@code KOTAE_CORPUS_DIR}, {@code KOTAE_INDEX_DIR}); and {@link #start}, with
 * which the Slack and Teams processes serve it beside themselves when {@code KOTAE_CONSOLE_PORT} is set.
 */
public final class ConsoleMain {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleMain.class);

    private ConsoleMain() {}

    public static void main(String[] args) {
        dev.kotae.settings.Logging.start();
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            err.println("""
                    usage: kotae console
                    The web console for admins and managers. Settings come from the environment:
                      KOTAE_CONSOLE_BIND          address to listen on (default 127.0.0.1)
                      KOTAE_CONSOLE_PORT          port (default 8088)
                      KOTAE_CONSOLE_TOKEN         the admin token (required unless the bind is loopback;
                                                  without it a one-time token is written to a file, see the log)
                      KOTAE_CONSOLE_VIEWER_TOKEN  a read-only token for managers (no reindex or rollback)
                      KOTAE_CORPUS_DIR, KOTAE_INDEX_DIR  the corpus and the index folder (and its logs), as for the bots""");
            return;
        }
        int code = run(err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(PrintStream err) {
        // Every setting, the core's and the console's, is read and checked here, before anything starts.
        CoreSettings core;
        ConsoleSettings settings;
        try {
            Environment env = Environment.system();
            core = CoreSettings.from(env);
            settings = ConsoleSettings.from(env);
        } catch (SettingException e) {
            err.println("kotae console: " + e.getMessage());
            return 2;
        }
        KotaeService service;
        try {
            service = Services.start(core);
        } catch (CorpusException e) {
            for (CorpusProblem p : e.problems()) {
                err.println(p);
            }
            err.println("kotae console: コーパスに問題があるため、受け付けませんでした（問題 " + e.problems().size() + " 件）");
            return 1;
        } catch (Exception e) {
            err.println("kotae console: コーパスを読み込めませんでした：" + e.getMessage());
            return 1;
        }
        ConsoleServer server;
        try {
            server = start(service, settings, core);
        } catch (IOException e) {
            err.println("kotae console: " + settings.bind() + ":" + settings.port() + " で待ち受けられません：" + e.getMessage()
                    + "（KOTAE_CONSOLE_PORT に空いているポートを設定してください）");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "kotae-console-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Serves the console over {@code service}, with the index folder and corpus of {@code core}: for
     * {@code ./kotae console}, and for the Slack and Teams processes when {@link ConsoleSettings#ifConfigured}
     * gave settings (KOTAE_CONSOLE_PORT is set).
     */
    public static ConsoleServer start(KotaeService service, ConsoleSettings settings, CoreSettings core) throws IOException {
        Path index = Services.indexDir(null, core);
        Path corpus = Services.corpusRoot(null, core);
        ConsoleServer server = new ConsoleServer(settings, new Console(service, settings, index, corpus, ZoneId.systemDefault()));
        int port = server.start();
        String url = "http://" + (settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind()) + ":" + port + "/";
        if (settings.generated()) {
            Path file = writeToken(index, settings.adminToken());
            LOG.warn("KOTAE_CONSOLE_TOKEN is not set: a one-time admin token for this run was written to {} (readable by you only)", file);
        }
        LOG.info("Kotae console at {} (admin token{}, index {}, corpus {})", url,
                settings.viewerToken() == null ? "" : " and viewer token", index == null ? "in memory" : index,
                corpus.getFileSystem() == java.nio.file.FileSystems.getDefault() ? corpus : "embedded");
        return server;
    }

    /** The generated token goes to a file only its owner can read, never to the log. */
    private static Path writeToken(Path index, String token) throws IOException {
        Path dir = index != null ? index : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(dir);
        Path file = dir.resolve("console-token");
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }
}
