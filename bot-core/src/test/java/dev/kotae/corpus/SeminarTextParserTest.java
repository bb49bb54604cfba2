package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeminarTextParserTest {
    static final String DOC = "seminar-text-ch4.txt";
    static final Path FILE = Path.of("../corpus/documents", DOC);

    static List<String> lines;
    static ParsedText parsed;

    @BeforeAll
    static void parseRealFile() throws IOException {
        lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        parsed = SeminarTextParser.parse(DOC, lines);
    }

    // ---- sections ------------------------------------------------------------------------

    @Test
    void sectionsAreTheNumberedHeadingsWithTheirFirstPage() {
        List<String> got = parsed.sections().stream()
                .map(s -> s.id() + "|" + s.title() + "|" + s.chapter() + "|" + s.page() + "|" + s.line())
                .toList();
        assertEquals(List.of(
                "4|企業経営で重要となるIT投資と投資としてのサイバーセキュリティ対策|第4章|第4章 – 01|1",
                "4-1-1|現実社会とサイバー空間の繋がり|第4章|第4章 – 02|26",
                "4-1-2|IT活用における課題|第4章|第4章 – 04|167",
                "4-2-1|守りのIT投資、攻めのIT投資の概要|第4章|第4章 – 06|210",
                "4-2-2|経済産業省のDXレポートから見る、「攻めのIT」に取組む方針について|第4章|第4章 – 07|339",
                "4-2-3|ITを活用した生産性の向上（デジタルオプティマイゼーション）|第4章|第4章 – 08|344",
                "4-2-4|ITを活用した新たなビジネスの展開（デジタルトランスフォーメーション）|第4章|第4章 – 10|449",
                "4-2-5|次世代技術を活用したビジネス展開|第4章|第4章 – 12|574",
                "4-3-1|サイバーセキュリティ対策の重要性|第4章|第4章 – 15|759",
                "4-3-2|経営者が重要視すべき3つのポイント|第4章|第4章 – 16|812",
                "null|編集後記|第4章|第4章 – 18|899"), got);
        assertTrue(parsed.sections().stream().allMatch(s -> s.doc().equals(DOC)));
    }

    // ---- passages ------------------------------------------------------------------------

    private static Passage passageWith(String needle) {
        List<Passage> found = parsed.passages().stream().filter(p -> p.text().contains(needle)).toList();
        assertEquals(1, found.size(), () -> "passages containing " + needle + ": " + found);
        return found.get(0);
    }

    @Test
    void numbersLandInTheirSections() {
        Passage p849 = passageWith("84.9%");
        assertEquals("4-1-1", p849.sectionId());
        assertEquals("現実社会とサイバー空間の繋がり", p849.title());
        assertEquals("第4章 – 02", p849.page());
        assertEquals(71, p849.line());

        Passage p693 = passageWith("69.3%");
        assertEquals("4-1-2", p693.sectionId());
        assertEquals("第4章 – 05", p693.page());
        assertEquals("1. DXの取組状況 日本でDXに取組んでいる企業の割合は2021年度調査の55.8%から2022年度調査では69.3%に増加、"
                + "2022年度調査の米国の77.9%に近づいており、この1年でDXに取組む企業の割合は増加しています。"
                + "ただし、全社戦略に基づいて取組んでいる割合は米国が68.1%に対して日本が54.2%となっており、"
                + "全社横断での組織的な取組として、さらに進めていく必要があります。", p693.text());

        Passage p12 = passageWith("年間最大で12兆円");
        assertEquals("4-2-2", p12.sectionId());
        assertEquals("第4章 – 07", p12.page());
    }

    @Test
    void theSixReasonsBelongTo412() {
        for (String reason : List.of("1. ICT投資の低迷", "2. 業務改革等を伴わないICT投資", "3. ICT人材の不足・偏在",
                "4. 過去の成功体験", "5. デジタル化への不安感・抵抗感", "6. デジタルリテラシーが十分ではない")) {
            Passage p = passageWith(reason);
            assertTrue(p.text().startsWith(reason + " "), p.text());
            assertEquals("4-1-2", p.sectionId(), reason);
            assertEquals("第4章 – 04", p.page(), reason);
        }
        assertEquals("4-1-2", passageWith("我が国のデジタル化について").sectionId());
    }

    @Test
    void noPassageCarriesPageFurniture() {
        List<String> headingLines = lines.stream().filter(l -> LineKind.section(l).matches()).map(String::strip).toList();
        for (Passage p : parsed.passages()) {
            String t = p.text();
            assertFalse(t.contains("第4章 –"), t);
            assertFalse(t.contains("第4章. 企業経営"), t);
            assertFalse(t.contains("（出典）"), t);
            assertFalse(t.matches(".*図\\d+.*"), t);
            assertFalse(t.matches(".*\\[\\d+]:.*"), t);
            assertFalse(t.contains("https://"), t);
            assertFalse(t.contains("4-1. これから") || t.contains("4-2. 守りの"), t);
            for (String h : headingLines) {
                assertFalse(t.contains(h), t);
            }
            assertFalse(t.isBlank());
            assertEquals(SourceKind.TEXT, p.source());
            assertEquals(DOC, p.doc());
            assertTrue(p.line() >= 1 && p.line() <= lines.size());
        }
    }

    @Test
    void figureWordsAreDropped() {
        for (String fig : List.of("サイバー空間の融合", "利用者 サービス提供者", "日本 米国", "何かできないかな")) {
            assertTrue(parsed.passages().stream().noneMatch(p -> p.text().contains(fig)), fig);
        }
        assertTrue(parsed.passages().stream().noneMatch(p -> p.text().equals("サイバー空間")));
    }

    @Test
    void aFigureThatStatesValuesIsKeptWhole() {
        // The 2025年の崖 chart: its figures (約43万人 short of IT staff) are said nowhere else in the text.
        Passage figure = passageWith("IT人材の不足が約43万人");
        assertTrue(figure.text().contains("最大12兆円の損失"), figure.text());
        assertTrue(figure.text().contains("IT人材の不足が約17万人"), figure.text());
        assertEquals("4-2-2", figure.sectionId());
        assertEquals(1, parsed.passages().stream().filter(p -> p.text().contains("約43万人")).count());
    }

    @Test
    void pdfLineBreaksAreJoined() {
        Passage p = passageWith("オンラインショッピングで広範囲の商品を比較");
        assertEquals("ITの普及により、サービスの利用者はより価値のあるサービスを選択することが可能になりました。"
                + "例えば、インターネットを介して情報を瞬時に入手したり、オンラインショッピングで広範囲の商品を比較したりすることができます。"
                + "このように、より便利で効率的な方法でサービスを利用できるようになりました。", p.text());
        assertEquals(33, p.line());

        // A blank line in the middle of a sentence is a layout break, not a paragraph break.
        Passage guide = passageWith("この指針を活用することで、自社の現在のIT活用状況を確認することができます。");
        assertTrue(guide.text().startsWith("攻めのIT活用指針 経済産業省は、"), guide.text());
        assertEquals("4-2-1", guide.sectionId());

        // Double-spaced paragraphs re-join.
        Passage twice = passageWith("従来のビジネスの常識が変化しています。");
        assertTrue(twice.text().endsWith("企業の競争力を維持および強化することが必要です。"), twice.text());
    }

    @Test
    void shortHeadingsStayWithTheirText() {
        assertTrue(passageWith("現在の業務プロセスやフローを明確にし").text()
                .startsWith("手順１：業務内容・業務フローの可視化 現在の業務プロセスや"));
        assertTrue(passageWith("生成AIとは、様々なコンテンツ").text().startsWith("生成AIの登場 生成AIとは"));
        assertTrue(passageWith("チャットボットとは自動会話プログラム").text().startsWith("チャットボット チャットボットとは"));
        assertEquals("ポイント① ビジネスの継続・発展にはITの活用が不可欠", passageWith("ポイント①").text());
    }

    @Test
    void tablesYieldReadablePassages() {
        Passage iot = passageWith("現実世界の様々なモノが");
        assertEquals("IoT 現実世界の様々なモノが、インターネットと繋がることです。収集したデータが、インターネットに送信・蓄積され、"
                + "データを分析・活用することで、新たな価値の創出に繋がります。", iot.text());
        assertEquals("4-2-5", iot.sectionId());
        assertTrue(passageWith("振動データを取得し分析することで、部品の故障予知").text()
                .startsWith("• 生産設備にセンサーを設置し、振動データを"));
        assertTrue(passageWith("問い合わせ対応の自動化。").text().contains("複雑な問い合わせにも対応可能"));
        assertTrue(passageWith("クラウドサービス 自社で機器やシステムを保有しなくても").text().endsWith("利用できます。"));

        Passage law = passageWith("415条");
        assertEquals("民法 415条 債務不履行による損害賠償責任 サイバー攻撃により仕事が停滞した場合、"
                + "会社および第三者に対する、契約違反による賠償義務を負う。", law.text());
        assertEquals("4-3-2", law.sectionId());
        assertEquals("第4章 – 17", law.page());
        assertEquals("423条 1項 任務懈怠による損害賠償責任", passageWith("423条").text());
    }

    @Test
    void passagesAreSmallEnoughToQuote() {
        for (Passage p : parsed.passages()) {
            long sentences = p.text().chars().filter(c -> c == '。').count();
            assertTrue(sentences <= 4, p.text()); // at most three, plus one inside a heading or list intro
        }
        assertEquals(123, parsed.passages().size());
    }

    @Test
    void introAndAfterword() {
        Passage aim = passageWith("学ぶことを目的とします");
        assertEquals("4", aim.sectionId());
        assertEquals("第4章 – 01", aim.page());
        assertTrue(aim.text().startsWith("章の目的 第4章では、"), aim.text());
        assertTrue(aim.text().contains("「守りのIT投資」や"), aim.text()); // joined across the blank line
        Passage goals = passageWith("主な達成目標");
        assertEquals("主な達成目標 ・社会の動向を把握し、現実社会とサイバー空間の繋がりを理解すること"
                + " ・IT投資としての「守りのIT投資」と「攻めのIT投資」を理解すること"
                + " ・経営投資としてのサイバーセキュリティ対策の重要性を理解すること", goals.text());

        Passage after = passageWith("セミナー2日目では");
        assertEquals(null, after.sectionId());
        assertEquals("編集後記", after.title());
        assertEquals("第4章 – 18", after.page());
        assertTrue(after.text().contains("企業経営に必要とされるIT活用の重要性"), after.text());
    }

    // ---- cases ---------------------------------------------------------------------------

    private static Map<String, CaseStudy> casesByOrg() {
        return parsed.cases().stream().collect(Collectors.toMap(CaseStudy::organisation, Function.identity()));
    }

    private static List<String> labels(CaseStudy c) {
        return c.parts().stream().map(CasePart::label).toList();
    }

    private static CasePart part(CaseStudy c, String label) {
        return c.parts().stream().filter(p -> p.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " missing in " + c));
    }

    @Test
    void fiveCasesWithTheirFacts() {
        List<String> got = parsed.cases().stream()
                .map(c -> String.join("|", c.id(), c.title(), c.organisation(), String.valueOf(c.region()),
                        String.valueOf(c.industry()), c.theme(), c.sectionId(), c.page()))
                .toList();
        assertEquals(List.of(
                "case-4-2-3-1|事例 某エンジニア商社（東京都・製造業）|某エンジニア商社|東京都|製造業|守り|4-2-3|第4章 – 09",
                "case-4-2-4-1|事例：某金属製作所（大阪府・製造業）|某金属製作所|大阪府|製造業|攻め|4-2-4|第4章 – 11",
                "case-4-2-5-1|事例1：某ユニット型制御基板製造企業（愛媛県・製造業）|某ユニット型制御基板製造企業|愛媛県|製造業|次世代技術|4-2-5|第4章 – 13",
                "case-4-2-5-2|事例2：某マッシュルーム生産販売業（山形県・農業、販売業）|某マッシュルーム生産販売業|山形県|農業、販売業|次世代技術|4-2-5|第4章 – 13",
                "case-4-3-2-1|事例：サプライチェーン攻撃による情報流出被害 某生命保険会社（2社）|某生命保険会社|null|null|インシデント|4-3-2|第4章 – 16"),
                got);
        assertTrue(parsed.cases().stream().allMatch(c -> c.doc().equals(DOC)));
    }

    @Test
    void engineerTradingCaseOwnsItsPageSteps() {
        CaseStudy c = casesByOrg().get("某エンジニア商社");
        assertEquals(List.of("概要", "手順1", "手順2", "手順3", "手順4"), labels(c));
        assertTrue(part(c, "概要").text().startsWith("東京のオフィスに通勤していましたが、"));
        assertEquals(419, part(c, "概要").line());
        CasePart step3 = part(c, "手順3");
        assertEquals("改善や対応の実施 RPAを導入し、FAXデータをPDFファイルに変更しサーバに保存することで、"
                + "パソコンからどこからでもアクセス可能になりました。", step3.text());
        assertEquals("第4章 – 09", step3.page());
        assertEquals(434, step3.line());
        assertTrue(c.parts().stream().allMatch(p -> p.source() == SourceKind.TEXT && "4-2-3".equals(p.sectionId())));
    }

    @Test
    void metalWorksCase() {
        CaseStudy c = casesByOrg().get("某金属製作所");
        assertEquals(List.of("概要", "手順1", "手順2", "手順3", "手順4", "結果"), labels(c));
        assertEquals(536, part(c, "概要").line());
        assertEquals(540, part(c, "結果").line());
        assertTrue(part(c, "概要").text().startsWith("2008年の米金融危機により受注が半減し、"));
        assertTrue(part(c, "手順3").text().contains("センサー"));
        assertTrue(part(c, "結果").text().startsWith("結果、自社の経営を立て直し"));
    }

    @Test
    void nextGenerationCases() {
        CaseStudy one = casesByOrg().get("某ユニット型制御基板製造企業");
        assertEquals(List.of("課題", "取組み", "結果"), labels(one));
        assertTrue(part(one, "取組み").text().contains("クラウドサービスを導入しました"));
        CaseStudy two = casesByOrg().get("某マッシュルーム生産販売業");
        assertEquals(List.of("課題", "取組み", "結果"), labels(two));
        assertEquals("「つくる力」と「とどける力」を将来にわたってさらに強化するために、管理面の強化を行うこと。",
                part(two, "課題").text());
        assertTrue(part(two, "取組み").text().contains("IoT"));
        assertTrue(part(two, "結果").text().startsWith("結果、栽培ハウスの点検システムの自動化により"));
        // The page's own introduction is no case's narrative.
        assertTrue(parsed.cases().stream().flatMap(c -> c.parts().stream())
                .noneMatch(p -> p.text().contains("実際にデジタル技術を活用して課題解決")));
    }

    @Test
    void insuranceIncidentCase() {
        CaseStudy c = casesByOrg().get("某生命保険会社");
        assertEquals("インシデント", c.theme());
        assertEquals(List.of("概要"), labels(c));
        CasePart overview = part(c, "概要");
        assertTrue(overview.text().contains("外部委託"));
        assertTrue(overview.text().contains("1,323,468人分"));
        assertTrue(overview.text().contains("698,767人分"));
        assertFalse(overview.text().contains("ポイント1"));
        assertEquals(817, overview.line());
    }

    @Test
    void glossaryIsParsedAtItsHeading() {
        assertEquals(82, parsed.glossary().size());
        assertEquals("AI", parsed.glossary().get(0).term());
        assertTrue(parsed.passages().stream().noneMatch(p -> p.text().contains("■")));
    }

    // ---- the line-joining rule -------------------------------------------------------------

    @Test
    void japaneseLinesJoinWithoutSpaceLatinWordsKeepOne() {
        assertEquals("オンラインショッピングで比較", LineRepair.join(List.of("オンラインショッピ", "ングで比較")));
        assertEquals("Web Application Firewallの略。", LineRepair.join(List.of("Web Application ", "Firewallの略。")));
        assertEquals("Computer Security Incident Response Teamの略。",
                LineRepair.join(List.of("Computer Security ", "Incident Response Teamの", "略。")));
        assertEquals("ITを活用", LineRepair.join(List.of("IT", "を活用")));
        assertEquals("2000年2月に施行", LineRepair.join(List.of("2000年", "2月に施行")));
        assertEquals("Excellence, ICSCoE", LineRepair.join(List.of("Excellence,", "ICSCoE")));
        assertEquals("略。従来の", LineRepair.join(List.of("略。 従来の")));
        assertEquals("NIST サイバー", LineRepair.join(List.of("NIST サイバー")));
        assertEquals("民法 415条", LineRepair.join(List.of("民法 415条")));
    }

    @Test
    void sentenceEndsAndGroups() {
        assertTrue(LineRepair.endsSentence("考えられます。[9]"));
        assertTrue(LineRepair.endsSentence("「はい。」"));
        assertFalse(LineRepair.endsSentence("ことで、"));
        assertEquals(2, LineRepair.sentenceSpans("彼は「そうだ。違う。」と言った。次だ。").size());
        assertEquals(List.of(3, 1), PassageBuilder.groups("あ。い。う。え。").stream()
                .map(g -> (int) "あ。い。う。え。".substring(g[0], g[1]).chars().filter(c -> c == '。').count())
                .toList());
    }

    @Test
    void blankLineMidSentenceIsJoinedOnSyntheticPage() {
        List<String> doc = List.of(
                " 9-1-1. テスト節",
                "",
                "第9章 – 01",
                "",
                "これは長い文章で、ＰＤＦの改行が入っていますが、一つの文として読めるように戻される必要",
                "",
                "があります。次の文です。",
                "",
                "図1. 図の説明",
                "（出典） どこか",
                "",
                "ラベル",
                "フィジカル空間",
                "");
        ParsedText t = SeminarTextParser.parse("synthetic.txt", doc);
        assertEquals(1, t.sections().size());
        assertEquals("9-1-1", t.sections().get(0).id());
        assertEquals("第9章", t.sections().get(0).chapter());
        assertEquals("第9章 – 01", t.sections().get(0).page());
        assertEquals(List.of("これは長い文章で、ＰＤＦの改行が入っていますが、一つの文として読めるように戻される必要があります。次の文です。"),
                t.passages().stream().map(Passage::text).toList());
        assertEquals(5, t.passages().get(0).line());
    }

    @Test
    void pagesAreCountedAfterTheLastPrintedNumber() {
        List<String> doc = new ArrayList<>();
        doc.add(" 1-1-1. 最初");
        doc.add("第1章 – 01");
        doc.add("本文です。");
        doc.add(" 1-1-2. 次");
        doc.add("次の本文です。");
        doc.add(" [1]:脚注 https://example.com");
        doc.add(" 1-1-3. その次");
        doc.add("最後の本文です。");
        ParsedText t = SeminarTextParser.parse("p.txt", doc);
        assertEquals(List.of("第1章 – 01", "第1章 – 02", "第1章 – 03"),
                t.sections().stream().map(Section::page).toList());
        assertEquals(List.of("本文です。", "次の本文です。", "最後の本文です。"),
                t.passages().stream().map(Passage::text).toList());
    }

    @Test
    void chapterTitleAsRunningHeaderOnlyMakesNoIntroSection() {
        List<String> doc = List.of(" 第2章. 章の題", "2-1. 部の題", " 2-1-1. 節の題", "第2章 – 03", "本文です。");
        ParsedText t = SeminarTextParser.parse("h.txt", doc);
        assertEquals(List.of("2-1-1"), t.sections().stream().map(Section::id).toList());
        assertEquals("第2章", t.sections().get(0).chapter());
        assertEquals("第2章 – 03", t.sections().get(0).page());
        assertEquals("2-1-1", t.passages().get(0).sectionId());
    }

    // ---- malformed input -----------------------------------------------------------------

    @Test
    void malformedInputDoesNotThrow() {
        assertEquals(ParsedText.empty(), SeminarTextParser.parse("e.txt", List.of()));
        assertDoesNotThrow(() -> SeminarTextParser.parse("n.txt", null));
        ParsedText plain = SeminarTextParser.parse("plain.txt",
                List.of("見出しのない文書です。", "", "二つ目の段落です。"));
        assertTrue(plain.sections().isEmpty());
        assertEquals(2, plain.passages().size());
        assertEquals(null, plain.passages().get(0).sectionId());
        assertEquals(null, plain.passages().get(0).page());

        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<String> garbage = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                StringBuilder b = new StringBuilder();
                int len = random.nextInt(60);
                for (int k = 0; k < len; k++) {
                    b.append((char) random.nextInt(0xFFFF));
                }
                garbage.add(random.nextInt(10) == 0 ? " " + b : b.toString());
            }
            garbage.add(random.nextInt(garbage.size()), "用語集");
            garbage.add(random.nextInt(garbage.size()), "■");
            garbage.add(random.nextInt(garbage.size()), " 1-1-1. ");
            garbage.add(random.nextInt(garbage.size()), "事例：");
            ParsedText t = assertDoesNotThrow(() -> SeminarTextParser.parse("g.bin", garbage));
            assertNotNull(t);
        }
        // Garbage built from the real file's own lines, shuffled.
        List<String> shuffled = new ArrayList<>(lines);
        java.util.Collections.shuffle(shuffled, random);
        assertDoesNotThrow(() -> SeminarTextParser.parse("s.txt", shuffled));
    }
}
