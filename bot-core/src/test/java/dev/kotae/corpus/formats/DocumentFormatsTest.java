package dev.kotae.corpus.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.Citation;
import dev.kotae.answer.Knowledge;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.Document;
import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.formats.Fixtures.Body;
import dev.kotae.corpus.formats.Fixtures.Heading;
import dev.kotae.corpus.formats.Fixtures.Item;
import dev.kotae.corpus.formats.Fixtures.PageBreak;
import dev.kotae.corpus.formats.Fixtures.PdfLine;
import dev.kotae.corpus.formats.Fixtures.SlideText;
import dev.kotae.corpus.formats.Fixtures.Table;
import dev.kotae.testing.CorpusCopies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format an admin drops into {@code documents/}, beside the shipped seminar corpus: each
 * fixture is written by the test with the library that reads it, and each is asked a question whose
 * answer only that file holds, checking the fact, the cited file and its page or slide.
 */
class DocumentFormatsTest {
    @TempDir
    static Path tmp;
    static Corpus corpus;
    static Knowledge knowledge;

    @BeforeAll
    static void corpusWithEveryFormat() throws Exception {
        Path root = CorpusCopies.of(tmp.resolve("corpus"));
        Path docs = root.resolve("documents");
        Fixtures.pdf(docs.resolve("社用車マニュアル.pdf"), List.of(
                List.of(PdfLine.of("社用車マニュアル"), PdfLine.of(""), PdfLine.of("1. 概要"),
                        PdfLine.of("このマニュアルは社用車の使い方を説明します。")),
                List.of(PdfLine.of("2. 予約"),
                        PdfLine.of("社用車「コマドリ号」の予約は、利用日の3営業日前まで"),
                        PdfLine.of("に総務部の予約台帳へ記入してください。鍵は守衛室"),
                        PdfLine.of("で受け取ります。"),
                        PdfLine.of(""),
                        new PdfLine("給油カード", true),
                        PdfLine.of("は助手席のグローブボックスにあります。")),
                List.of(PdfLine.of("3. 返却"), PdfLine.of("返却時はETC カードを抜いて、走行距離を記録簿に書きます。"))),
                List.of());
        Fixtures.docx(docs.resolve("経費精算規程.docx"), "経費精算規程", List.of(
                new Heading(1, "第1章 総則"),
                new Body("この規程は経費精算の方法を定める。"),
                new Heading(1, "第2章 申請"),
                new Heading(2, "第5条（申請期限）"),
                new Body("経費精算システム「ハヤテ」での申請は、出張から戻って10営業日以内に行う。"),
                new Heading(2, "第6条（申請の手順）"),
                new Item("ハヤテにログインする"),
                new Item("領収書を撮影して添付する"),
                new Item("上長に承認を依頼する"),
                new PageBreak(),
                new Heading(1, "第3章 上限額"),
                new Table(List.of(List.of("区分", "上限額"), List.of("宿泊費", "1泊12,000円"), List.of("日当", "1日2,500円")))));
        Fixtures.pptx(docs.resolve("新人研修.pptx"), List.of(
                new SlideText("新人研修のご案内", "人事部", null),
                new SlideText("研修の会場と日程", "研修センター「ミヤマ」で4月7日から3日間行います。", "初日は9時までに受付を済ませるよう伝える。"),
                new SlideText("持ち物", "筆記用具と社員証", null)));
        Fixtures.xlsx(docs.resolve("内線番号表.xlsx"), "内線番号", List.of(
                List.of("部署", "担当", "内線"),
                List.of("総務部", "田中", 4510),
                List.of("経理部", "佐藤", 4521)));
        Files.writeString(docs.resolve("ポータル.html"), """
                <!DOCTYPE html><html><head><title>社内ポータル</title><style>.x{color:red}</style>
                <script>var ナビ用スクリプト = 1;</script></head>
                <body><nav><a href="/">ホーム</a> 回覧板ナビゲーション</nav>
                <main><h1>社内ポータル</h1>
                <h2>食堂</h2><p>社員食堂「ヒバリ」は11時30分から
                14時まで営業しています。</p>
                <h2>駐輪場</h2><ul><li>自転車は北門の駐輪場に置く</li><li>バイクは登録制</li></ul>
                </main><footer>著作権表示フッター</footer></body></html>
                """);
        Files.writeString(docs.resolve("入館証.md"), """
                Setext の見出し
                ===============

                ## 入館証の再発行

                入館証をなくしたときは、次の手順で再発行します。

                1. 総務部の窓口に連絡する
                2. 再発行申請書に記入する
                3. 翌営業日に新しい入館証を受け取る
                """);
        Files.writeString(docs.resolve("図書室.txt"), """
                社内図書室のご案内

                社内図書室は本館3階にあり、
                本の貸出期間は2週間です。
                """);
        corpus = CorpusLoader.load(root);
        knowledge = Knowledge.build(corpus);
    }

    @AfterAll
    static void close() throws Exception {
        knowledge.close();
    }

    private static Citation first(Answer answer) {
        assertNotEquals(AnswerKind.NONE, answer.kind(), answer.toString());
        assertFalse(answer.citations().isEmpty(), answer.toString());
        return answer.citations().get(0);
    }

    @Test
    void pdfPassagesAreCitedByFileAndPageWithBrokenLinesJoined() {
        Answer answer = knowledge.answer("コマドリ号の予約はいつまでに必要？");
        Citation c = first(answer);
        assertEquals("社用車マニュアル.pdf", c.doc(), answer.toString());
        assertEquals("p. 2", c.page(), answer.toString());
        assertTrue(answer.text().contains("利用日の3営業日前までに総務部の予約台帳へ記入してください。"), answer.text());
        assertTrue(c.title().contains("2. 予約"), c.title());
    }

    @Test
    void pdfLetterSpacedWordsStillMatch() {
        assertTrue(corpus.passages().stream().anyMatch(p -> p.text().contains("給油カードは助手席")),
                corpus.passages().stream().filter(p -> p.doc().endsWith(".pdf")).toList().toString());
        Answer answer = knowledge.answer("給油カードについて教えて");
        Citation c = first(answer);
        assertEquals("社用車マニュアル.pdf", c.doc());
        assertEquals("p. 2", c.page());
        assertTrue(answer.text().contains("グローブボックス"), answer.text());
        // The space extraction puts between Latin letters and kana does not stay either.
        assertTrue(corpus.passages().stream().anyMatch(p -> p.text().contains("返却時はETCカードを抜いて")));
    }

    @Test
    void theFullTextOfAHeadingWithoutANumberIsItsPassages() {
        var service = new dev.kotae.answer.KotaeService(knowledge, dev.kotae.answer.AnswerSettings.defaults());
        Citation c = first(knowledge.answer("コマドリ号の予約はいつまでに必要？"));
        String full = service.fullText(c).orElseThrow();
        assertTrue(full.startsWith("社用車「コマドリ号」の予約は") && full.contains("給油カードは助手席"), full);
        assertFalse(full.contains("返却時"), full);
    }

    @Test
    void wordHeadingsMakeSectionsTitledByTheirPath() {
        Answer answer = knowledge.answer("ハヤテでの申請期限は？");
        Citation c = first(answer);
        assertEquals("経費精算規程.docx", c.doc(), answer.toString());
        assertEquals("第2章 申請 › 第5条（申請期限）", c.title());
        assertTrue(answer.text().contains("10営業日以内"), answer.text());
        assertTrue(corpus.passages().stream().anyMatch(p -> p.doc().equals("経費精算規程.docx")
                && p.text().equals("1. ハヤテにログインする 2. 領収書を撮影して添付する 3. 上長に承認を依頼する")),
                corpus.passages().stream().filter(p -> p.doc().equals("経費精算規程.docx")).toList().toString());
    }

    @Test
    void wordTableRowsKeepTheirHeadersAndPageBreaksGivePages() {
        Answer answer = knowledge.answer("宿泊費の上限額はいくら？");
        Citation c = first(answer);
        assertEquals("経費精算規程.docx", c.doc(), answer.toString());
        assertTrue(answer.text().contains("区分：宿泊費 上限額：1泊12,000円"), answer.text());
        assertEquals("p. 2", c.page());
    }

    @Test
    void powerPointSlidesAreOnePassageEachWithTheirNotes() {
        Answer answer = knowledge.answer("新人研修の会場はどこ？");
        Citation c = first(answer);
        assertEquals("新人研修.pptx", c.doc(), answer.toString());
        assertEquals("slides", c.source());
        assertEquals("スライド 2", c.page());
        assertEquals("研修の会場と日程", c.title());
        assertTrue(answer.text().contains("研修センター「ミヤマ」"), answer.text());
        assertTrue(corpus.passages().stream().anyMatch(p -> p.doc().equals("新人研修.pptx") && p.page().equals("スライド 2")
                && p.text().contains("初日は9時までに受付")), "speaker notes are part of the slide");
    }

    @Test
    void excelRowsAreWrittenWithTheirHeaderCells() {
        Answer answer = knowledge.answer("経理部の内線番号は？");
        Citation c = first(answer);
        assertEquals("内線番号表.xlsx", c.doc(), answer.toString());
        assertTrue(answer.text().contains("部署：経理部 担当：佐藤 内線：4521"), answer.text());
        assertEquals("3行目", c.page());
        assertEquals("内線番号", c.title());
    }

    @Test
    void htmlMainContentOnly() {
        Answer answer = knowledge.answer("ヒバリの営業時間は？");
        Citation c = first(answer);
        assertEquals("ポータル.html", c.doc(), answer.toString());
        assertTrue(answer.text().contains("11時30分から14時まで営業"), answer.text());
        assertEquals("社内ポータル › 食堂", c.title());
        List<String> html = corpus.passages().stream().filter(p -> p.doc().equals("ポータル.html")).map(p -> p.text()).toList();
        assertTrue(html.stream().noneMatch(t -> t.contains("ナビゲーション") || t.contains("フッター") || t.contains("ナビ用")), html.toString());
        assertTrue(html.contains("・自転車は北門の駐輪場に置く ・バイクは登録制"), html.toString());
    }

    @Test
    void markdownNumberedStepsStayNumbered() {
        Answer answer = knowledge.answer("入館証の再発行の手順は？");
        Citation c = first(answer);
        assertEquals("入館証.md", c.doc(), answer.toString());
        assertTrue(answer.text().contains("1. 総務部の窓口に連絡する 2. 再発行申請書に記入する 3. 翌営業日に新しい入館証を受け取る"),
                answer.text());
        assertTrue(corpus.sections().stream().anyMatch(s -> s.doc().equals("入館証.md") && s.title().equals("Setext の見出し")));
    }

    @Test
    void plainTextIsParagraphsTitledByTheFile() {
        Answer answer = knowledge.answer("図書室の本の貸出期間は？");
        Citation c = first(answer);
        assertEquals("図書室.txt", c.doc(), answer.toString());
        assertEquals("図書室.txt", c.title());
        assertTrue(answer.text().contains("社内図書室は本館3階にあり、本の貸出期間は2週間です。"), answer.text());
    }

    @Test
    void everyDocumentIsListedWithItsTypeAndCounts() {
        List<String> kinds = corpus.documents().stream().map(d -> d.name() + " " + d.kind() + " " + d.pages()).toList();
        assertTrue(kinds.contains("社用車マニュアル.pdf PDF 3"), kinds.toString());
        assertTrue(kinds.contains("新人研修.pptx POWERPOINT 3"), kinds.toString());
        assertTrue(kinds.contains("内線番号表.xlsx EXCEL 1"), kinds.toString());
        assertTrue(kinds.contains("経費精算規程.docx WORD 2"), kinds.toString());
        assertEquals(DocumentKind.SEMINAR_TEXT, kind("seminar-text-ch4.txt"));
        assertEquals(DocumentKind.SLIDES, kind("seminar-slides-02.txt"));
        assertEquals(DocumentKind.PLAIN_TEXT, kind("図書室.txt"));
        assertEquals(DocumentKind.MARKDOWN, kind("入館証.md"));
        assertEquals(DocumentKind.HTML, kind("ポータル.html"));
        assertTrue(corpus.skipped().isEmpty());
    }

    private static DocumentKind kind(String name) {
        return corpus.documents().stream().filter(d -> d.name().equals(name)).map(Document::kind).findFirst().orElseThrow();
    }
}
