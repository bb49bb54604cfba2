package dev.kotae.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Where the console listens and who may log in.
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

    /** A setting that stops the console at start, with one line naming it and an example. */
    public static final class SettingsException extends Exception {
        public SettingsException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "ConsoleSettings[bind=" + bind + ", port=" + port + ", viewer=" + (viewerToken != null) + "]";
    }

    public static ConsoleSettings fromEnvironment() throws SettingsException {
        return from(System.getenv(), DEFAULT_PORT);
    }

    /** The settings in {@code env}; {@code defaultPort} when it has no {@code KOTAE_CONSOLE_PORT}. */
    public static ConsoleSettings from(Map<String, String> env, int defaultPort) throws SettingsException {
        String bind = value(env, "KOTAE_CONSOLE_BIND");
        bind = bind == null ? "127.0.0.1" : bind;
        int port = defaultPort;
        String portText = value(env, "KOTAE_CONSOLE_PORT");
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new SettingsException("KOTAE_CONSOLE_PORT の値「" + clip(portText)
                        + "」は 0 から 65535 の整数にしてください（例：KOTAE_CONSOLE_PORT=8088）");
            }
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            throw new SettingsException("KOTAE_CONSOLE_BIND の値「" + clip(bind)
                    + "」はこのマシンのアドレスではありません（例：KOTAE_CONSOLE_BIND=127.0.0.1）");
        }
        String admin = value(env, "KOTAE_CONSOLE_TOKEN");
        String viewer = value(env, "KOTAE_CONSOLE_VIEWER_TOKEN");
        checkToken("KOTAE_CONSOLE_TOKEN", admin);
        checkToken("KOTAE_CONSOLE_VIEWER_TOKEN", viewer);
        if (admin != null && admin.equals(viewer)) {
            throw new SettingsException("KOTAE_CONSOLE_VIEWER_TOKEN が KOTAE_CONSOLE_TOKEN と同じです。閲覧者には別のトークンを設定してください"
                    + "（例：KOTAE_CONSOLE_VIEWER_TOKEN=$(openssl rand -hex 24)）");
        }
        boolean generated = false;
        if (admin == null) {
            if (!loopback) {
                throw new SettingsException("KOTAE_CONSOLE_TOKEN が設定されていません。ループバック以外のアドレス（" + clip(bind)
                        + "）では、管理者トークンなしにコンソールを開きません（例：KOTAE_CONSOLE_TOKEN=$(openssl rand -hex 24)）");
            }
            admin = Sessions.randomToken();
            generated = true;
        }
        return new ConsoleSettings(bind, port, admin, viewer, generated);
    }

    private static void checkToken(String name, String token) throws SettingsException {
        if (token != null && (token.length() < MIN_TOKEN || token.length() > 256 || !token.chars().allMatch(c -> c > 32 && c < 127))) {
            throw new SettingsException(name + " は空白を含まない " + MIN_TOKEN + "〜256 文字の英数字・記号にしてください"
                    + "（例：" + name + "=$(openssl rand -hex 24)）");
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
