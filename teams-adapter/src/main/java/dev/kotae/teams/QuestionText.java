package dev.kotae.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Mention;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The question in a Teams message: the text without the bot's {@code <at>…</at>} mention (nor any
 * other mention), with the few HTML entities Teams uses decoded.
 */
final class QuestionText {
    private static final Pattern AT = Pattern.compile("<at(?:\\s[^>]*)?>.*?</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

    private QuestionText() {}

    /** Whether the message mentions the bot (the recipient). */
    static boolean mentionsBot(Activity activity) {
        if (activity.getRecipient() == null || activity.getRecipient().getId() == null) {
            return false;
        }
        return mentions(activity).stream().anyMatch(m -> m.getMentioned() != null
                && activity.getRecipient().getId().equals(m.getMentioned().getId()));
    }

    static String of(Activity activity) {
        String text = activity.getText();
        if (text == null) {
            return "";
        }
        // The bot's own mention, as the channel wrote it (a literal, not a regex: names may hold any character).
        if (activity.getRecipient() != null && activity.getRecipient().getId() != null) {
            for (Mention m : mentions(activity)) {
                if (m.getMentioned() != null && activity.getRecipient().getId().equals(m.getMentioned().getId())
                        && m.getText() != null && !m.getText().isEmpty()) {
                    text = text.replace(m.getText(), " ");
                }
            }
        }
        text = AT.matcher(text).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static List<Mention> mentions(Activity activity) {
        try {
            return activity.getMentions();
        } catch (RuntimeException e) {
            return List.of(); // a malformed mention entity is no mention
        }
    }
}
