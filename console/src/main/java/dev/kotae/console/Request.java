package dev.kotae.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the pages see it: method, path, query and form parameters, cookies, and the
 * session (null on the login page). Parameters are decoded as UTF-8; malformed percent-escapes and
 * more than {@value #MAX_PARAMS} parameters are refused as {@link BadRequest}.
 */
record Request(String method, String path, Map<String, List<String>> query, Map<String, List<String>> form,
               Map<String, String> cookies, Sessions.Session session, String remote) {
    static final int MAX_PARAMS = 200;

    /** A request the console refuses to read, with what to tell the person. */
    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    String param(String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            values = query.get(name);
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A query parameter only (never the form): what a link may say. */
    String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    Request withSession(Sessions.Session s) {
        return new Request(method, path, query, form, cookies, s, remote);
    }

    static Map<String, List<String>> parseParams(String encoded) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        int count = 0;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMS) {
                throw new BadRequest(400, "パラメータが多すぎます。");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "リクエストの形式が正しくありません（URL エンコードの誤り）。");
        }
    }

    static Map<String, String> parseCookies(List<String> headers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (headers == null) {
            return cookies;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && cookies.size() < 50) {
                    // The first of two cookies with one name wins, as browsers send the most specific first.
                    cookies.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
        }
        return cookies;
    }
}
