package dev.kotae.teams;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client on a raw loopback socket, for what well-behaved clients never do: declare 100 MB, send a body a
 * few bytes at a time, or stop sending half-way. It reads the status line as soon as the server writes it.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    final OutputStream out;
    private final InputStream in;

    RawHttp(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Request line and headers for a POST to /api/messages; {@code length} null means chunked. */
    RawHttp post(Long length, String authorization) throws IOException {
        StringBuilder head = new StringBuilder("POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
        head.append(length == null ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The response's status code; -1 if the server closed the connection without one. */
    int status(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        StringBuilder line = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return -1; // reset by the server
        }
        String[] parts = line.toString().split(" ");
        return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1].strip()) : -1;
    }

    /** Whether the server has closed the connection (reads until end of stream or the timeout). */
    boolean closedWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // the rest of a response
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
