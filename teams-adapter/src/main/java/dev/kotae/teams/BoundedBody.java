package dev.kotae.teams;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read with a cap: refused from its {@code Content-Length} before anything is read, or as soon
 * as the bytes read pass the cap (a chunked body has no length up front). Nothing more than the cap is ever
 * held in memory.
 */
final class BoundedBody {
    /** The body is larger than the cap. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }

    private BoundedBody() {}

    /** The declared length, or -1 when there is none (chunked) or it is not a number. */
    static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1; // the JDK's server has already refused such a request
        }
    }

    static boolean declaredTooLarge(HttpExchange exchange, int max) {
        return declaredLength(exchange) > max;
    }

    static byte[] read(HttpExchange exchange, int max) throws IOException {
        if (declaredTooLarge(exchange, max)) {
            throw new TooLarge();
        }
        long declared = declaredLength(exchange);
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared >= 0 ? (int) declared : 8192);
        byte[] buffer = new byte[8192];
        InputStream in = exchange.getRequestBody();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > max) {
                throw new TooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
