package dev.kotae.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a page sends back: status, content type, body and any extra headers (Location, Set-Cookie). */
record Response(int status, String contentType, byte[] body, List<String[]> headers) {
    static Response html(int status, String page) {
        return new Response(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
    }

    static Response redirect(String location) {
        Response r = new Response(303, "text/plain; charset=utf-8", new byte[0], new ArrayList<>());
        r.headers().add(new String[] {"Location", location});
        return r;
    }

    static Response json(int status, String json) {
        return new Response(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
    }

    Response withStatus(int newStatus) {
        return new Response(newStatus, contentType, body, headers);
    }

    Response header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }
}
