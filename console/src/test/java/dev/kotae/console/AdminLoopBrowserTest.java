package dev.kotae.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.Feedback;
import dev.kotae.answer.Question;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/**
 * The admin's week, in a real browser: log in, ask as a user would, see what Kotae could not answer,
 * copy the draft FAQ rule into the corpus, reindex from the page, see the question answered, roll
 * back. Screenshots of every page are taken on the way (README "Console").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminLoopBrowserTest {
    /** Nothing in the documents answers it (a canteen is not a security topic). */
    static final String OUT_OF_DOMAIN = "社員食堂の営業時間は何時から？";
    static final String WRITTEN_ANSWER = "社員食堂の営業時間は資料には載っていません。総務部の掲示をご確認ください。";

    static ConsoleFixture console;
    static Browser browser;
    static Path shots;

    @BeforeAll
    static void start() throws Exception {
        console = ConsoleFixture.get();
        browser = console.browser;
        shots = Browser.screenshots();
        // What a bot's users would have left in the logs: a few answers and their 👍/👎.
        for (String q : List.of("ゼロトラストとは？", "2025年の崖って何？", "攻めのIT投資の事例をまとめて", "VPNの料金はいくら？")) {
            var answer = console.service.answer(new Question(q, "slack", "U1"));
            console.service.recordFeedback(Feedback.on(new Question(q, "slack", "U1"), answer, !q.startsWith("VPN")));
        }
        console.service.answer(new Question("WAFとは？", "teams", "aad-1"));
        browser.logIn(console.base, ConsoleFixture.ADMIN);
    }

    @Test
    @Order(1)
    void asksWafAndSeesTheGlossaryAnswerAndItsSource() throws Exception {
        browser.open(console.url("/ask"));
        browser.find("#q").sendKeys("WAFとは？");
        browser.submit("#ask-submit");
        assertEquals("glossary", browser.find("#answer").getAttribute("data-kind"));
        assertTrue(browser.text("#answer-text").startsWith("WAF（ワフ）："), browser.text("#answer-text"));
        WebElement citation = browser.find("#citations li.citation");
        assertTrue(citation.getText().contains("用語集「WAF（ワフ）」"), citation.getText());
        assertTrue(citation.getText().contains("seminar-text-ch4.txt"), "the cited file is named: " + citation.getText());
        // Why this answer, from the core's explanation: what the question asks and how it was read.
        assertTrue(browser.text("#explanation-fields [data-field=focus]").contains("WAF"), browser.text("#explanation"));
        assertTrue(browser.text("#explanation-fields [data-field=intent]").startsWith("definition"), browser.text("#explanation"));
        onlyFromTheConsole();
        browser.screenshot(shots, "ask", Browser.WIDTH);
        browser.screenshot(shots, "ask-phone", 390);

        citation.findElement(org.openqa.selenium.By.cssSelector("a.open")).click();
        browser.waitFor(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("/corpus/glossary#"));
        String anchor = (String) browser.js("return location.hash.substring(1);");
        WebElement entry = browser.find("#" + anchor);
        assertTrue(entry.getText().startsWith("WAF（ワフ）"), "the citation opens the glossary entry as indexed: " + entry.getText());
    }

    @Test
    @Order(2)
    void anOutOfDomainQuestionAppearsInUnansweredWithADraftRule() throws Exception {
        browser.open(console.url("/ask"));
        browser.find("#q").sendKeys(OUT_OF_DOMAIN);
        browser.submit("#ask-submit");
        assertEquals("none", browser.find("#answer").getAttribute("data-kind"));

        browser.open(console.url("/unanswered"));
        WebElement group = groupOf(OUT_OF_DOMAIN);
        assertTrue(group.getText().contains("1"), group.getText());
        group.findElement(org.openqa.selenium.By.cssSelector("details.draft summary")).click();
        browser.screenshot(shots, "unanswered", Browser.WIDTH);
        browser.screenshot(shots, "unanswered-phone", 390);
    }

    @Test
    @Order(3)
    void theDraftRuleCopiedIntoTheCorpusAnswersTheQuestionAfterAReindexFromThePage() throws Exception {
        String before = console.currentGeneration();
        browser.open(console.url("/unanswered"));
        WebElement group = groupOf(OUT_OF_DOMAIN);
        group.findElement(org.openqa.selenium.By.cssSelector("details.draft summary")).click();
        WebElement copy = group.findElement(org.openqa.selenium.By.cssSelector("button.copy"));
        copy.click();
        browser.waitFor(Duration.ofSeconds(5), d -> "1".equals(copy.getAttribute("data-copied")));
        String draft = group.findElement(org.openqa.selenium.By.cssSelector("textarea.yaml")).getDomProperty("value");
        assertTrue(draft.contains("\"" + OUT_OF_DOMAIN + "\""), draft);
        assertTrue(draft.contains("answer: \"\""), "the answer is left for the admin to write: " + draft);
        assertTrue(draft.contains("cite: [\""), "the closest sources are cited: " + draft);

        // The admin writes the answer and saves the rule in the corpus.
        Files.writeString(console.corpus.resolve("faq").resolve("console-drafts.yaml"),
                draft.replace("answer: \"\"", "answer: \"" + WRITTEN_ANSWER + "\""), StandardCharsets.UTF_8);

        browser.open(console.url("/index"));
        browser.submit("#validate");
        assertTrue(browser.text("#validation").contains("コーパスに問題はありません"), browser.text("#validation"));

        browser.find("#reindex").click();
        browser.driver.switchTo().alert().accept();
        browser.waitFor(Duration.ofSeconds(120), d -> !browser.all("#reindex-report").isEmpty());
        WebElement report = browser.find("#reindex-report");
        assertEquals("done", report.getAttribute("data-status"), report.getText());
        assertTrue(report.getText().contains("FAQ rules: +1") || report.getText().contains("+1"), report.getText());
        String after = console.currentGeneration();
        assertNotEquals(before, after, "the new generation serves");
        assertTrue(browser.find("#generations").getText().contains(after));
        browser.screenshot(shots, "index", Browser.WIDTH);

        browser.open(console.url("/ask"));
        browser.find("#q").sendKeys(OUT_OF_DOMAIN);
        browser.submit("#ask-submit");
        assertEquals("faq", browser.find("#answer").getAttribute("data-kind"));
        assertEquals(WRITTEN_ANSWER, browser.text("#answer-text"));

        String audit = console.audit();
        assertTrue(audit.lines().anyMatch(l -> l.contains("\"platform\":\"console\"") && l.contains("\"action\":\"reindex\"")
                && l.contains("\"result\":\"done\"") && l.contains("\"userId\":\"admin\"")), audit);
    }

    @Test
    @Order(4)
    void rollbackFromThePageServesThePreviousGenerationAgain() throws Exception {
        String before = console.currentGeneration();
        browser.open(console.url("/index"));
        browser.find("#rollback").click();
        browser.driver.switchTo().alert().accept();
        browser.waitFor(Duration.ofSeconds(30), d -> !browser.all("#rollback-result").isEmpty());
        assertTrue(browser.text("#rollback-result").contains("に戻しました"), browser.text("#rollback-result"));
        assertNotEquals(before, console.currentGeneration());
        assertEquals(AnswerKind.NONE, console.service.answer(OUT_OF_DOMAIN).kind(), "the rule's generation no longer serves");
        assertTrue(console.audit().lines().anyMatch(l -> l.contains("\"action\":\"rollback\"") && l.contains("\"platform\":\"console\"")));
    }

    @Test
    @Order(5)
    void feedbackUsageAndCorpusPagesShowTheirData() throws Exception {
        browser.open(console.url("/feedback"));
        assertTrue(browser.text("#feedback-summary").contains("フィードバック 4 件"), browser.text("#feedback-summary"));
        assertTrue(browser.text("#unhelpful").contains("VPNの料金はいくら？"), "the 👎 answer is listed with its question");
        assertFalse(browser.all("#feedback-per-day svg rect").isEmpty(), "a chart is drawn");
        browser.screenshot(shots, "feedback", Browser.WIDTH);

        browser.open(console.url("/usage"));
        String summary = browser.text("#usage-summary");
        assertTrue(summary.matches("(?s).*質問 \\d+ 件.*"), summary);
        String platforms = browser.find("#usage-per-platform").getText();
        assertTrue(platforms.contains("slack") && platforms.contains("teams") && platforms.contains("console"), platforms);
        assertTrue(browser.find("#usage-terms").getText().contains("用語集「WAF（ワフ）」"), "the cited glossary terms are counted");
        onlyFromTheConsole();
        browser.screenshot(shots, "usage", Browser.WIDTH);

        browser.open(console.url("/corpus"));
        assertTrue(browser.text("#documents").contains("seminar-text-ch4.txt"));
        browser.screenshot(shots, "corpus", Browser.WIDTH);
        browser.open(console.url("/corpus/document?name=seminar-text-ch4.txt#s-4-2-2"));
        assertTrue(browser.find("#s-4-2-2").getText().contains("4-2-2"));
        browser.screenshot(shots, "corpus-document", Browser.WIDTH);
        browser.open(console.url("/corpus/faq"));
        assertTrue(browser.text("#smoke-summary").contains("すべて合格"), browser.text("#smoke-summary"));
        browser.screenshot(shots, "corpus-faq", Browser.WIDTH);
    }

    @Test
    @Order(6)
    void aBrokenCorpusIsShownAsFileLineProblemsAndItsReindexIsRefusedWhileTheServingGenerationAnswers() throws Exception {
        Path broken = console.corpus.resolve("faq").resolve("broken.yaml");
        Files.writeString(broken, """
                - id: broken-rule
                  questions: ["壊れたルールの例文"]
                  answer: ""
                  cite: ["9-9-9"]
                """, StandardCharsets.UTF_8);
        try {
            String before = console.currentGeneration();
            browser.open(console.url("/index"));
            browser.submit("#validate");
            String validation = browser.text("#validation");
            assertTrue(validation.lines().anyMatch(l -> l.startsWith("faq/broken.yaml:3:") && l.contains("broken-rule") && l.contains("answer")),
                    "every problem as file:line: message: " + validation);

            browser.find("#reindex").click();
            browser.driver.switchTo().alert().accept();
            browser.waitFor(Duration.ofSeconds(120), d -> !browser.all("#reindex-report[data-status=refused]").isEmpty());
            String report = browser.text("#reindex-report");
            assertTrue(report.contains("これまでのインデックスで回答を続けます") && report.contains("faq/broken.yaml:3:"), report);
            assertEquals(before, console.currentGeneration(), "the serving generation stays");
            assertEquals(AnswerKind.GLOSSARY, console.service.answer("WAFとは？").kind());
        } finally {
            Files.delete(broken);
        }
    }

    /** Nothing on the page came from anywhere but the console itself (stylesheet, script, icon). */
    @SuppressWarnings("unchecked")
    private static void onlyFromTheConsole() {
        List<String> loaded = (List<String>) browser.js("return performance.getEntriesByType('resource').map(e => e.name);");
        assertFalse(loaded.isEmpty(), "the stylesheet and script were loaded");
        for (String url : loaded) {
            assertTrue(url.startsWith(console.base + "/"), "loaded from elsewhere: " + url);
        }
    }

    private static WebElement groupOf(String question) {
        return browser.all("#groups li.group").stream().filter(g -> g.getText().contains(question)).findFirst()
                .orElseThrow(() -> new AssertionError("no group for 「" + question + "」 in " + browser.text("#groups")));
    }
}
