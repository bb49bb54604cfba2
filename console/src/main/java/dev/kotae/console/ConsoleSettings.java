package dev.kotae.console;

import dev.kotae.settings.Environment;
import dev.kotae.settings.SettingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where the console listens and who may log in, read and checked at start-up with the other settings
 * ({@link Environment}): a bad value stops start-up with one line naming the variable.
 *
 * @param bind        the address to listen on ({@code KOTAE_CONSOLE_BIND}, default 127.0.0.1)
 * @param port        the port ({@code KOTAE_CONSOLE_PORT}, default 8088; 0 picks a free one)
 * @param adminToken  {@code KOTAE_CONSOLE_TOKEN}: may do everything; required unless the bind is loopback
 * @param viewerToken {@code KOTAE_CONSOLE_VIEWER_TOKEN}: may look and ask, not reindex or roll back; or null
 * @param generated   whether the admin token was generated at start (no {@code KOTAE_CONSOLE_TOKEN} on loopback)
 */
public record ConsoleSettings(String bind, int port, String adminToken, String viewerToken, boolean generated) {
    public static final int DEFAULT_PORT = 8088;
    /** Shorter tokens are refused: a token is all that stands between the network and a reindex. */
    static final int MIN_TOKEN = 16;
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{" + MIN_TOKEN + ",256}");
    private static final String TOKEN_SHAPE = "空白を含まない " + MIN_TOKEN + "〜256 文字の英数字・記号";
    private static final String TOKEN_EXAMPLE = "$(openssl rand -hex 24)";

    @Override
    public String toString() {
        return "ConsoleSettings[bind=" + bind + ", port=" + port + ", viewer=" + (viewerToken != null) + "]";
    }

    /** The console's settings for {@code ./kotae console}. */
    public static ConsoleSettings from(Environment env) throws SettingException {
        String bind = env.text("KOTAE_CONSOLE_BIND").orElse("127.0.0.1");
        int port = env.port("KOTAE_CONSOLE_PORT", DEFAULT_PORT);
        boolean loopback;
        try {
            loopback = InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            throw Environment.problem("KOTAE_CONSOLE_BIND", " の値「" + clip(bind) + "」はこのマシンのアドレスとして読めません", "127.0.0.1");
        }
        String admin = env.secret("KOTAE_CONSOLE_TOKEN", TOKEN, TOKEN_SHAPE, TOKEN_EXAMPLE).orElse(null);
        String viewer = env.secret("KOTAE_CONSOLE_VIEWER_TOKEN", TOKEN, TOKEN_SHAPE, TOKEN_EXAMPLE).orElse(null);
        if (admin != null && admin.equals(viewer)) {
            throw Environment.problem("KOTAE_CONSOLE_VIEWER_TOKEN", " が KOTAE_CONSOLE_TOKEN と同じです。閲覧者には別のトークンを設定してください",
                    TOKEN_EXAMPLE);
        }
        boolean generated = false;
        if (admin == null) {
            if (!loopback) {
                throw Environment.problem("KOTAE_CONSOLE_TOKEN", " が設定されていません。ループバック以外のアドレス（" + clip(bind)
                        + "）では、管理者トークンなしにコンソールを開きません", TOKEN_EXAMPLE);
            }
            admin = Sessions.randomToken();
            generated = true;
        }
        return new ConsoleSettings(bind, port, admin, viewer, generated);
    }

    /** For the Slack and Teams processes: the console's settings when {@code KOTAE_CONSOLE_PORT} is set, else null. */
    public static ConsoleSettings ifConfigured(Environment env) throws SettingException {
        return env.text("KOTAE_CONSOLE_PORT").isEmpty() ? null : from(env);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
