package dev.kotae.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text going into and coming out of Slack: mrkdwn escaping, markup removal, Slack's length limits. */
public final class SlackText {
    private static final Pattern USER = Pattern.compile("<@([A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern SPECIAL = Pattern.compile("<!([a-z^A-Z0-9_-]+)(?:\\|([^>]*))?>");
    private static final Pattern LINK = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");

    private SlackText() {}

    /**
     * Escapes text for mrkdwn: {@code &}, {@code <} and {@code >} become entities, so corpus or user
     * text can never become a link, a mention or a {@code <!channel>}.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A Slack message text as a plain question: mentions of the bot removed, other mentions, channels,
     * specials and links turned into their visible words, entities unescaped.
     */
    public static String question(String text, String botUserId) {
        if (text == null) {
            return "";
        }
        String s = text;
        if (botUserId != null) {
            s = s.replaceAll("<@" + Pattern.quote(botUserId) + "(?:\\|[^>]*)?>", " ");
        }
        s = replace(USER, s, m -> m.group(2) != null ? "@" + m.group(2) : "@" + m.group(1));
        s = replace(CHANNEL, s, m -> "#" + (m.group(2) != null ? m.group(2) : m.group(1)));
        s = replace(SPECIAL, s, m -> m.group(2) != null && (m.group(2).startsWith("@") || !m.group(1).matches("here|channel|everyone"))
                ? m.group(2) : "@" + m.group(1));
        s = replace(LINK, s, m -> m.group(2) != null ? m.group(2) : m.group(1).replaceFirst("^mailto:", ""));
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return s.strip();
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Splits already-escaped text into pieces of at most {@code max} characters, at a line break or a
     * sentence end where one is near, never inside an entity such as {@code &amp;}.
     */
    public static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) {
                cut = Math.max(rest.lastIndexOf('。', max - 1) + 1, 0);
            }
            if (cut < max / 2) {
                cut = max;
            }
            int amp = rest.lastIndexOf('&', cut - 1);
            if (amp >= 0 && amp > cut - 6 && rest.indexOf(';', amp) >= cut) {
                cut = amp;
            }
            if (Character.isLowSurrogate(rest.charAt(cut)) && cut > 0) {
                cut--;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || out.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /** Cuts plain text to {@code max} characters with an ellipsis. */
    public static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }
}
