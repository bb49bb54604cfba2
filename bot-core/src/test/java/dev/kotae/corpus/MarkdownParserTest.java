package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownParserTest {
    static final List<String> DOC = List.of(
            "---",
            "title: 追加資料",
            "---",
            "# 追加資料",                                              // 4
            "",
            "この資料は管理者が追加しました。",                          // 6
            "",
            "## 9-1-1. 新しい補助金制度",                               // 8
            "",
            "IT導入補助金は、中小企業の **IT投資** を支援する制度です。申請は",  // 10
            "オンラインで行います。詳細は[公式サイト](https://example.com)を参照してください。",
            "",
            "- 対象：中小企業",                                         // 13
            "- 補助率：1/2",
            "",
            "| 項目 | 内容 |",                                          // 16
            "|---|---|",
            "| 上限 | 450万円 |",                                      // 18
            "",
            "```",
            "# not a heading",
            "```",
            "",
            "### 補足",                                                 // 24
            "Web Application",
            "Firewall を導入します。",                                  // 26
            "",
            "## 用語集",                                                // 28
            "",
            "- **WAF（わふ）**: Web Application Firewallの略。",        // 30
            "■EDR",                                                     // 31
            "Endpoint Detection and",
            "Responseの略。");

    @Test
    void headingsBecomeSections() {
        ParsedText t = MarkdownParser.parse("extra.md", DOC);
        List<String> got = t.sections().stream()
                .map(s -> s.id() + "|" + s.title() + "|" + s.chapter() + "|" + s.page() + "|" + s.line()).toList();
        assertEquals(List.of("null|追加資料|null|null|4", "9-1-1|新しい補助金制度|第9章|null|8",
                "null|補足|null|null|24", "null|用語集|null|null|28"), got);
    }

    @Test
    void paragraphsListsRowsAndCodeBecomePassages() {
        ParsedText t = MarkdownParser.parse("extra.md", DOC);
        List<String> got = t.passages().stream()
                .map(p -> p.sectionId() + "|" + p.title() + "|" + p.line() + "|" + p.text()).toList();
        assertEquals(List.of(
                "null|追加資料|6|この資料は管理者が追加しました。",
                "9-1-1|新しい補助金制度|10|IT導入補助金は、中小企業の IT投資 を支援する制度です。申請はオンラインで行います。詳細は公式サイトを参照してください。",
                "9-1-1|新しい補助金制度|13|・対象：中小企業 ・補助率：1/2",
                "9-1-1|新しい補助金制度|18|項目：上限 内容：450万円",
                "9-1-1|新しい補助金制度|20|# not a heading",
                "null|補足|25|Web Application Firewall を導入します。"), got);
        assertTrue(t.passages().stream().allMatch(p -> p.source() == SourceKind.TEXT && p.page() == null
                && p.doc().equals("extra.md")));
        assertTrue(t.cases().isEmpty());
    }

    @Test
    void glossarySectionFeedsGlossary() {
        List<GlossaryEntry> g = MarkdownParser.parse("extra.md", DOC).glossary();
        assertEquals(2, g.size());
        assertEquals("WAF（わふ）", g.get(0).term());
        assertEquals("WAF", g.get(0).headword());
        assertEquals("ワフ", g.get(0).reading());
        assertEquals("Web Application Firewallの略。", g.get(0).definition());
        assertEquals(30, g.get(0).line());
        assertEquals("EDR", g.get(1).headword());
        assertNull(g.get(1).reading());
        assertEquals("Endpoint Detection and Responseの略。", g.get(1).definition());
    }

    @Test
    void malformedMarkdown() {
        assertEquals(ParsedText.empty(), MarkdownParser.parse("e.md", List.of()));
        assertDoesNotThrow(() -> MarkdownParser.parse("n.md", null));
        ParsedText plain = MarkdownParser.parse("p.md", List.of("見出しなし。", "```", "閉じないコード"));
        assertTrue(plain.sections().isEmpty());
        assertEquals(List.of("見出しなし。", "閉じないコード"), plain.passages().stream().map(Passage::text).toList());
        assertNull(plain.passages().get(0).sectionId());
        assertDoesNotThrow(() -> MarkdownParser.parse("g.md", List.of("#", "######", "- ", "|", "---", "## 用語集", "- ****: ")));
    }
}
