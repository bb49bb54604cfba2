package dev.kotae.slack;

import com.slack.api.bolt.servlet.SlackAppServlet;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import java.io.Writer;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

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
     * HTTP mode: Bolt's servlet (signature and timestamp checked by Bolt's request verification, 401
     * otherwise) on Jetty, bound to {@code KOTAE_SLACK_BIND:KOTAE_SLACK_PORT}; errors never show a stack.
     * {@code GET /healthz} answers {@code {"status":"ok"}} for probes (unsigned: it says nothing else).
     */
    public static Running http(KotaeSlackApp bot, SlackSettings settings) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(settings.bindAddress());
        connector.setPort(settings.port());
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        bot.app().config().setAppPath(PATH);
        handler.addServlet(new ServletHolder(new SlackAppServlet(bot.app())), PATH);
        handler.addServlet(new ServletHolder(new Health()), HEALTH);
        server.setHandler(handler);
        ErrorHandler errors = new ErrorHandler() {
            @Override
            protected void writeErrorPage(HttpServletRequest request, Writer writer, int code, String message,
                                          boolean showStacks) throws IOException {
                writer.write("{\"status\":\"" + code + "\"}");
            }
        };
        server.setErrorHandler(errors);
        handler.setErrorHandler(errors);
        bot.app().start();
        server.start();
        int port = connector.getLocalPort();
        return new Running() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() throws Exception {
                try {
                    server.stop();
                } finally {
                    bot.app().stop();
                    bot.close();
                }
            }
        };
    }

    /** {@code GET /healthz} (and HEAD): the server is up. Other methods get 405 from {@link HttpServlet}. */
    private static final class Health extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(200);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":\"ok\"}");
        }
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
