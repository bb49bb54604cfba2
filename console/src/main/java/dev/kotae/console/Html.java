package dev.kotae.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * HTML written by hand, safely: every piece of text goes through {@link #text} (or {@link #attr}),
 * so a question, a log line or a corpus passage that holds markup is shown as the characters it is.
 * Markup is only ever appended from constants in this module.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** Markup from this module's own constants; never pass outside text here. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text, escaped for an element's content. */
    Html text(Object value) {
        out.append(escape(value == null ? "" : value.toString()));
        return this;
    }

    /** {@code <tag class="cls">text</tag>}, with the text escaped. */
    Html el(String tag, String cls, Object text) {
        out.append('<').append(tag);
        if (cls != null) {
            out.append(" class=\"").append(cls).append('"');
        }
        out.append('>').append(escape(text == null ? "" : text.toString())).append("</").append(tag).append('>');
        return this;
    }

    /** A link whose href and text are both escaped. */
    Html link(String href, Object text) {
        out.append("<a href=\"").append(escape(href)).append("\">").append(escape(String.valueOf(text))).append("</a>");
        return this;
    }

    /** A hidden input with the session's CSRF token: every form that changes something has one. */
    Html csrf(String token) {
        out.append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(token)).append("\">");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Escapes {@code & < > " '}: safe in element content and in quoted attribute values. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null && (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f)) {
                r = "\uFFFD"; // control characters have no business in a page
            }
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Escaped for an attribute value (the same rules: both quotes are escaped). */
    static String attr(String s) {
        return escape(s == null ? "" : s);
    }

    static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** An id usable in an HTML id and a URL fragment for any text: letters, digits and '-' kept, the rest hex. */
    static String anchor(String prefix, String s) {
        StringBuilder b = new StringBuilder(prefix);
        for (byte x : (s == null ? "" : s).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
                b.append(c);
            } else {
                b.append('_').append(String.format("%02x", x & 0xff));
            }
        }
        return b.toString();
    }

    static String number(long n) {
        return String.format("%,d", n);
    }

    static String percent(double share) {
        return String.format("%.1f%%", share * 100);
    }
}
