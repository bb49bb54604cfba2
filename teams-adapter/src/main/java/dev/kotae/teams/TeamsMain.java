package dev.kotae.teams;

import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.CorpusException;
import dev.kotae.generation.Services;
import dev.kotae.settings.CoreSettings;
import dev.kotae.settings.Environment;
import dev.kotae.settings.Logging;
import dev.kotae.settings.SettingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar kotae-teams.jar} / {@code ./kotae teams}: the Teams bot's HTTP endpoint. */
public final class TeamsMain {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsMain.class);

    private TeamsMain() {}

    /** Seconds a request may take to arrive, headers included; see {@link #limitHeaderTime()}. */
    static final String MAX_REQUEST_SECONDS = "30";

    /**
     * The JDK's server reads a request's headers before any handler runs, with no time limit unless this
     * property is set before its first use: without it a client sending its headers a byte a minute would
     * hold a socket forever. 30 s, above the handler's own 10 s read deadline on the body; it applies to every
     * server in this JVM (the console's too), and an explicit {@code -Dsun.net.httpserver.maxReqTime} wins.
     */
    static void limitHeaderTime() {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", MAX_REQUEST_SECONDS);
        }
    }

    public static void main(String[] args) {
        Logging.start();
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            err.println("使い方: ./kotae teams（設定は環境変数から: MicrosoftAppId、MicrosoftAppPassword、MicrosoftAppTenantId、"
                    + "KOTAE_TEAMS_PORT、KOTAE_TEAMS_BIND、KOTAE_TEAMS_DEV、KOTAE_ADMINS、BotOpenIdMetadata と、コアの KOTAE_CORPUS_DIR など。README.md の「Teams settings」）");
            return;
        }
        // Every setting, the core's and Teams', is read and checked here, before anything starts.
        CoreSettings core;
        TeamsSettings settings;
        dev.kotae.console.ConsoleSettings consoleSettings;
        try {
            Environment env = Environment.system();
            core = CoreSettings.from(env);
            settings = TeamsSettings.from(env);
            consoleSettings = dev.kotae.console.ConsoleSettings.ifConfigured(env);
        } catch (SettingException e) {
            err.println("kotae teams: " + e.getMessage());
            System.exit(2);
            return;
        }
        KotaeService service;
        try {
            service = Services.start(core);
        } catch (CorpusException e) {
            e.problems().forEach(p -> err.println(p.toString()));
            err.println("kotae teams: コーパスに問題があるため、受け付けませんでした（問題 " + e.problems().size() + " 件）");
            System.exit(1);
            return;
        } catch (Exception e) {
            err.println("kotae teams: コーパスを読み込めませんでした：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            System.exit(1);
            return;
        }
        limitHeaderTime();
        TeamsServer server = new TeamsServer(settings, service);
        int port;
        try {
            port = server.start();
        } catch (IOException e) {
            err.println("kotae teams: " + settings.bindHost() + ":" + settings.port() + " で待ち受けられません：" + e.getMessage()
                    + "（KOTAE_TEAMS_PORT を空いているポートにしてください）");
            System.exit(1);
            return;
        }
        dev.kotae.console.ConsoleServer console = null;
        if (consoleSettings != null) {
            try {
                console = dev.kotae.console.ConsoleMain.start(service, consoleSettings, core);
            } catch (IOException e) {
                err.println("kotae teams: コンソールが " + consoleSettings.bind() + ":" + consoleSettings.port() + " で待ち受けられません："
                        + e.getMessage() + "（KOTAE_CONSOLE_PORT に空いているポートを設定してください）");
                server.close();
                System.exit(1);
                return;
            }
        }
        dev.kotae.console.ConsoleServer startedConsole = console;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (startedConsole != null) {
                startedConsole.close();
            }
            server.close();
        }, "kotae-teams-shutdown"));
        if (settings.dev()) {
            LOG.warn("KOTAE_TEAMS_DEV=true: local emulator mode. {}Listening on 127.0.0.1 only; never use this mode in production.",
                    settings.authEnabled() ? "" : "Requests are NOT authenticated (anonymous). ");
        }
        LOG.info("Kotae Teams bot listening on http://{}:{}/api/messages ({}; app id {}{}, {} admin(s)); health at /healthz",
                settings.bindHost(), port, settings.authEnabled() ? "Bot Framework authentication on" : "anonymous",
                settings.appId() == null ? "none" : settings.appId(),
                settings.tenantId() == null ? "" : ", single tenant " + settings.tenantId(), settings.admins().size());
    }
}
