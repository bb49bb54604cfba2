package dev.kotae.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Less common requests: Kotae's own message, the App Home tab, a Home-tab button. */
final class ExtraEvents {
    private ExtraEvents() {}

    static void botMessage(SlackRequests slack, String channel, String ts, String threadTs) throws Exception {
        ObjectNode e = SlackRequests.message(channel, "channel", FakeSlackApi.BOT_USER, ts, threadTs, "Kotae's answer");
        e.put("bot_id", "BBOT");
        slack.event(SlackRequests.eventCallback("EvBot" + ts, e).toString());
    }

    static void homeOpened(SlackRequests slack, String user, String eventId) throws Exception {
        ObjectNode e = FakeSlackApi.JSON.createObjectNode();
        e.put("type", "app_home_opened").put("user", user).put("channel", "DHOME").put("tab", "home")
                .put("event_ts", "1700000000.1");
        slack.event(SlackRequests.eventCallback(eventId, e).toString());
    }

    static String homeClick(String user, String actionId, String value) {
        ObjectNode p = FakeSlackApi.JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("user").put("id", user).put("username", "someone").put("team_id", "T0001");
        p.put("api_app_id", "A0001").put("token", "verification-token").put("trigger_id", "1.2.3");
        p.putObject("container").put("type", "view").put("view_id", "V1");
        p.putObject("team").put("id", "T0001").put("domain", "kotae-test");
        p.putObject("view").put("id", "V1").put("type", "home");
        ObjectNode a = p.putArray("actions").addObject();
        a.put("action_id", actionId).put("block_id", "kotae_examples").put("value", value).put("type", "button")
                .put("action_ts", "1800000000.1");
        a.putObject("text").put("type", "plain_text").put("text", value);
        return p.toString();
    }
}
