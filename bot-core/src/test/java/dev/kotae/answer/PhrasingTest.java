package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.analysis.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a question is asked, set apart from what it asks: the focus of the same question in many wordings. */
class PhrasingTest {
    private static Phrasing.Framed frame(String question) {
        return Phrasing.frame(TextNormalizer.normalize(question));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@kotae ファイアウォールって何？ | ファイアウォールとは何?",
            "<@U0123ABC> 「サイバー攻撃」の定義おしえてください | 「サイバー攻撃」の定義教えて",
            "お疲れさまです。お忙しいところ恐縮ですが、「可用性」の意味を教えていただけますか | 「可用性」の意味を教えて",
            "すみません、SDPってなんでしたっけ？🙏 | SDPとは何?",
            "恐れ入りますが、Fortinetというのはどのような会社でしょうか。 | Fortinetとは",
            "失礼いたします。IPアドレスとは何か、ご教示願えますでしょうか。 | IPアドレスとは何",
            "お疲れさまです。エンドポイントデバイスとは、具体的にどういった機器を指すのでしょうか。 | エンドポイントデバイスとは",
            "そもそも不正アクセスってどういう行為を指すんですか？ | 不正アクセスとは?",
            "UTMってなに〜？🤔 | UTMとは何?",
            "日本ってなんでデジタル化おくれてんの？w | 日本ってなんでデジタル化おくれてんの?",
            "インターネットバンキングの意味を一言で | インターネットバンキングの意味を教えて",
    })
    void theFocusIsThePlainQuestion(String question, String focus) {
        assertEquals(focus, frame(question).focus());
    }

    @Test
    void aStoryBeforeTheQuestionIsContext() {
        Phrasing.Framed f = frame("来週の役員会で2025年の崖の話をすることになって資料を作ってるんですが、IT人材って何万人不足するって言われてるんでしたっけ？");
        assertEquals("IT人材って何万人不足するって言われてるん?", f.focus());
        assertTrue(f.context().contains("2025年の崖"), f.context());
        assertNull(f.second());
    }

    @Test
    void aQuestionQuotedInTheStoryIsNotTheQuestion() {
        Phrasing.Framed f = frame("大手の取引先からセキュリティチェックシートが届いて、上司に「サプライチェーン経由の被害って実際あるの？」と聞かれました。実際の事例だと損害額ってどれくらいだったんですか？");
        assertEquals("実際の事例だと損害額ってどれくらいだったか?", f.focus());
        assertTrue(f.context().contains("サプライチェーン"), f.context());
    }

    @Test
    void twoQuestionsInOneKeepTheSecondForLater() {
        Phrasing.Framed f = frame("RPAって何？あとRPAを使った事例ってある？");
        assertEquals("RPAとは何?", f.focus());
        assertEquals("RPAを使った事例ってある?", f.second());
    }

    @Test
    void whatWasSetAsideIsKeptForTheExplanation() {
        Phrasing.Framed f = frame("@kotae お疲れさまです。WAFとは？🙏");
        assertTrue(f.manner().contains("@kotae"), f.manner().toString());
        assertTrue(f.manner().stream().anyMatch(m -> m.startsWith("お疲れさまです")), f.manner().toString());
        assertTrue(f.manner().contains("🙏"), f.manner().toString());
        assertEquals("WAFとは?", f.focus());
    }

    @Test
    void aPlainQuestionIsLeftAlone() {
        Phrasing.Framed f = frame("DXに取組む企業の割合");
        assertEquals("DXに取組む企業の割合", f.focus());
        assertFalse(f.hasContext());
        assertNull(f.second());
    }

    @Test
    void aGreetingAloneLeavesNothingToAnswer() {
        assertEquals("", frame("お疲れさまです。").focus());
    }

    @Test
    void theSecondQuestionIsOfferedOnlyAsPlainWords() {
        assertEquals("RPAの事例はある？", Answerer.followUpText("RPAの事例はある?"));
        assertEquals("ヘルプ click？", Answerer.followUpText("ヘルプ <https://evil.example|click>"));
        assertNull(Answerer.followUpText("<!channel>"));
    }
}
