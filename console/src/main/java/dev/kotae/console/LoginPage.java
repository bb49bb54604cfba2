package dev.kotae.console;

import java.util.Optional;

/**
 * Login with a token, logout. The login form carries a one-time value that must match a cookie set
 * with the form, so another site cannot log a browser in; wrong tokens are counted per address.
 */
final class LoginPage {
    private final Console console;

    LoginPage(Console console) {
        this.console = console;
    }

    Response form(Request r, String error) {
        String nonce = Sessions.randomToken();
        Html body = new Html();
        if (error != null) {
            body.raw("<p class=\"notice error\" id=\"login-error\">").text(error).raw("</p>");
        } else if ("1".equals(r.queryParam("expired"))) {
            body.raw("<p class=\"notice\" id=\"login-expired\">セッションが無効か期限切れです。もう一度ログインしてください。</p>");
        }
        body.raw("<form class=\"login\" method=\"post\" action=\"/login\">")
                .raw("<label for=\"token\">アクセストークン</label>")
                .raw("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required autofocus>")
                .raw("<input type=\"hidden\" name=\"nonce\" value=\"").text(nonce).raw("\">")
                .raw("<button type=\"submit\">ログイン</button></form>")
                .raw("<p class=\"hint\">管理者は KOTAE_CONSOLE_TOKEN、閲覧者は KOTAE_CONSOLE_VIEWER_TOKEN に設定されたトークンでログインします。</p>");
        return Response.html(error == null ? 200 : 401, Layout.page("ログイン", null, null, body.toString()))
                .header("Set-Cookie", Console.LOGIN_COOKIE + "=" + nonce + "; Path=/login; HttpOnly; SameSite=Strict");
    }

    Response submit(Request r) {
        String nonce = r.cookies().get(Console.LOGIN_COOKIE);
        if (nonce == null || !nonce.equals(r.param("nonce"))) {
            return Response.html(403, Layout.message("ログインできません", null,
                    "ログイン画面の有効期限が切れています。ログイン画面を開き直してください。", "/login", "ログイン画面へ"));
        }
        if (console.sessions.lockedOut(r.remote())) {
            // Not audited: a flood of refused logins must not flood the audit log too.
            return form(r, "誤ったトークンが続いたため、しばらくログインできません。15 分ほどおいてから試してください。")
                    .withStatus(429);
        }
        Optional<Sessions.Role> role = console.sessions.check(r.param("token"));
        if (role.isEmpty()) {
            console.sessions.failed(r.remote());
            console.service.audit("console", null, "login", "refused", "トークンが正しくありません");
            return form(r, "トークンが正しくありません。");
        }
        Sessions.Session s = console.sessions.open(role.get());
        console.service.audit("console", role.get().id(), "login", "done", role.get().label() + "としてログイン");
        return Response.redirect("/ask")
                .header("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict")
                .header("Set-Cookie", Console.LOGIN_COOKIE + "=; Path=/login; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    Response logout(Request r) {
        console.sessions.close(r.session().id());
        console.service.audit("console", r.session().role().id(), "logout", "done", "ログアウト");
        return Response.redirect("/login")
                .header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }
}
