package dev.kotae.teams;

import com.microsoft.bot.schema.Activity;
import java.net.URI;

/**
 * What an activity must carry for Kotae to answer it, checked before its turn: an authenticated channel
 * can still send a malformed one, and the SDK would fail on it deep inside the turn (a 500 and a stack
 * trace in the log). Such an activity gets 400 with a short reason instead.
 */
final class ActivityShape {
    private ActivityShape() {}

    private static boolean hasNull(java.util.List<?> items) {
        return items != null && items.stream().anyMatch(java.util.Objects::isNull);
    }

    /** Null when the activity can be handled, else a short reason (no value from the activity in it). */
    static String problem(Activity activity) {
        String serviceUrl = activity.getServiceUrl();
        if (serviceUrl == null || serviceUrl.isBlank()) {
            return "the activity has no serviceUrl";
        }
        try {
            URI uri = new URI(serviceUrl);
            if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return "the activity's serviceUrl is not an http(s) URL";
            }
        } catch (java.net.URISyntaxException e) {
            return "the activity's serviceUrl is not an http(s) URL";
        }
        if (activity.getConversation() == null || activity.getConversation().getId() == null
                || activity.getConversation().getId().isBlank()) {
            return "the activity has no conversation id";
        }
        if (activity.getFrom() == null) {
            return "the activity has no from";
        }
        if (activity.getRecipient() == null) {
            return "the activity has no recipient";
        }
        if (hasNull(activity.getMembersAdded()) || hasNull(activity.getMembersRemoved())) {
            return "the activity lists a member that is null";
        }
        if (hasNull(activity.getEntities()) || hasNull(activity.getAttachments())) {
            return "the activity lists an entity or attachment that is null";
        }
        return null;
    }
}
