package dev.kotae.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.Citation;
import java.util.List;

/**
 * How an answer looks in Teams: an Adaptive Card (the question, the answer, its citations with source,
 * section, title and page, follow-up buttons and 👍/👎) and, in the activity's {@code text}, the same
 * answer as plain text for clients and notifications that do not show cards.
 */
public final class AnswerCards {
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The key in a button's data that marks it as Kotae's; its value says what the button does. */
    public static final String ACTION_KEY = "kotae";
    public static final String ASK = "ask";
    public static final String FEEDBACK = "feedback";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FOLLOW_UPS = 5;
    private static final int MAX_SUGGESTIONS = 3;

    private AnswerCards() {}

    /** The reply to a question. */
    public static Activity answer(String question, Answer answer) {
        return message(card(question, answer, false), plainText(answer));
    }

    /** The welcome when the bot is added: the core's help answer, with its examples as buttons. */
    public static Activity welcome(Answer help) {
        return message(card(null, help, true), "Kotae へようこそ。\n" + plainText(help));
    }

    /** Plain text in the same order as the command line prints it: the answer, then its sources. */
    public static String plainText(Answer answer) {
        return answer.plainText();
    }

    static Activity message(ObjectNode card, String text) {
        Activity reply = Activity.createMessageActivity();
        reply.setText(text);
        reply.setTextFormat(TextFormatTypes.PLAIN);
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        reply.setAttachments(List.of(attachment));
        return reply;
    }

    static ObjectNode card(String question, Answer answer, boolean welcome) {
        ObjectNode card = JSON.createObjectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.4");
        card.put("fallbackText", plainText(answer));
        card.putObject("msteams").put("width", "Full");
        ArrayNode body = card.putArray("body");
        if (welcome) {
            body.add(text("Kotae へようこそ").put("weight", "Bolder").put("size", "Medium"));
        } else if (question != null && !question.isBlank()) {
            body.add(userText("質問：" + question));
        }
        body.add(text(CardText.of(answer.text())).put("id", "answer"));
        if (!answer.suggestions().isEmpty()) {
            body.add(text("もしかして：").put("isSubtle", true).put("size", "Small"));
            answer.suggestions().stream().limit(MAX_SUGGESTIONS).forEach(q -> body.add(actionSet(q)));
        }
        if (!answer.citations().isEmpty()) {
            body.add(text(welcome || answer.kind() == AnswerKind.HELP ? "資料" : "出典")
                    .put("weight", "Bolder").put("separator", true).put("spacing", "Medium"));
            int n = 1;
            for (Citation c : answer.distinctCitations()) {
                body.add(citation(n++, c));
            }
        }
        if (!answer.followUps().isEmpty()) {
            body.add(text(welcome ? "たとえば：" : "関連する質問").put("weight", "Bolder").put("separator", true).put("spacing", "Medium"));
            answer.followUps().stream().limit(MAX_FOLLOW_UPS).forEach(q -> body.add(actionSet(q)));
        }
        if (!welcome && answer.kind() != AnswerKind.HELP) {
            body.add(text("この回答は役に立ちましたか？").put("isSubtle", true).put("size", "Small").put("separator", true));
            ObjectNode set = JSON.createObjectNode().put("type", "ActionSet").put("id", "feedback");
            ArrayNode actions = set.putArray("actions");
            actions.add(feedbackButton("👍 役に立った", true, question, answer));
            actions.add(feedbackButton("👎 役に立たなかった", false, question, answer));
            body.add(set);
        }
        return card;
    }

    private static ObjectNode citation(int n, Citation c) {
        ObjectNode container = JSON.createObjectNode().put("type", "Container").put("spacing", "Small");
        ArrayNode items = container.putArray("items");
        items.add(text(n + ". " + c.label()).put("size", "Small").put("weight", "Bolder").put("spacing", "None"));
        ObjectNode factSet = JSON.createObjectNode().put("type", "FactSet");
        ArrayNode facts = factSet.putArray("facts");
        fact(facts, "資料", sourceName(c.source()) + (c.doc() == null ? "" : "（" + c.doc() + "）"));
        fact(facts, "セクション", c.section());
        fact(facts, "タイトル", c.title());
        fact(facts, "用語", c.term());
        fact(facts, "ページ", c.page());
        items.add(factSet);
        if (c.snippet() != null && !c.snippet().isBlank() && !c.snippet().strip().equals(c.title() == null ? "" : c.title().strip())) {
            items.add(text(c.snippet()).put("isSubtle", true).put("size", "Small").put("maxLines", 3));
        }
        return container;
    }

    static String sourceName(String source) {
        return switch (source == null ? "" : source) {
            case "glossary" -> "用語集";
            case "slides" -> "スライド";
            case "text" -> "テキスト";
            default -> source == null ? "" : source;
        };
    }

    private static void fact(ArrayNode facts, String title, String value) {
        if (value != null && !value.isBlank()) {
            facts.addObject().put("title", title).put("value", value);
        }
    }

    private static ObjectNode text(String text) {
        return JSON.createObjectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    /**
     * Text the user wrote, shown as written: a TextBlock reads Markdown, so {@code [click](http://evil)} in a
     * question would become a link in Kotae's own card. A TextRun in a RichTextBlock is never read as Markdown.
     */
    static ObjectNode userText(String text) {
        ObjectNode block = JSON.createObjectNode().put("type", "RichTextBlock");
        block.putArray("inlines").addObject().put("type", "TextRun").put("text", text).put("isSubtle", true).put("size", "Small");
        return block;
    }

    /** One question button per row: questions are long, and a row of them would overflow. */
    private static ObjectNode actionSet(String question) {
        ObjectNode set = JSON.createObjectNode().put("type", "ActionSet").put("spacing", "Small");
        ObjectNode action = set.putArray("actions").addObject().put("type", "Action.Submit").put("title", question);
        action.putObject("data").put(ACTION_KEY, ASK).put("question", question);
        return set;
    }

    private static ObjectNode feedbackButton(String title, boolean helpful, String question, Answer answer) {
        ObjectNode action = JSON.createObjectNode().put("type", "Action.Submit").put("title", title);
        ObjectNode data = action.putObject("data");
        data.put(ACTION_KEY, FEEDBACK).put("helpful", helpful).put("question", question == null ? "" : question)
                .put("kind", answer.kind().label());
        ArrayNode cites = data.putArray("citations");
        answer.citations().forEach(c -> cites.add(c.label()));
        return action;
    }

    /** The data of a Kotae button, or null when {@code value} is not one. */
    static ObjectNode actionData(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode node = value instanceof JsonNode j ? j : JSON.valueToTree(value);
        if (node != null && node.isObject() && node.path(ACTION_KEY).isTextual()) {
            return (ObjectNode) node;
        }
        return null;
    }
}
