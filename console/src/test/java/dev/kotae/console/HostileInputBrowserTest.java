package dev.kotae.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.Passage;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/**
 * Everything from outside treated as hostile, in a real browser: wrong tokens, requests without the
 * CSRF token, a viewer trying to reindex, a 100,000-character question, markup and script in a
 * question and in a corpus passage (shown as text, never run), a tampered session cookie, and a
 * document link that points outside the corpus. Each gets a clear refusal and changes nothing.
 */
class HostileInputBrowserTest {
    static ConsoleFixture console;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        console = ConsoleFixture.get();
        browser = console.browser;
    }

    @BeforeEach
    void loggedOut() {
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void aWrongTokenIsRefusedAndGivesNoSession() throws Exception {
        browser.logIn(console.base, "not-the-token-at-all-0123456789");
        assertEquals("トークンが正しくありません。", browser.text("#login-error"));
        assertNull(browser.sessionCookie(), "no session for a wrong token");
        browser.screenshot(Browser.screenshots(), "login", Browser.WIDTH);
        browser.open(console.url("/index"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/login"), "every page needs a login: " + browser.driver.getCurrentUrl());
        assertTrue(console.audit().lines().anyMatch(l -> l.contains("\"action\":\"login\"") && l.contains("\"result\":\"refused\"")));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        browser.logIn(console.base, ConsoleFixture.ADMIN);
        String generation = console.currentGeneration();
        // From the page itself, with the session cookie the browser holds, but no token.
        Object status = browser.js("""
                return fetch('/index/reindex', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'x=1'}).then(r => r.status);""");
        assertEquals(403L, status);
        // And from outside the browser, with the stolen cookie and a made-up token.
        HttpResponse<String> forged = console.post("/index/reindex", browser.sessionCookie(), "csrf=guessed");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("CSRF"), forged.body());
        HttpResponse<String> ask = console.post("/ask", browser.sessionCookie(), "q=WAF%E3%81%A8%E3%81%AF");
        assertEquals(403, ask.statusCode(), "asking changes the logs, so it needs the token too");
        Thread.sleep(300);
        assertEquals(generation, console.currentGeneration(), "nothing was reindexed");
        assertFalse(console.service.reindexing());
    }

    @Test
    void aViewerSeesTheIndexButCannotReindexOrRollBack() throws Exception {
        browser.logIn(console.base, ConsoleFixture.VIEWER);
        String generation = console.currentGeneration();
        browser.open(console.url("/index"));
        assertTrue(browser.all("#reindex").isEmpty() && browser.all("#rollback").isEmpty(), "no reindex or rollback button for a viewer");
        assertTrue(browser.text("#viewer-note").contains("管理者だけ"));
        String csrf = (String) browser.js("return document.querySelector('input[name=csrf]').value;");
        for (String action : List.of("/index/reindex", "/index/rollback")) {
            HttpResponse<String> r = console.post(action, browser.sessionCookie(), "csrf=" + csrf);
            assertEquals(403, r.statusCode(), action);
            assertTrue(r.body().contains("権限がありません"), r.body());
        }
        assertEquals(generation, console.currentGeneration(), "the viewer changed nothing");
        assertTrue(console.audit().lines().anyMatch(l -> l.contains("\"userId\":\"viewer\"") && l.contains("\"result\":\"refused\"")
                && l.contains("\"platform\":\"console\"")), "the attempt is audited");
        // A viewer may look and ask.
        browser.open(console.url("/usage"));
        assertTrue(browser.text("#usage-summary").startsWith("質問"));
    }

    @Test
    void aHundredThousandCharacterQuestionGetsAClearAnswerAndThePageKeepsWorking() throws Exception {
        browser.logIn(console.base, ConsoleFixture.ADMIN);
        browser.open(console.url("/ask"));
        browser.js("const q = document.getElementById('q'); q.removeAttribute('maxlength'); q.value = 'あ'.repeat(100000);");
        browser.submit("#ask-submit");
        assertEquals("none", browser.find("#answer").getAttribute("data-kind"));
        assertTrue(browser.text("#answer-text").startsWith("質問が長すぎます（2000文字まで）"), browser.text("#answer-text"));
        browser.open(console.url("/unanswered"));
        assertTrue(browser.text("#unanswered-summary").startsWith("答えられなかった"));
        // Over the body limit: refused before it is read, with a page saying so.
        HttpResponse<String> huge = console.post("/ask", browser.sessionCookie(), "q=" + "a".repeat(ConsoleServer.MAX_BODY + 10));
        assertEquals(413, huge.statusCode());
        assertTrue(huge.body().contains("大きすぎます"), huge.body());
    }

    @Test
    void markupInAQuestionIsShownAsTextAndNeverRuns() throws Exception {
        browser.logIn(console.base, ConsoleFixture.ADMIN);
        String hostile = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>社員食堂のメニューは？";
        browser.open(console.url("/ask"));
        browser.js("document.getElementById('q').value = arguments[0];", hostile);
        browser.submit("#ask-submit");
        browser.waitFor(java.time.Duration.ofSeconds(10), d -> !browser.all("#answer").isEmpty() || !browser.all("main .notice").isEmpty());
        assertTrue(browser.all("main .notice").isEmpty(), () -> browser.text("main"));
        assertEquals(hostile, browser.find("#q").getDomProperty("value"), "the question is echoed as typed");
        assertNull(browser.js("return window.__xss;"), "nothing in the question ran");
        assertTrue(browser.all("img[src=x]").isEmpty(), "no element was made from the question");

        browser.open(console.url("/unanswered?days=all"));
        assertTrue(browser.find("#groups").getText().contains(hostile), "listed as the characters it is");
        assertNull(browser.js("return window.__xss;"));
        assertTrue(browser.all("img[src=x]").isEmpty());
        assertTrue(browser.all("#groups script").isEmpty());
    }

    @Test
    void markupInACorpusPassageIsShownAsTextAndNeverRuns() throws Exception {
        browser.logIn(console.base, ConsoleFixture.ADMIN);
        List<Passage> marked = console.service.knowledge().corpus().passages().stream()
                .filter(p -> p.doc().equals(ConsoleFixture.HOSTILE_DOC) && p.text().contains("<")).toList();
        assertFalse(marked.isEmpty(), "the corpus reader kept some of the markup as text");
        browser.open(console.url("/corpus/document?name=" + ConsoleFixture.HOSTILE_DOC));
        String shown = (String) browser.js("return document.querySelector('main').textContent;");
        for (Passage p : marked) {
            assertTrue(shown.contains(p.text()), "passage shown as indexed: " + p.text());
        }
        assertNull(browser.js("return window.__pwned;"), "nothing in the corpus ran");
        assertTrue(browser.all("main img").isEmpty() && browser.all("main script").isEmpty() && browser.all("main b").isEmpty());
    }

    @Test
    void aTamperedSessionCookieIsRefused() throws Exception {
        browser.logIn(console.base, ConsoleFixture.ADMIN);
        String good = browser.sessionCookie();
        assertTrue(good != null && good.length() == 43);
        for (String tampered : List.of(good.substring(0, 42) + (good.charAt(42) == 'A' ? 'B' : 'A'), "admin", good + "x",
                "../../etc/passwd")) {
            browser.driver.manage().deleteCookieNamed(Sessions.COOKIE);
            browser.driver.manage().addCookie(new Cookie(Sessions.COOKIE, tampered, "/"));
            browser.open(console.url("/index"));
            assertTrue(browser.driver.getCurrentUrl().contains("/login?expired=1"), tampered + " → " + browser.driver.getCurrentUrl());
            assertTrue(browser.text("#login-expired").contains("セッションが無効"));
            HttpResponse<String> post = console.post("/index/reindex", tampered, "csrf=x");
            assertEquals(403, post.statusCode());
        }
    }

    @Test
    void aDocumentLinkOutsideTheCorpusIsRefused() throws Exception {
        browser.logIn(console.base, ConsoleFixture.ADMIN);
        for (String name : List.of("../../../../etc/passwd", "/etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd",
                "documents/../../index/audit.jsonl", "seminar-text-ch4.txt%00.md")) {
            browser.open(console.url("/corpus/document?name=" + name));
            String page = browser.driver.getPageSource();
            assertTrue(browser.text("main").contains("その文書は提供中のインデックスのコーパスにありません"), name + ": " + browser.text("main"));
            assertFalse(page.contains("root:x:0:0"), name);
            assertFalse(page.contains("\"action\""), name);
        }
        browser.open(console.url("/static/../../../etc/passwd"));
        assertFalse(browser.driver.getPageSource().contains("root:x:0:0"));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        browser.logIn(console.base, ConsoleFixture.ADMIN);
        String session = browser.sessionCookie();
        browser.submit("form.who button");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/login"));
        HttpResponse<String> after = console.post("/ask", session, "q=x&csrf=x");
        assertEquals(403, after.statusCode(), "the old session id is dead");
    }
}
