package dev.kotae.console;

/** The frame every page shares: head, navigation, who is logged in, and the logout button. */
final class Layout {
    /** The pages, in the order of the navigation. */
    enum Nav {
        ASK("/ask", "質問"), UNANSWERED("/unanswered", "未回答"), FEEDBACK("/feedback", "フィードバック"),
        USAGE("/usage", "利用状況"), INDEX("/index", "インデックス"), CORPUS("/corpus", "コーパス");

        final String path;
        final String label;

        Nav(String path, String label) {
            this.path = path;
            this.label = label;
        }
    }

    private Layout() {}

    static String page(String title, Nav current, Sessions.Session session, String body) {
        return page(title, current, session, body, null);
    }

    /** @param refreshSeconds a meta refresh (a reindex in progress), or null */
    static String page(String title, Nav current, Sessions.Session session, String body, Integer refreshSeconds) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refreshSeconds != null) {
            h.raw("<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">");
        }
        h.raw("<title>").text(title).raw(" – Kotae コンソール</title>")
                .raw("<link rel=\"stylesheet\" href=\"/static/console.css\">")
                .raw("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">")
                .raw("<script src=\"/static/console.js\" defer></script></head><body>");
        h.raw("<header class=\"top\"><a class=\"brand\" href=\"/ask\">Kotae<span>コンソール</span></a>");
        if (session != null) {
            h.raw("<nav>");
            for (Nav n : Nav.values()) {
                h.raw("<a href=\"" + n.path + "\"" + (n == current ? " class=\"current\" aria-current=\"page\"" : "") + ">")
                        .text(n.label).raw("</a>");
            }
            h.raw("</nav><form class=\"who\" method=\"post\" action=\"/logout\">")
                    .el("span", "role role-" + session.role().id(), session.role().label())
                    .csrf(session.csrf())
                    .raw("<button type=\"submit\" class=\"link\">ログアウト</button></form>");
        }
        h.raw("</header><main>");
        h.el("h1", null, title);
        h.raw(body);
        h.raw("</main><footer>Kotae（答え）— 回答はすべて社内資料から。外部への通信はありません。</footer></body></html>");
        return h.toString();
    }

    /** A page that only says something went wrong, and what to do. */
    static String message(String title, Sessions.Session session, String message, String backHref, String backLabel) {
        Html body = new Html().raw("<p class=\"notice error\">").text(message).raw("</p>");
        if (backHref != null) {
            body.raw("<p>").link(backHref, backLabel).raw("</p>");
        }
        return page(title, null, session, body.toString());
    }
}
