package dev.kotae.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import dev.kotae.answer.Answer;
import dev.kotae.answer.Citation;
import java.util.ArrayList;
import java.util.List;

/**
 * Kotae's answers as Block Kit. Every piece of corpus or user text goes through
 * {@link SlackText#escape}, in verbatim mrkdwn; Slack's limits are kept (3,000 characters a section, 50 blocks a
 * message, 10 context elements, 25 buttons a block, 75 characters a button, 2,000 a button value).
 */
public final class Blocks {
    public static final int SECTION_MAX = 3000;
    public static final int MESSAGE_BLOCKS_MAX = 50;
    public static final int VALUE_MAX = 2000;
    static final int BUTTON_TEXT_MAX = 75;
    static final int MAX_FOLLOW_UPS = 5;
    static final int MAX_SOURCE_BUTTONS = 3;
    static final int MAX_CITATIONS_SHOWN = 9;

    public static final String FOLLOW_UP = "kotae_followup_";
    public static final String SOURCE = "kotae_source_";
    public static final String FEEDBACK_UP = "kotae_feedback_up";
    public static final String FEEDBACK_DOWN = "kotae_feedback_down";
    public static final String SHARE = "kotae_share";
    public static final String EXAMPLE = "kotae_example_";

    /** Example questions on the App Home tab and in help. */
    public static final List<String> EXAMPLES = List.of("WAFとは？", "2025年の崖って何？", "攻めのIT投資の事例をまとめて",
            "中小企業のセキュリティ対策は？");

    private Blocks() {}

    /** How an answer is shown. */
    public enum Audience {
        /** In a thread or a DM, for everyone there. */
        PUBLIC,
        /** Only the asker sees it (a slash command): adds a button to post it to the channel. */
        PRIVATE,
        /** Posted to the channel from a private answer: says whose question it was. */
        SHARED
    }

    /** The answer as blocks. {@code userId} is the asker, shown on a shared answer. */
    public static List<LayoutBlock> answer(String question, Answer answer, Audience audience, String userId) {
        List<LayoutBlock> top = new ArrayList<>();
        if (audience == Audience.PRIVATE) {
            top.add(context("❓ " + SlackText.escape(SlackText.clip(question, 300))));
        } else if (audience == Audience.SHARED) {
            String who = userId != null && userId.matches("[A-Z0-9]+") ? "<@" + userId + "> さんの質問：" : "質問：";
            top.add(context("❓ " + who + SlackText.escape(SlackText.clip(question, 300))));
        }
        List<LayoutBlock> bottom = new ArrayList<>();
        // Each source once (two cases from one section cite it twice); buttons keep the citation's own index.
        List<Citation> citations = answer.distinctCitations();
        if (!citations.isEmpty()) {
            List<ContextBlockElement> elements = new ArrayList<>();
            for (int i = 0; i < citations.size() && i < MAX_CITATIONS_SHOWN; i++) {
                elements.add(md("📄 " + SlackText.escape(SlackText.clip(citations.get(i).label(), 600))));
            }
            if (citations.size() > MAX_CITATIONS_SHOWN) {
                elements.add(md("ほか " + (citations.size() - MAX_CITATIONS_SHOWN) + " 件"));
            }
            bottom.add(ContextBlock.builder().blockId("kotae_citations").elements(elements).build());
        }
        boolean canCarry = question.length() <= VALUE_MAX;
        List<BlockElement> next = new ArrayList<>();
        int n = 0;
        for (String f : answer.followUps()) {
            if (n >= MAX_FOLLOW_UPS) {
                break;
            }
            if (!f.isBlank() && f.length() <= VALUE_MAX) {
                next.add(button("💬 " + f, FOLLOW_UP + n++, f, null));
            }
        }
        for (String s : answer.suggestions()) {
            if (n >= MAX_FOLLOW_UPS + 3) {
                break;
            }
            if (!s.isBlank() && s.length() <= VALUE_MAX && !answer.followUps().contains(s)) {
                next.add(button("🔎 " + s, FOLLOW_UP + n++, s, null));
            }
        }
        if (!next.isEmpty()) {
            bottom.add(ActionsBlock.builder().blockId("kotae_followups").elements(next).build());
        }
        if (canCarry) {
            List<BlockElement> tools = new ArrayList<>();
            if (audience == Audience.PRIVATE) {
                tools.add(button("📣 チャンネルに投稿", SHARE, question, "primary"));
            }
            for (int i = 0; i < citations.size() && i < MAX_SOURCE_BUTTONS; i++) {
                String label = citations.size() == 1 ? "📖 出典を全文表示" : "📖 出典" + (i + 1) + "を全文表示";
                tools.add(button(label, SOURCE + answer.citations().indexOf(citations.get(i)), question, null));
            }
            tools.add(button("👍 役に立った", FEEDBACK_UP, question, null));
            tools.add(button("👎 役に立たなかった", FEEDBACK_DOWN, question, null));
            bottom.add(ActionsBlock.builder().blockId("kotae_tools").elements(tools).build());
        }
        int room = MESSAGE_BLOCKS_MAX - top.size() - bottom.size();
        List<LayoutBlock> blocks = new ArrayList<>(top);
        blocks.addAll(textSections(answer.text(), room));
        blocks.addAll(bottom);
        return blocks;
    }

    /** The plain notification text of an answer (also mrkdwn, so escaped). */
    public static String fallback(Answer answer) {
        return SlackText.escape(SlackText.clip(answer.text().replace('\n', ' '), 300));
    }

    /** Escaped text as at most {@code room} sections, the last saying it was cut when it had to be. */
    public static List<LayoutBlock> textSections(String text, int room) {
        List<String> parts = SlackText.chunks(SlackText.escape(text == null || text.isBlank() ? "（回答が空です）" : text),
                SECTION_MAX - 40);
        List<LayoutBlock> out = new ArrayList<>();
        for (int i = 0; i < parts.size() && i < room; i++) {
            String part = parts.get(i);
            if (i == room - 1 && parts.size() > room) {
                part = part + "\n…（長いため省略しました）";
            }
            out.add(section(part));
        }
        return out;
    }

    /** The full text a citation quotes. */
    public static List<LayoutBlock> source(Citation citation, String fullText) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context("📄 " + SlackText.escape(SlackText.clip(citation.label(), 600))));
        blocks.addAll(textSections(fullText, MESSAGE_BLOCKS_MAX - 1));
        return blocks;
    }

    public static List<LayoutBlock> help() {
        return List.of(
                section("*Kotae（答え）* は社内の資料から質問に答えるボットです。答えには必ず出典（用語集、テキストの節とページ、スライド）が付きます。"),
                section("*使い方*\n"
                        + "• チャンネルで `@Kotae 質問` とメンションすると、そのスレッドで答えます。スレッドの続きの質問にはメンションなしで答えます。\n"
                        + "• Kotae とのDMでは、そのまま質問を書いてください。\n"
                        + "• `/kotae 質問`：自分だけに見える答え（「チャンネルに投稿」ボタンで共有できます）\n"
                        + "• `/kotae help`：このヘルプ　`/kotae stats`：コーパスの統計\n"
                        + "• `/kotae reindex`：インデックスの再作成（管理者のみ）"),
                section("*質問の例*\n" + String.join("\n", EXAMPLES.stream().map(e -> "• " + SlackText.escape(e)).toList())));
    }

    /** The App Home tab. */
    public static View home(String stats) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(plain("Kotae（答え）")).build());
        blocks.add(section("社内の資料（セミナーテキスト、用語集、スライド）から質問に答えます。答えには必ず出典が付き、"
                + "資料にないことは推測せず「わかりません」と答えて、問い合わせ先を案内します。"));
        blocks.add(section("*できること*\n"
                + "• 用語の意味：「WAFとは？」\n"
                + "• 資料に書かれた内容の質問：「中小企業のセキュリティ対策は？」\n"
                + "• 事例の一覧と要約：「攻めのIT投資の事例をまとめて」\n"
                + "• 答えの下のボタンで、関連する質問・出典の全文表示・👍/👎 のフィードバック"));
        blocks.add(section("*使い方*\n"
                + "• チャンネルで `@Kotae 質問`（スレッドで回答）　• このアプリのDM　• `/kotae 質問`（自分だけに表示）"));
        blocks.add(DividerBlock.builder().build());
        blocks.add(section("*質問の例*（押すとDMで答えます）"));
        List<BlockElement> examples = new ArrayList<>();
        for (int i = 0; i < EXAMPLES.size(); i++) {
            examples.add(button(EXAMPLES.get(i), EXAMPLE + i, EXAMPLES.get(i), null));
        }
        blocks.add(ActionsBlock.builder().blockId("kotae_examples").elements(examples).build());
        blocks.add(DividerBlock.builder().build());
        blocks.add(section("*コーパスの統計*\n" + SlackText.escape(stats)));
        return View.builder().type("home").blocks(blocks).build();
    }

    public static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(md(mrkdwn)).build();
    }

    public static ContextBlock context(String mrkdwn) {
        return ContextBlock.builder().elements(List.of(md(mrkdwn))).build();
    }

    /**
     * Every mrkdwn text is verbatim: a user's question shown back, and answers that may quote it, are
     * never turned into links, channel names or mentions by Slack on its own. Markup Kotae writes itself
     * (the asker's {@code <@U…>}) still works.
     */
    private static MarkdownTextObject md(String mrkdwn) {
        return MarkdownTextObject.builder().text(mrkdwn).verbatim(true).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static ButtonElement button(String text, String actionId, String value, String style) {
        return ButtonElement.builder().text(plain(SlackText.clip(text, BUTTON_TEXT_MAX))).actionId(actionId)
                .value(value).style(style).build();
    }
}
