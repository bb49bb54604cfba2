package dev.kotae.slack;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The adapter's settings, from the environment. Secrets are kept here only; {@link #toString()}
 * never prints them.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN} (required)
 * @param appToken      {@code SLACK_APP_TOKEN}: when set, Socket Mode; else HTTP mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET} (required in HTTP mode)
 * @param bindAddress   {@code KOTAE_SLACK_BIND} (HTTP mode; default all interfaces)
 * @param port          {@code KOTAE_SLACK_PORT} (HTTP mode; default 3000)
 * @param apiUrl        {@code KOTAE_SLACK_API_URL}: the Web API base, ending in {@code /}
 * @param admins        {@code KOTAE_ADMINS}: Slack user ids allowed to {@code /kotae reindex}
 */
public record SlackSettings(String botToken, String appToken, String signingSecret, String bindAddress, int port,
                            String apiUrl, Set<String> admins) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final int DEFAULT_PORT = 3000;

    /** A setting that stops the adapter at start, told in one line. */
    public static final class SettingsException extends Exception {
        public SettingsException(String message) {
            super(message);
        }
    }

    public SlackSettings {
        admins = Set.copyOf(admins);
    }

    public boolean socketMode() {
        return appToken != null;
    }

    public static SlackSettings fromEnvironment() throws SettingsException {
        return from(System.getenv());
    }

    public static SlackSettings from(Map<String, String> env) throws SettingsException {
        String bot = value(env, "SLACK_BOT_TOKEN");
        if (bot == null) {
            throw new SettingsException("SLACK_BOT_TOKEN is not set: set it to the app's Bot User OAuth Token (xoxb-…)");
        }
        String app = value(env, "SLACK_APP_TOKEN");
        String secret = value(env, "SLACK_SIGNING_SECRET");
        if (app == null && secret == null) {
            throw new SettingsException("SLACK_SIGNING_SECRET is not set: HTTP mode needs the app's Signing Secret "
                    + "(or set SLACK_APP_TOKEN, an xapp-… token, for Socket Mode)");
        }
        int port = DEFAULT_PORT;
        String portText = value(env, "KOTAE_SLACK_PORT");
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new SettingsException("KOTAE_SLACK_PORT must be a port number (0–65535), not '" + portText + "'");
            }
        }
        String api = value(env, "KOTAE_SLACK_API_URL");
        if (api == null) {
            api = DEFAULT_API_URL;
        } else {
            URI uri;
            try {
                uri = URI.create(api);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new SettingsException("KOTAE_SLACK_API_URL must be an http(s) URL such as " + DEFAULT_API_URL
                        + ", not '" + api + "'");
            }
            if (!api.endsWith("/")) {
                api = api + "/";
            }
        }
        String bind = value(env, "KOTAE_SLACK_BIND");
        String adminList = value(env, "KOTAE_ADMINS");
        Set<String> admins = adminList == null ? Set.of() : Arrays.stream(adminList.split("[,\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new SlackSettings(bot, app, secret, bind == null ? "0.0.0.0" : bind, port, api, admins);
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + (socketMode() ? "socket" : "http") + ", bind=" + bindAddress + ", port=" + port
                + ", apiUrl=" + apiUrl + ", admins=" + admins.size() + ", tokens=(hidden)]";
    }
}
