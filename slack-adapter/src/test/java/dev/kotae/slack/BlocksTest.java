package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Block Kit shape: escaping and Slack's limits, on the JSON that is actually sent. */
class BlocksTest {
    static JsonNode json(List<LayoutBlock> blocks) throws Exception {
        return FakeSlackApi.JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks));
    }

    @Test
    void escapingKeepsMarkupFromPinging() {
        assertEquals("&lt;!channel&gt; &amp;amp; &lt;@U1&gt;", SlackText.escape("<!channel> &amp; <@U1>"));
        assertEquals("@channel と @here と @U999 と #general と example", SlackText.question(
                "<@UBOT> <!channel> と <!here|here> と <@U999> と <#C1|general> と <https://example.com|example>", "UBOT"));
        assertEquals("a < b & c", SlackText.question("a &lt; b &amp; c", null));
        assertEquals("", SlackText.question("<@UBOT>", "UBOT"));
    }

    @Test
    void corpusOrUserTextCannotBecomeMentionsOrLinks() throws Exception {
        Answer a = new Answer(AnswerKind.PASSAGE, "<!channel> 注意 <@U123> & <https://evil.example|click>",
                List.of(new Citation("text", "d.txt", "4-1", "<!here>見出し", "第4章 – 01", null, "s")),
                1.0, List.of("<!everyone>とは？"), List.of(), 1);
        for (Blocks.Audience audience : Blocks.Audience.values()) {
            JsonNode blocks = json(Blocks.answer("<!channel> 質問", a, audience, "U1"));
            for (String t : SlackRequests.mrkdwnTexts(blocks)) {
                assertFalse(t.contains("<!") || t.contains("<@U123") || t.contains("<https"), t);
            }
        }
        assertFalse(Blocks.fallback(a).contains("<"));
    }

    @Test
    void longAnswersStayWithinSlackLimits() throws Exception {
        String text = IntStream.range(0, 14000).mapToObj(i -> "長い回答の文です" + i + "。" + (i % 50 == 0 ? "\n" : ""))
                .reduce("", String::concat) + "&<>".repeat(2000);
        List<Citation> cites = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cites.add(new Citation("text", "d.txt", "4-" + i, "見出し".repeat(100), "第4章 – " + i, null, "snippet"));
        }
        List<String> follow = IntStream.range(0, 12).mapToObj(i -> "とても長い関連質問".repeat(20) + i).toList();
        Answer a = new Answer(AnswerKind.PASSAGE, text, cites, 0.9, follow, List.of("WAF", "UTM"), 1);
        for (Blocks.Audience audience : Blocks.Audience.values()) {
            JsonNode blocks = json(Blocks.answer("質問", a, audience, "U1"));
            assertTrue(blocks.size() <= 50, "blocks: " + blocks.size());
            for (JsonNode b : blocks) {
                if (b.path("type").asText().equals("section")) {
                    assertTrue(b.path("text").path("text").asText().length() <= 3000);
                }
                if (b.path("type").asText().equals("context")) {
                    assertTrue(b.path("elements").size() <= 10);
                }
                if (b.path("type").asText().equals("actions")) {
                    assertTrue(b.path("elements").size() <= 25);
                    for (JsonNode e : b.path("elements")) {
                        assertTrue(e.path("text").path("text").asText().length() <= 75);
                        assertTrue(e.path("value").asText().length() <= 2000);
                    }
                }
            }
            String all = String.join("", SlackRequests.texts(blocks));
            assertTrue(all.contains("長いため省略しました"), "says it was cut");
            assertFalse(all.matches("(?s).*&(?!amp;|lt;|gt;).*"), "no entity cut in half");
        }
        assertTrue(Blocks.fallback(a).length() <= 300 * 5);
    }

    @Test
    void chunksCutAtLineEndsAndNeverInsideEntities() {
        String s = "あ".repeat(2990) + "&amp;" + "い".repeat(100);
        List<String> parts = SlackText.chunks(s, 2992);
        assertEquals(s, String.join("", parts));
        assertTrue(parts.get(1).startsWith("&amp;"));
        assertEquals(List.of("abc"), SlackText.chunks("abc", 10));
    }

    @Test
    void homeViewHasCapabilitiesExamplesAndStats() throws Exception {
        JsonNode view = FakeSlackApi.JSON.readTree(GsonFactory.createSnakeCase().toJson(Blocks.home("文書 2、<!here>")));
        assertEquals("home", view.path("type").asText());
        String all = String.join("\n", SlackRequests.texts(view.path("blocks")));
        assertTrue(all.contains("できること") && all.contains("WAFとは？") && all.contains("文書 2、&lt;!here&gt;"), all);
    }

    /** Lists, steps and cases keep their lines and numbers in mrkdwn; each source is shown once. */
    @Test
    void multiPartAnswersKeepTheirLinesAndEachSourceIsShownOnce() throws Exception {
        Citation a = new Citation("text", "seminar-text-ch4.txt", "4-2-5", "次世代技術", "第4章 – 13", null, "s");
        Citation b = new Citation("text", "policy.md", "9-1-1", "パスワードの管理", null, null, "s");
        Answer answer = new Answer(AnswerKind.CASE_LIST, "事例は次の3件です。\n1. 某A社 <東京>\n2. 某B社\n3. 某C社",
                List.of(a, b, a), 0.9, List.of(), List.of(), 1);
        JsonNode blocks = json(Blocks.answer("事例の一覧", answer, Blocks.Audience.PUBLIC, null));
        List<String> sections = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> buttons = new ArrayList<>();
        for (JsonNode block : blocks) {
            switch (block.path("type").asText()) {
                case "section" -> sections.add(block.path("text").path("text").asText());
                case "context" -> block.path("elements").forEach(e -> sources.add(e.path("text").asText()));
                case "actions" -> block.path("elements").forEach(e -> buttons.add(e.path("action_id").asText()));
                default -> { }
            }
        }
        assertEquals(List.of("事例は次の3件です。\n1. 某A社 &lt;東京&gt;\n2. 某B社\n3. 某C社"), sections);
        assertEquals(List.of("📄 テキスト 4-2-5 次世代技術（第4章 – 13）", "📄 policy.md 9-1-1 パスワードの管理"), sources);
        assertTrue(buttons.containsAll(List.of(Blocks.SOURCE + 0, Blocks.SOURCE + 1)) && !buttons.contains(Blocks.SOURCE + 2), buttons.toString());
    }
}
