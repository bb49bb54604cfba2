package dev.kotae.slack;

import dev.kotae.settings.Environment;
import dev.kotae.settings.SettingException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The adapter's settings, from the environment, read and checked once at start-up (with the core's,
 * {@link dev.kotae.settings.CoreSettings}). Secrets are kept here only; {@link #toString()} never
 * prints them, and a malformed one is told without its value.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN} (required)
 * @param appToken      {@code SLACK_APP_TOKEN}: when set, Socket Mode; else HTTP mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET} (required in HTTP mode)
 * @param bindAddress   {@code KOTAE_SLACK_BIND} (HTTP mode; default 127.0.0.1, behind the reverse proxy)
 * @param port          {@code KOTAE_SLACK_PORT} (HTTP mode; default 3000)
 * @param apiUrl        {@code KOTAE_SLACK_API_URL}: the Web API base, ending in {@code /}
 * @param admins        {@code KOTAE_ADMINS}: Slack user ids allowed to {@code /kotae reindex}
 */
public record SlackSettings(String botToken, String appToken, String signingSecret, String bindAddress, int port,
                            String apiUrl, Set<String> admins) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Slack's token shapes: a bot token {@code xoxb-…}, an app-level token {@code xapp-…}. */
    static final Pattern BOT_TOKEN = Pattern.compile("xoxb-[A-Za-z0-9-]+");
    static final Pattern APP_TOKEN = Pattern.compile("xapp-[A-Za-z0-9-]+");
    /** Slack's signing secrets are 32 hex digits; any run of letters, digits, '-' and '_' is taken. */
    static final Pattern SIGNING_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*|\\[?[0-9A-Fa-f:.]+\\]?");

    public SlackSettings {
        admins = Set.copyOf(admins);
    }

    public boolean socketMode() {
        return appToken != null;
    }

    public static SlackSettings fromEnvironment() throws SettingException {
        return from(Environment.system());
    }

    public static SlackSettings from(Map<String, String> env) throws SettingException {
        return from(new Environment(env));
    }

    /** Every Slack setting, checked: a missing or malformed one is a {@link SettingException} (one line). */
    public static SlackSettings from(Environment env) throws SettingException {
        String bot = env.secret("SLACK_BOT_TOKEN", BOT_TOKEN, " xoxb- で始まるボットトークン", "xoxb-1234-5678-abcd")
                .orElseThrow(() -> Environment.problem("SLACK_BOT_TOKEN",
                        " が設定されていません。Slack アプリの Bot User OAuth Token を設定してください", "xoxb-1234-5678-abcd"));
        String app = env.secret("SLACK_APP_TOKEN", APP_TOKEN, " xapp- で始まるアプリレベルトークン", "xapp-1-A0123-4567-abcd").orElse(null);
        String secret = env.secret("SLACK_SIGNING_SECRET", SIGNING_SECRET, " Slack アプリの Signing Secret（英数字）",
                "0123456789abcdef0123456789abcdef").orElse(null);
        if (app == null && secret == null) {
            throw Environment.problem("SLACK_SIGNING_SECRET", " が設定されていません。HTTP モードには Slack アプリの Signing Secret が要ります"
                    + "（Socket Mode なら代わりに SLACK_APP_TOKEN を設定してください）", "0123456789abcdef0123456789abcdef");
        }
        int port = env.port("KOTAE_SLACK_PORT", DEFAULT_PORT);
        String api = env.url("KOTAE_SLACK_API_URL", DEFAULT_API_URL).map(URI::toString).orElse(DEFAULT_API_URL);
        if (!api.endsWith("/")) {
            api = api + "/";
        }
        // Loopback by default: HTTP mode needs a TLS-terminating reverse proxy in front anyway (Slack calls
        // an https:// URL), and the plain-HTTP port should not be reachable from the network by accident.
        // In a container, where the proxy comes from outside, set KOTAE_SLACK_BIND=0.0.0.0.
        String bind = env.text("KOTAE_SLACK_BIND").orElse(DEFAULT_BIND);
        if (!HOST.matcher(bind).matches()) {
            throw Environment.problem("KOTAE_SLACK_BIND", " の値は待ち受けるアドレス（IP アドレスかホスト名）にしてください", "127.0.0.1");
        }
        return new SlackSettings(bot, app, secret, bind, port, api, env.list("KOTAE_ADMINS"));
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + (socketMode() ? "socket" : "http") + ", bind=" + bindAddress + ", port=" + port
                + ", apiUrl=" + apiUrl + ", admins=" + admins.size() + ", tokens=(hidden)]";
    }
}
