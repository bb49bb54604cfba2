package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.Citation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCardsTest {
    static final Citation TEXT = new Citation("text", "seminar-text-ch4.txt", "4-2-2", "2025年の崖", "第4章 – 07", null, "レガシーシステムが…");
    static final Citation GLOSSARY = new Citation("glossary", "seminar-text-ch4.txt", null, "用語集", null, "WAF（ワフ）", "Web Application Firewallの略。");
    static final Citation SLIDE = new Citation("slides", "seminar-slides-02.txt", "4-2-5", "次世代技術", "スライド 12", null, "AI・IoT");

    @Test
    void cardCarriesAnswerCitationsFollowUpsAndFeedback() {
        Answer answer = new Answer(AnswerKind.FAQ, "答えの本文", List.of(TEXT, GLOSSARY, SLIDE), 0.9,
                List.of("2025年の崖の対応策は？"), List.of(), 10);
        Activity reply = AnswerCards.answer("2025年の崖って何？", answer);
        assertEquals("答えの本文\n出典: " + TEXT.label() + "\n出典: " + GLOSSARY.label() + "\n出典: " + SLIDE.label()
                + "\n関連する質問: 2025年の崖の対応策は？", reply.getText());
        JsonNode card = AnswerCards.JSON.valueToTree(reply.getAttachments().get(0).getContent());
        assertEquals("1.4", card.path("version").asText());
        List<String> texts = new ArrayList<>();
        card.findValues("text").forEach(t -> texts.add(t.asText()));
        assertTrue(texts.contains("答えの本文"));
        assertTrue(texts.contains("1. テキスト 4-2-2 2025年の崖（第4章 – 07）"), texts.toString());
        List<String> facts = new ArrayList<>();
        card.findValues("facts").forEach(f -> f.forEach(x -> facts.add(x.path("title").asText() + "=" + x.path("value").asText())));
        assertTrue(facts.containsAll(List.of("資料=テキスト（seminar-text-ch4.txt）", "セクション=4-2-2", "タイトル=2025年の崖",
                "ページ=第4章 – 07", "資料=用語集（seminar-text-ch4.txt）", "用語=WAF（ワフ）", "資料=スライド（seminar-slides-02.txt）",
                "ページ=スライド 12")), facts.toString());
        List<JsonNode> data = card.findValues("data");
        assertTrue(data.stream().anyMatch(d -> d.path("kotae").asText().equals("ask") && d.path("question").asText().equals("2025年の崖の対応策は？")));
        JsonNode up = data.stream().filter(d -> d.path("kotae").asText().equals("feedback") && d.path("helpful").asBoolean()).findFirst().orElseThrow();
        assertEquals("faq", up.path("kind").asText());
        assertEquals("2025年の崖って何？", up.path("question").asText());
        assertEquals(3, up.path("citations").size());
        assertTrue(data.stream().anyMatch(d -> d.path("kotae").asText().equals("feedback") && !d.path("helpful").asBoolean()));
    }

    @Test
    void noneAnswerOffersSuggestionsAsQuestions() {
        Answer none = new Answer(AnswerKind.NONE, "資料には見つかりませんでした。", List.of(), 0.1, List.of(), List.of("WAF"), 5);
        JsonNode card = AnswerCards.JSON.valueToTree(AnswerCards.answer("ワフ", none).getAttachments().get(0).getContent());
        assertTrue(card.findValues("data").stream().anyMatch(d -> d.path("question").asText().equals("WAF")));
    }

    @Test
    void buttonDataIsRecognised() {
        assertEquals("ask", AnswerCards.actionData(java.util.Map.of("kotae", "ask", "question", "q")).path("kotae").asText());
        assertEquals(null, AnswerCards.actionData(java.util.Map.of("other", "x")));
        assertEquals(null, AnswerCards.actionData("text"));
        assertEquals(null, AnswerCards.actionData(null));
    }

    /**
     * A TextBlock's Markdown drops single line breaks except inside a list: numbered lines stay one list
     * (numbered as written), every other line its own paragraph. Each source is listed once.
     */
    @Test
    void multiPartAnswersKeepTheirLinesAndNumbersInTheCard() {
        String text = "事例は次の3件です。\n1. 某A社\n2. 某B社\n3. 某C社\n詳しくは各事例をどうぞ。";
        Answer answer = new Answer(AnswerKind.CASE_LIST, text, List.of(TEXT, SLIDE, TEXT), 0.9, List.of(), List.of(), 1);
        Activity reply = AnswerCards.answer("事例の一覧", answer);
        JsonNode card = AnswerCards.JSON.valueToTree(reply.getAttachments().get(0).getContent());
        JsonNode body = card.path("body");
        String shown = null;
        List<String> sources = new ArrayList<>();
        for (JsonNode item : body) {
            if (item.path("id").asText().equals("answer")) {
                shown = item.path("text").asText();
            }
            if (item.path("type").asText().equals("Container")) {
                sources.add(item.path("items").path(0).path("text").asText());
            }
        }
        assertEquals("事例は次の3件です。\n\n1. 某A社\n2. 某B社\n3. 某C社\n\n詳しくは各事例をどうぞ。", shown);
        assertEquals(List.of("1. " + TEXT.label(), "2. " + SLIDE.label()), sources);
        assertEquals(text + "\n出典: " + TEXT.label() + "\n出典: " + SLIDE.label(), reply.getText(), "plain text keeps the lines as they are");
        assertEquals("一行だけ", CardText.of("一行だけ"));
        assertEquals("・用語の意味\n\n・資料の内容", CardText.of("・用語の意味\n・資料の内容"));
    }
}
