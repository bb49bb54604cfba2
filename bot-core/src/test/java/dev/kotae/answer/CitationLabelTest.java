package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How sources read in every rendering (CLI, Slack, Teams): the file is named unless it is the seminar's own. */
class CitationLabelTest {
    @Test
    void theSeminarsOwnDocumentsKeepTheirShortLabels() {
        assertEquals("テキスト 4-2-2 2025年の崖（第4章 – 07）",
                new Citation("text", "seminar-text-ch4.txt", "4-2-2", "2025年の崖", "第4章 – 07", null, "…").label());
        assertEquals("用語集「WAF（ワフ）」", new Citation("glossary", "seminar-text-ch4.txt", null, "用語集", null, "WAF（ワフ）", "…").label());
        assertEquals("スライド12「次世代技術」（テキスト 4-2-5 参照）",
                new Citation("slides", "seminar-slides-02.txt", "4-2-5", "次世代技術", "スライド 12", null, "…").label());
    }

    @Test
    void everyOtherDocumentIsNamedByItsFile() {
        assertEquals("policy.md 9-1-1 パスワードの管理", new Citation("text", "policy.md", "9-1-1", "パスワードの管理", null, null, "…").label());
        assertEquals("remote.md 9-1-1 在宅勤務", new Citation("text", "remote.md", "9-1-1", "在宅勤務", null, null, "…").label());
        assertEquals("policy.md 社内規程", new Citation("text", "policy.md", null, "社内規程", null, null, "…").label());
        assertEquals("用語集「VPN」（terms.md）", new Citation("glossary", "terms.md", null, "用語集", null, "VPN", "…").label());
        assertEquals("deck.pptx スライド3「概要」", new Citation("slides", "deck.pptx", null, "概要", "スライド 3", null, "…").label());
    }

    @Test
    void plainTextKeepsLinesAndNumberingAndListsEachSourceOnce() {
        Citation a = new Citation("text", "seminar-text-ch4.txt", "4-2-5", "次世代技術", "第4章 – 13", null, "…");
        Citation b = new Citation("text", "seminar-text-ch4.txt", "4-2-3", "生産性", "第4章 – 09", null, "…");
        Answer answer = new Answer(AnswerKind.CASE_LIST, "資料にある事例は次の3件です。\n1. 某A社\n2. 某B社\n3. 某C社",
                List.of(a, b, a), 0.9, List.of("某A社の事例をまとめて"), List.of(), 1);
        assertEquals("""
                資料にある事例は次の3件です。
                1. 某A社
                2. 某B社
                3. 某C社
                出典: テキスト 4-2-5 次世代技術（第4章 – 13）
                出典: テキスト 4-2-3 生産性（第4章 – 09）
                関連する質問: 某A社の事例をまとめて""", answer.plainText());
        assertEquals(List.of(a, b), answer.distinctCitations());
        assertEquals(3, answer.citations().size(), "the answer object itself keeps what the core cited");
    }
}
