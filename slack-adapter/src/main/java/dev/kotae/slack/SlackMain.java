package dev.kotae.slack;

import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.generation.Services;
import dev.kotae.settings.CoreSettings;
import dev.kotae.settings.Environment;
import dev.kotae.settings.Logging;
import dev.kotae.settings.SettingException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ./kotae slack}: starts Kotae for Slack from the environment. A bad setting stops it with one line. */
public final class SlackMain {
    private static final Logger log = LoggerFactory.getLogger(SlackMain.class);

    private SlackMain() {}

    public static void main(String[] args) {
        Logging.start();
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.println("""
                    使い方: ./kotae slack
                    Slack 用の Kotae を動かします。設定は環境変数から読みます（README.md の「Slack settings」）:
                      SLACK_BOT_TOKEN       必須: Bot User OAuth Token（xoxb-…）
                      SLACK_APP_TOKEN       アプリレベルトークン（xapp-…、connections:write）: Socket Mode
                      SLACK_SIGNING_SECRET  HTTP モード（SLACK_APP_TOKEN なし）: /slack/events への要求を検証します
                      KOTAE_SLACK_PORT      HTTP モードのポート（既定 3000）、KOTAE_SLACK_BIND 待ち受けるアドレス（既定 127.0.0.1）
                      KOTAE_SLACK_API_URL   Web API の URL（既定 https://slack.com/api/）
                      KOTAE_ADMINS          /kotae reindex できる Slack のユーザー ID（カンマ区切り）
                    コアの設定（KOTAE_CORPUS_DIR、KOTAE_INDEX_DIR、KOTAE_MIN_CONFIDENCE など）は CLI と同じです。""");
            return;
        }
        int code = run();
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run() {
        // Every setting, the core's and Slack's, is read and checked here, before anything starts.
        CoreSettings core;
        SlackSettings settings;
        dev.kotae.console.ConsoleSettings consoleSettings;
        try {
            Environment env = Environment.system();
            core = CoreSettings.from(env);
            settings = SlackSettings.from(env);
            consoleSettings = dev.kotae.console.ConsoleSettings.ifConfigured(env);
        } catch (SettingException e) {
            System.err.println("kotae slack: " + e.getMessage());
            return 2;
        }
        KotaeService service;
        try {
            service = Services.start(core);
        } catch (CorpusException e) {
            for (CorpusProblem p : e.problems()) {
                System.err.println(p);
            }
            System.err.println("kotae slack: コーパスに問題があるため、受け付けませんでした（問題 " + e.problems().size() + " 件）");
            return 1;
        } catch (Exception e) {
            System.err.println("kotae slack: コーパスを読み込めませんでした：" + e.getMessage());
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
            System.err.println("kotae slack: 起動できませんでした（" + (settings.socketMode() ? "Socket Mode" : "HTTP、"
                    + settings.bindAddress() + ":" + settings.port()) + "）：" + e.getMessage());
            bot.close();
            return 1;
        }
        log.info("Kotae for Slack is running: {}", settings.socketMode() ? "Socket Mode"
                : "HTTP mode, http://" + settings.bindAddress() + ":" + running.port() + SlackServers.PATH);
        dev.kotae.console.ConsoleServer console = null;
        if (consoleSettings != null) {
            try {
                console = dev.kotae.console.ConsoleMain.start(service, consoleSettings, core);
            } catch (java.io.IOException e) {
                System.err.println("kotae slack: コンソールが " + consoleSettings.bind() + ":" + consoleSettings.port() + " で待ち受けられません："
                        + e.getMessage() + "（KOTAE_CONSOLE_PORT に空いているポートを設定してください）");
                closeQuietly(running);
                return 1;
            }
        }
        dev.kotae.console.ConsoleServer startedConsole = console;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (startedConsole != null) {
                startedConsole.close();
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
