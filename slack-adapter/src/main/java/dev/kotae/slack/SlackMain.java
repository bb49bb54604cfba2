package dev.kotae.slack;

import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusProblem;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ./kotae slack}: starts Kotae for Slack from the environment. A bad setting stops it with one line. */
public final class SlackMain {
    private static final Logger log = LoggerFactory.getLogger(SlackMain.class);

    private SlackMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.println("""
                    Usage: ./kotae slack
                    Runs Kotae for Slack. Settings come from the environment:
                      SLACK_BOT_TOKEN       required: the Bot User OAuth Token (xoxb-…)
                      SLACK_APP_TOKEN       an app-level token (xapp-…, connections:write): Socket Mode
                      SLACK_SIGNING_SECRET  HTTP mode (no SLACK_APP_TOKEN): verifies requests to /slack/events
                      KOTAE_SLACK_PORT      HTTP mode port (default 3000); KOTAE_SLACK_BIND address (default 0.0.0.0)
                      KOTAE_SLACK_API_URL   Web API base (default https://slack.com/api/)
                      KOTAE_ADMINS          Slack user ids allowed to /kotae reindex (comma separated)""");
            return;
        }
        int code = run();
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run() {
        SlackSettings settings;
        try {
            settings = SlackSettings.fromEnvironment();
        } catch (SlackSettings.SettingsException e) {
            System.err.println("kotae slack: " + e.getMessage());
            return 2;
        }
        KotaeService service;
        try {
            service = KotaeService.fromEnvironment();
        } catch (CorpusException e) {
            for (CorpusProblem p : e.problems()) {
                System.err.println(p);
            }
            System.err.println("kotae slack: the corpus was refused (" + e.problems().size() + " problems)");
            return 1;
        } catch (Exception e) {
            System.err.println("kotae slack: could not load the corpus: " + e.getMessage());
            return 1;
        }
        KotaeSlackApp bot = new KotaeSlackApp(service, settings);
        String problem = bot.checkToken();
        if (problem != null) {
            System.err.println("kotae slack: " + problem);
            bot.close();
            return 2;
        }
        SlackServers.Running running;
        try {
            running = SlackServers.start(bot, settings);
        } catch (Exception e) {
            System.err.println("kotae slack: could not start (" + (settings.socketMode() ? "Socket Mode" : "HTTP on "
                    + settings.bindAddress() + ":" + settings.port()) + "): " + e.getMessage());
            bot.close();
            return 1;
        }
        log.info("Kotae for Slack is running: {}", settings.socketMode() ? "Socket Mode"
                : "HTTP mode, http://" + settings.bindAddress() + ":" + running.port() + SlackServers.PATH);
        dev.kotae.console.ConsoleServer console;
        try {
            console = dev.kotae.console.ConsoleMain.startIfConfigured(service, System.getenv());
        } catch (dev.kotae.console.ConsoleSettings.SettingsException e) {
            System.err.println("kotae slack: " + e.getMessage());
            closeQuietly(running);
            return 2;
        } catch (java.io.IOException e) {
            System.err.println("kotae slack: the console cannot listen (KOTAE_CONSOLE_PORT): " + e.getMessage());
            closeQuietly(running);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (console != null) {
                console.close();
            }
            closeQuietly(running);
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void closeQuietly(SlackServers.Running running) {
        try {
            running.close();
        } catch (Exception e) {
            // stopping anyway
        }
    }
}
