package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hand-built text cases merged with the case slides of the real deck. */
class CaseMergerTest {
    static final String TEXT = "seminar-text-ch4.txt";
    static List<Slide> slides;

    @BeforeAll
    static void parseDeck() throws IOException {
        List<String> lines = Files.readAllLines(SlideDeckParserTest.FILE, StandardCharsets.UTF_8);
        slides = SlideDeckParser.parse(SlideDeckParserTest.DOC, lines);
    }

    static CasePart textPart(String label, String text, String section, int line) {
        return new CasePart(label, text, SourceKind.TEXT, TEXT, section, "第4章 – 09", line);
    }

    static final CaseStudy MAMORI = new CaseStudy("case-4-2-3-1", "事例 某エンジニア商社（東京都・製造業）",
            "某エンジニア商社", "東京都", "製造業", "守り", "4-2-3", TEXT, "第4章 – 06",
            List.of(textPart("課題", "書類処理のために出社する必要があった。", "4-2-3", 420)));
    static final CaseStudy CASE1 = new CaseStudy("case-4-2-5-1", "事例1：某ユニット型制御基板製造企業（愛媛県・製造業）",
            "某ユニット型制御基板製造企業", "愛媛県", "製造業", "次世代技術", "4-2-5", TEXT, "第4章 – 09",
            List.of(textPart("課題", "システム開発において、設計時に仕様変更がかなり多く、適切な情報共有ができないため、"
                            + "製造工程のやり直しや製品の品質低下の恐れがあること。", "4-2-5", 652),
                    textPart("取組み", "社内SNSとしての機能を備え、情報共有がしやすいクラウドサービスを導入しました。", "4-2-5", 656)));
    static final CaseStudy CASE2 = new CaseStudy("case-4-2-5-2", "事例２：某マッシュルーム生産販売業（山形県・農業、販売業）",
            "某マッシュルーム生産販売業", "山形県", "農業、販売業", "次世代技術", "4-2-5", TEXT, "第4章 – 09",
            List.of(textPart("課題", "「つくる力」と「とどける力」を強化するため、管理面を強化する。", "4-2-5", 675)));
    static final CaseStudy INCIDENT = new CaseStudy("case-4-3-3-1", "事例：サプライチェーン攻撃による情報流出被害",
            "某社", null, null, "インシデント", "4-3-3", TEXT, "第4章 – 12", List.of());

    static List<CaseStudy> merged() {
        return CaseMerger.merge(List.of(MAMORI, CASE1, CASE2, INCIDENT), slides);
    }

    static CaseStudy byId(List<CaseStudy> cases, String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    static List<CasePart> slideParts(CaseStudy c, String label) {
        return c.parts().stream().filter(p -> p.source() == SourceKind.SLIDES && p.label().equals(label)).toList();
    }

    @Test
    void mergedListKeepsTextOrderAndPlacesTheUnmatchedSlideCaseBySection() {
        assertEquals(List.of("case-4-2-3-1", "case-4-2-4-slides-1", "case-4-2-5-1", "case-4-2-5-2", "case-4-3-3-1"),
                merged().stream().map(CaseStudy::id).toList());
    }

    @Test
    void case2GetsCountermeasuresFromItsRiskTableSlide() {
        CaseStudy c = byId(merged(), "case-4-2-5-2");
        List<CasePart> measures = slideParts(c, "対策");
        assertEquals(4, measures.size());
        assertEquals("IoT機器への攻撃による情報漏洩・機器停止・データ改ざん：ファイアウォールの適切な設定、"
                + "接続アカウントとパスワードの適切な設定、ファームウェアのアップデート運用", measures.get(0).text());
        assertTrue(measures.stream().allMatch(p -> p.page().equals("スライド 34") && p.sectionId().equals("4-2-5")
                && p.doc().equals(SlideDeckParserTest.DOC) && p.line() == 501));
        assertEquals(4, slideParts(c, "リスク").size());
        assertTrue(slideParts(c, "リスク").get(0).text().contains("IoT機器"));
        // the slide's 課題 says what the text's 課題 says: not repeated
        assertEquals(1, c.parts().stream().filter(p -> p.label().equals("課題")).count());
        assertEquals("スライド 33", slideParts(c, "+a").get(0).page());
    }

    @Test
    void case1GetsSlidePartsAfterTheTextsOwn() {
        CaseStudy c = byId(merged(), "case-4-2-5-1");
        assertTrue(slideParts(c, "+a").get(0).text().contains("コンサルティング"));
        assertEquals(5, slideParts(c, "対策").size());
        assertEquals(5, slideParts(c, "リスク").size());
        assertEquals(List.of("課題", "課題", "取組み", "取組み", "結果", "+a"),
                c.parts().stream().map(CasePart::label).limit(6).toList());
        assertEquals(SourceKind.TEXT, c.parts().get(0).source());
        assertEquals(SourceKind.SLIDES, c.parts().get(1).source());
        assertEquals("システム開発において、仕様変更が多すぎる。 適切な情報共有ができない。", c.parts().get(1).text());
        assertEquals("情報共有のための社内SNSを利用。 クラウドサービス（IaaS）を導入し、システム構築を簡略化。", c.parts().get(3).text());
        assertEquals(CASE1.title(), c.title());
        assertEquals(CASE1.organisation(), c.organisation());
    }

    @Test
    void mamoriCaseGetsTheSlidesSteps() {
        CaseStudy c = byId(merged(), "case-4-2-3-1");
        List<String> steps = c.parts().stream().filter(p -> p.label().startsWith("手順")).map(CasePart::label).toList();
        assertEquals(List.of("手順1", "手順2", "手順3", "手順4"), steps);
        CasePart step3 = slideParts(c, "手順3").get(0);
        assertEquals("改善や対応の実施：RPAを導入し、FAXデータをPDFファイルに自動変更しサーバに保存", step3.text());
        assertEquals("スライド 25", step3.page());
        assertEquals("4-2-3", step3.sectionId());
        assertEquals(2, c.parts().stream().filter(p -> p.label().equals("課題")).count());
    }

    @Test
    void unmatchedSlideCaseBecomesItsOwnCase() {
        CaseStudy c = byId(merged(), "case-4-2-4-slides-1");
        assertEquals("攻めのIT投資事例", c.title());
        assertEquals("攻め", c.theme());
        assertEquals("4-2-4", c.sectionId());
        assertEquals("スライド 28", c.page());
        assertEquals(SlideDeckParserTest.DOC, c.doc());
        assertNull(c.organisation());
        assertEquals(List.of("課題", "手順1", "手順2", "手順3", "手順4"), c.parts().stream().map(CasePart::label).toList());
    }

    @Test
    void withoutTextCasesEverySlideCaseStandsAlone() {
        List<CaseStudy> cases = CaseMerger.merge(List.of(), slides);
        assertEquals(List.of("守り", "攻め", "次世代技術", "次世代技術"), cases.stream().map(CaseStudy::theme).toList());
        assertEquals(List.of("case-4-2-3-slides-1", "case-4-2-4-slides-1", "case-4-2-5-slides-1", "case-4-2-5-slides-2"),
                cases.stream().map(CaseStudy::id).toList());
        assertEquals("次世代技術の活用事例 1", cases.get(2).title());
    }

    @Test
    void slideTextAlreadyInTheTextIsNotRepeated() {
        CaseStudy withStep = new CaseStudy("case-4-2-3-1", "事例 某エンジニア商社", null, null, null, "守り", "4-2-3", TEXT, null,
                List.of(textPart("手順2", "削減・短縮可能な業務の洗い出し：紙ベースの書類を電子データに切り替えることで、出社する手間を削減しました。",
                        "4-2-3", 430)));
        CaseStudy c = CaseMerger.merge(List.of(withStep), slides).get(0);
        assertEquals(1, c.parts().stream().filter(p -> p.label().equals("手順2")).count());
        assertEquals(1, slideParts(c, "手順1").size());
    }

    @Test
    void malformedInputNeverThrows() {
        assertEquals(List.of(), CaseMerger.merge(null, null));
        assertEquals(List.of(MAMORI), CaseMerger.merge(List.of(MAMORI), List.of()));
        assertEquals(List.of(MAMORI), CaseMerger.merge(List.of(MAMORI), null));
        CaseStudy odd = new CaseStudy("x", null, null, null, null, null, null, null, null, List.of());
        assertDoesNotThrow(() -> CaseMerger.merge(List.of(odd), slides));
        Slide bare = new Slide("d", 1, "t", "事例", null, "", List.of(), 1);
        Slide table = new Slide("d", 2, "t", "事例 3 (リスク対策)", "9-9", "t\n\n事例 3 (リスク対策)\n\n対策\ta",
                List.of(List.of("対策", "a")), 5);
        assertDoesNotThrow(() -> CaseMerger.merge(List.of(odd), List.of(bare, table)));
    }
}
