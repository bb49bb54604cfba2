package dev.kotae.slack;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/** Runs a {@link KotaeSlackApp}: Socket Mode, or HTTP at {@code /slack/events} (and {@code GET /healthz}). */
public final class SlackServers {
    public static final String PATH = "/slack/events";
    public static final String HEALTH = "/healthz";

    private SlackServers() {}

    /** A running adapter. */
    public interface Running extends AutoCloseable {
        /** The HTTP port (HTTP mode), or -1. */
        int port();

        @Override
        void close() throws Exception;
    }

    public static Running start(KotaeSlackApp bot, SlackSettings settings) throws Exception {
        return settings.socketMode() ? socketMode(bot, settings) : http(bot, settings);
    }

    /**
     * HTTP mode: {@link SlackHttpServer} (the JDK's server; limits in {@link HttpLimits}, signature and a
     * two-sided timestamp window checked before Bolt sees anything), bound to
     * {@code KOTAE_SLACK_BIND:KOTAE_SLACK_PORT}. {@code GET /healthz} answers with the status and counters.
     */
    public static Running http(KotaeSlackApp bot, SlackSettings settings) throws Exception {
        return http(bot, settings, HttpLimits.defaults());
    }

    static Running http(KotaeSlackApp bot, SlackSettings settings, HttpLimits limits) throws Exception {
        bot.app().config().setAppPath(PATH);
        SlackHttpServer server = new SlackHttpServer(bot, settings, limits);
        bot.app().start();
        server.start();
        int port = server.port();
        return new Running() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() throws Exception {
                try {
                    server.close();
                } finally {
                    bot.app().stop();
                    bot.close();
                }
            }
        };
    }

    /** Socket Mode over the Java-WebSocket backend: no public URL needed. */
    public static Running socketMode(KotaeSlackApp bot, SlackSettings settings) throws Exception {
        SocketModeApp socket = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, bot.app());
        socket.startAsync();
        return new Running() {
            @Override
            public int port() {
                return -1;
            }

            @Override
            public void close() throws Exception {
                try {
                    socket.close();
                } finally {
                    bot.close();
                }
            }
        };
    }
}
