package dev.kotae.teams;

import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.CorpusException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar kotae-teams.jar} / {@code ./kotae teams}: the Teams bot's HTTP endpoint. */
public final class TeamsMain {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsMain.class);
    /** Held so the JUL logger (and its level) is not garbage-collected. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    private TeamsMain() {}

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            err.println("usage: kotae teams   (settings come from the environment: MicrosoftAppId, MicrosoftAppPassword, "
                    + "MicrosoftAppTenantId, KOTAE_TEAMS_PORT, KOTAE_TEAMS_DEV, KOTAE_ADMINS, KOTAE_CORPUS_DIR)");
            return;
        }
        TeamsSettings settings;
        try {
            settings = TeamsSettings.fromEnvironment();
        } catch (TeamsSettings.SettingsException e) {
            err.println("kotae teams: " + e.getMessage());
            System.exit(2);
            return;
        }
        KotaeService service;
        try {
            service = KotaeService.fromEnvironment();
        } catch (CorpusException e) {
            err.println("kotae teams: the corpus was refused:");
            e.problems().forEach(p -> err.println(p.toString()));
            System.exit(1);
            return;
        } catch (Exception e) {
            err.println("kotae teams: the corpus could not be loaded: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            System.exit(1);
            return;
        }
        TeamsServer server = new TeamsServer(settings, service);
        int port;
        try {
            port = server.start();
        } catch (IOException e) {
            err.println("kotae teams: cannot listen on " + settings.bindHost() + ":" + settings.port() + ": " + e.getMessage()
                    + " (set KOTAE_TEAMS_PORT to a free port)");
            System.exit(1);
            return;
        }
        dev.kotae.console.ConsoleServer console;
        try {
            console = dev.kotae.console.ConsoleMain.startIfConfigured(service, System.getenv());
        } catch (dev.kotae.console.ConsoleSettings.SettingsException e) {
            err.println("kotae teams: " + e.getMessage());
            server.close();
            System.exit(2);
            return;
        } catch (IOException e) {
            err.println("kotae teams: the console cannot listen (KOTAE_CONSOLE_PORT): " + e.getMessage());
            server.close();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (console != null) {
                console.close();
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
