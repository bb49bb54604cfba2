package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Golden tests on the real deck {@code seminar-slides-02.txt}, plus rules on small made-up decks. */
class SlideDeckParserTest {
    static final String DOC = "seminar-slides-02.txt";
    static final Path FILE = Path.of("../corpus/documents", DOC);

    static List<String> lines;
    static List<Slide> slides;
    static List<Passage> passages;

    @BeforeAll
    static void parseDeck() throws IOException {
        lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        slides = SlideDeckParser.parse(DOC, lines);
        passages = SlideDeckParser.passages(slides);
    }

    static Slide slide(int number) {
        return slides.get(number - 1);
    }

    static void assertSlide(int number, int line, String title, String heading, String sectionId) {
        Slide s = slide(number);
        assertAll("slide " + number,
                () -> assertEquals(number, s.number()),
                () -> assertEquals(line, s.line()),
                () -> assertEquals(title, s.title()),
                () -> assertEquals(heading, s.heading()),
                () -> assertEquals(sectionId, s.sectionId()),
                () -> assertEquals(DOC, s.doc()),
                () -> assertEquals("スライド " + number, s.page()));
    }

    // ---- slides ----

    @Test
    void deckHasFortySlides() {
        // 4 front matter (cover, two agenda pages, chapter list) + 35 titled slides + the closing cover
        assertEquals(40, slides.size());
        for (int i = 0; i < slides.size(); i++) {
            assertEquals(i + 1, slides.get(i).number());
        }
    }

    @Test
    void frontMatterIsCoverAgendaPagesAndChapterList() {
        assertSlide(1, 4, "令和5年度", null, null);
        assertSlide(2, 17, "セミナー内容", null, null);
        assertSlide(3, 26, "セミナー内容", null, null);
        assertSlide(4, 35, "1. 企業経営で重要となるIT投資と投資としてのサイバーセキュリティ対策", null, null);
        assertEquals(6, slide(2).rows().size());
        assertEquals(List.of("回数", "テーマ"), slide(3).rows().get(0));
        assertEquals(List.of("第7回", "組織として実施すべき具体的な対策事項・手順【実施手順・実施者マニュアルレベル①】"),
                slide(3).rows().get(2));
        assertEquals(List.of("第10回", "全体総括"), slide(3).rows().get(5));
    }

    @Test
    void titledSlides() {
        assertSlide(5, 44, "これからの企業経営に必要な観点：社会の動向", "インターネットの利用率", "4-1-1");
        assertSlide(6, 57, "これからの企業経営で必要な観点：社会の動向", "デジタル時代の競争：革新と選択肢の拡大", "4-1-1");
        assertSlide(9, 118, "これからの企業経営に必要な観点：社会の動向", "1. ICT投資の低迷", "4-1-2");
        assertSlide(10, 130, "これからの企業経営に必要な観点：社会の動向", "DXの取組状況", "4-1-2");
        assertSlide(21, 260, "2025年の崖", "2025年の崖が示す課題", "4-2-2");
        assertSlide(22, 278, "2025年の崖", "2025年の崖の解決策", "4-2-2");
        assertSlide(35, 511, "次世代技術を活用したビジネス展開", "チャットボットとは", "4-2-5");
        assertSlide(37, 556, "経営者が重要視すべき3つのポイント", "ポイント1：ビジネスの継続・発展にはITの活用が不可欠", "4-3-2");
    }

    @Test
    void slidesWithoutMarkerInheritFromThePrecedingSlideOfTheSameTitle() {
        // 4-1-2 from slide 11, the last slide titled …に必要な観点… before it
        assertSlide(14, 179, "これからの企業経営に必要な観点：社会の動向", "DXを推進する人材の「量」の確保", "4-1-2");
        assertSlide(26, 353, "守りのIT投資、攻めのIT投資", "守りのIT投資事例とフレームワーク", "4-2-3");
        assertSlide(32, 457, "次世代技術を活用したビジネス展開", "次世代技術の活用事例 1 (リスク対策)", "4-2-5");
        assertSlide(34, 501, "次世代技術を活用したビジネス展開", "次世代技術の活用事例2（リスク対策）", "4-2-5");
    }

    @Test
    void dxFrameworkSlideHasNoSectionBecauseNoEarlierSlideOfItsTitleHasOne() {
        assertSlide(19, 235, "守りのIT投資、攻めのIT投資", "DXの構造と実装STEPを理解する", null);
        assertSlide(20, 244, "守りのIT投資、攻めのIT投資", "DXフレームワーク", null);
        assertEquals(6, slide(20).rows().size());
    }

    @Test
    void aRunningTitleRightAfterAMarkerIsAHeadingNotANewSlide() {
        assertSlide(36, 529, "サイバーセキュリティ対策の重要性", "経営者が重要視すべき3つのポイント", "4-3-1");
    }

    @Test
    void closingCoverIsItsOwnSlide() {
        assertSlide(40, 618, "令和5年度", null, null);
        assertTrue(slide(39).text().endsWith("(出典) IPA 「中小企業の情報セキュリティ対策ガイドライン 第3.1版」から抜粋"));
    }

    @Test
    void caseSlides() {
        assertSlide(25, 323, "守りのIT投資、攻めのIT投資", "守りのIT投資事例", "4-2-3");
        assertSlide(28, 377, "守りのIT投資、攻めのIT投資", "攻めのIT投資事例", "4-2-4");
        assertSlide(31, 423, "次世代技術を活用したビジネス展開", "次世代技術の活用事例 1", "4-2-5");
        assertSlide(33, 468, "次世代技術を活用したビジネス展開", "次世代技術の活用事例 2", "4-2-5");
    }

    @Test
    void everySlideWithAMarkerHasTheMarkersSection() {
        int marked = 0;
        for (int i = 0; i < slides.size(); i++) {
            Slide s = slides.get(i);
            int end = i + 1 < slides.size() ? slides.get(i + 1).line() - 1 : lines.size();
            String marker = null;
            for (String line : lines.subList(s.line() - 1, end)) {
                if (line.strip().startsWith("【参照")) {
                    marker = line.strip().replaceAll("^【参照：セミナーテキスト|\\.】$", "");
                    break;
                }
            }
            if (marker != null) {
                marked++;
                assertEquals(marker, s.sectionId(), "slide " + s.number());
            }
        }
        assertEquals(27, marked);
        // 27 marked + 6 inheriting (14, 15, 26, 29, 32, 34); front matter, closing cover and slides 19–20 have none
        assertEquals(33, slides.stream().filter(s -> s.sectionId() != null).count());
    }

    @Test
    void riskTableOfCase2() {
        List<List<String>> rows = slide(34).rows();
        assertEquals(List.of("項番", "想定すべきセキュリティリスク", "一般的なリスク対策"), rows.get(0));
        List<List<String>> data = rows.subList(1, rows.size());
        assertEquals(4, data.size());
        assertEquals(List.of("1", "IoT機器への攻撃による情報漏洩・機器停止・データ改ざん",
                "ファイアウォールの適切な設定、接続アカウントとパスワードの適切な設定、ファームウェアのアップデート運用"), data.get(0));
        assertTrue(data.get(0).get(1).contains("IoT機器"));
        assertTrue(data.get(0).get(2).contains("ファームウェア"));
        assertEquals("SSIDをデフォルトから変更、パスフレーズの適切な設定、WPA2以上の暗号化強度を使用、ファームウェアのアップデート運用",
                data.get(1).get(2));
    }

    @Test
    void htmlListCellsAreSplitIntoItems() {
        // slide 32: the <li> tags are gone, only spaces separate the items
        assertEquals("Web Application Firewall (WAF) サービスの導入、多要素認証の導入 (利用者の特定)、定期的なアカウント棚卸、データの暗号化",
                slide(32).rows().get(1).get(2));
        // slide 30: items separated by •
        assertEquals("需要の予測や在庫の最適化、不良品の自動検出、対話型AIによる、問い合わせ対応の自動化、コンテンツの生成",
                slide(30).rows().get(1).get(2));
        assertTrue(slide(30).text().contains("\t• 需要の予測や在庫の最適化 • 不良品の自動検出 •"));
    }

    @Test
    void slideTextIsCleaned() {
        for (Slide s : slides) {
            assertAll("slide " + s.number(),
                    () -> assertFalse(s.text().contains("**")),
                    () -> assertFalse(s.text().contains("<ul")),
                    () -> assertFalse(s.text().contains("<li")),
                    () -> assertFalse(s.text().contains("【参照")),
                    () -> assertTrue(s.text().lines().noneMatch(l -> l.startsWith("- ") || l.startsWith(" - "))),
                    () -> assertTrue(s.text().lines().noneMatch(l -> !l.isEmpty() && l.isBlank())),
                    () -> assertFalse(s.text().contains("\n\n\n")));
        }
        assertTrue(slide(9).text().contains("\n・我が国のICT投資は1997年をピークに減少中。\n"));
        assertTrue(slide(7).text().contains("サプライチェーンが可視化され"));
    }

    // ---- passages ----

    @Test
    void passageCount() {
        // 103 from text and tables, plus one for each of the 5 figure-only slides that have a heading.
        assertEquals(108, passages.size());
        assertTrue(passages.stream().allMatch(p -> p.source() == SourceKind.SLIDES && DOC.equals(p.doc())
                && p.page().startsWith("スライド ") && p.title() != null && !p.text().isBlank()));
    }

    @Test
    void riskTableRowIsAPassage() {
        Passage p = passage("IoT機器への攻撃による情報漏洩・機器停止・データ改ざん — 一般的なリスク対策：ファイアウォールの適切な設定、接続アカウントとパスワードの適切な設定、ファームウェアのアップデート運用");
        assertEquals("スライド 34", p.page());
        assertEquals("4-2-5", p.sectionId());
        assertEquals("次世代技術の活用事例2（リスク対策）", p.title());
    }

    @Test
    void agendaRowsAreTheirOwnPassages() {
        Passage p = passage("第7回 組織として実施すべき具体的な対策事項・手順【実施手順・実施者マニュアルレベル①】");
        assertTrue(p.text().contains("実施手順"));
        assertEquals("スライド 3", p.page());
        assertEquals("セミナー内容", p.title());
        assertNull(p.sectionId());
        passage("第10回 全体総括");
        assertEquals(10, passages.stream().filter(x -> x.text().matches("^第\\d+回 .*")).count());
    }

    @Test
    void labelledBulletGroupsAreOnePassage() {
        Passage p = passage("【課題】 システム開発において、仕様変更が多すぎる。 適切な情報共有ができない。");
        assertEquals("次世代技術の活用事例 1", p.title());
        assertEquals("スライド 31", p.page());
        passage("【+a】 地域の製造業者に共有することで、効率化のコンサルティング、開発依頼の受注。");
        passage("課題 新型コロナウイルス対応のため、テレワークへの切り替え、書類処理のための出社");
        passage("手順2：削減・短縮可能な業務の洗い出し 紙ベースの書類を電子データに切り替えることで、出社する手間を削減");
        passage("ユーザー価値観の変化、行動変容の加速");
    }

    @Test
    void tableRowsReadAsSentences() {
        passage("課題 1 既存システムのレガシーシステム化");
        passage("民法 — 条項：644条 取締役の善管注意義務違反 / 要約：企業のセキュリティ体制が規模や業務内容に鑑みて適切でなく、"
                + "サイバー攻撃により企業や第三者に損害が発生した場合、取締役は会社に対して、善管注意義務違反による賠償義務を負う。");
    }

    @Test
    void noPassageCarriesMarkupMarkersCaptionsOrBareLabels() {
        for (Passage p : passages) {
            assertAll(p.text(),
                    () -> assertFalse(p.text().contains("【参照")),
                    () -> assertFalse(p.text().contains("<ul")),
                    () -> assertFalse(p.text().contains("<li")),
                    () -> assertFalse(p.text().contains("**")),
                    () -> assertFalse(p.text().contains("出典") && !p.text().startsWith(p.title() + " ")),
                    () -> assertFalse(p.text().matches("^【[^】]*】$")),
                    () -> assertFalse(p.text().equals(p.title())));
        }
    }

    @Test
    void aFigureOnlySlideIsQuotedByHeadingCaptionAndSource() {
        assertTrue(passages.stream().anyMatch(p -> p.text().equals(
                "DXの構造と実装STEPを理解する DXの構造と実装ステップ (出典) 経済産業省「DXレポート2」を基に作成")),
                passages.stream().map(Passage::text).filter(t -> t.contains("STEP")).toList().toString());
    }

    @Test
    void passagesCarryTheirSlidesSection() {
        for (Passage p : passages) {
            Slide s = slide(Integer.parseInt(p.page().substring("スライド ".length())));
            assertEquals(s.sectionId(), p.sectionId());
            assertEquals(s.line(), p.line());
        }
    }

    Passage passage(String text) {
        return passages.stream().filter(p -> p.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage " + text));
    }

    // ---- rules on made-up decks ----

    @Test
    void fullWidthMarkersAndTitleRules() {
        List<String> deck = List.of(
                "表紙", "",
                "第一の題", "【参照：セミナーテキスト４－２－５．】", "見出しA", "本文です。",
                "", "第一の題", "", "見出しB", "- 項目一", "- 項目二",
                "", "第二の題", " ", "【参照：セミナーテキスト3-1-1.】", "", "見出しC");
        List<Slide> s = SlideDeckParser.parse("d.txt", deck);
        assertEquals(4, s.size());
        assertEquals("表紙", s.get(0).title());
        assertEquals("4-2-5", s.get(1).sectionId());
        assertEquals("見出しA", s.get(1).heading());
        assertEquals("4-2-5", s.get(2).sectionId());
        assertEquals("見出しB", s.get(2).heading());
        assertEquals("見出しB\n・項目一\n・項目二", s.get(2).text().substring(s.get(2).text().indexOf("見出しB")));
        assertEquals("3-1-1", s.get(3).sectionId());
        assertEquals(14, s.get(3).line());
    }

    @Test
    void deckWithoutMarkersIsAllFrontMatter() {
        List<String> deck = List.of("題", "", "一覧", "", "列1\t列2", "a\tb", "", "後の文章です。", "", "一覧", "c");
        List<Slide> s = assertDoesNotThrow(() -> SlideDeckParser.parse("d.txt", deck));
        assertEquals(List.of("題", "一覧", "後の文章です。", "一覧"), s.stream().map(Slide::title).toList());
        assertTrue(s.stream().allMatch(x -> x.sectionId() == null && x.heading() == null));
        assertEquals(List.of("a — 列2：b"), SlideDeckParser.passages(s).stream().map(Passage::text).filter(t -> t.contains("a")).toList());
    }

    @Test
    void emptyAndGarbageInputNeverThrows() {
        assertEquals(List.of(), SlideDeckParser.parse("d.txt", List.of()));
        assertEquals(List.of(), SlideDeckParser.parse(null, null));
        assertEquals(List.of(), SlideDeckParser.parse("d.txt", List.of("", " ", "\t", "　")));
        assertEquals(List.of(), SlideDeckParser.passages(null));
        assertEquals(List.of(), SlideDeckParser.passages(List.of()));

        List<String> odd = List.of("【参照：】", "【参照：セミナーテキスト】", "<ul style=\"x\"><li>a</li></ul>\t\t",
                "- ", "**", "手順：", "\t<ul>", "事例", "(出典)", "x\t", "【参照：セミナーテキスト1-1.】");
        assertDoesNotThrow(() -> SlideDeckParser.passages(SlideDeckParser.parse("d.txt", odd)));

        String alphabet = "ab【】参照：-\t 　*<>ul li•・1２事例手順(出典)\u3000";
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> garbage = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                StringBuilder line = new StringBuilder();
                for (int j = random.nextInt(20); j > 0; j--) {
                    line.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                garbage.add(line.toString());
            }
            List<Slide> parsed = assertDoesNotThrow(() -> SlideDeckParser.parse("g.txt", garbage));
            assertDoesNotThrow(() -> SlideDeckParser.passages(parsed));
            assertDoesNotThrow(() -> CaseMerger.merge(List.of(), parsed));
        }
    }
}
