package dev.kotae.corpus.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.CorpusLimits;
import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.EmbeddedCorpus;
import dev.kotae.corpus.ParsedText;
import dev.kotae.corpus.Passage;
import dev.kotae.corpus.Section;
import dev.kotae.corpus.SeminarTextParser;
import dev.kotae.corpus.formats.Fixtures.Bookmark;
import dev.kotae.corpus.formats.Fixtures.PdfLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a PDF's pages become headings, paragraphs and lists. */
class PdfReaderTest {
    @TempDir
    Path tmp;

    private ReadDocument read(Path file) throws Exception {
        var outcome = DocumentReaders.read(Files.readAllBytes(file), file.getFileName().toString(), CorpusLimits.defaults());
        return assertInstanceOf(DocumentReaders.Read.class, outcome, outcome.toString()).document();
    }

    private static List<String> passages(ParsedText t) {
        return t.passages().stream().map(p -> p.page() + "|" + p.title() + "|" + p.text()).toList();
    }

    @Test
    void numberedRegulationsBecomeSectionsArticlesKeepTheirCaptionsAndStepsAreLists() throws Exception {
        Path file = tmp.resolve("規程.pdf");
        Fixtures.pdfLines(file, List.of(
                List.of("情報セキュリティ規程", "", "第1章 総則", "（目的）", "第1条 この規程は、情報資産を守るために定める。",
                        "第2条（定義）この規程で情報資産とは、業務で扱う情報をいう。"),
                List.of("- 2 -"),
                List.of("第2章 パスワード", "第3条（設定）パスワードは次の手順で設定する。", "（1）12文字以上にする", "（2）英字と数字を混ぜ",
                        "て作る", "（3）90日ごとに変更する", "", "1. 申請", "申請は総務部で受け付ける。")));
        ReadDocument d = read(file);
        assertEquals(DocumentKind.PDF, d.kind());
        assertEquals(3, d.pages());
        List<String> sections = d.text().sections().stream().map(s -> s.page() + "|" + s.id() + "|" + s.title()).toList();
        assertEquals(List.of("p. 1|null|第1章 総則", "p. 1|null|第1章 総則 › 第1条（目的）", "p. 1|null|第1章 総則 › 第2条（定義）",
                "p. 3|null|第2章 パスワード", "p. 3|null|第2章 パスワード › 第3条（設定）", "p. 3|null|1. 申請"), sections);
        assertEquals(List.of(
                "p. 1|情報セキュリティ規程|情報セキュリティ規程",
                "p. 1|第1章 総則 › 第1条（目的）|この規程は、情報資産を守るために定める。",
                "p. 1|第1章 総則 › 第2条（定義）|この規程で情報資産とは、業務で扱う情報をいう。",
                "p. 3|第2章 パスワード › 第3条（設定）|パスワードは次の手順で設定する。",
                "p. 3|第2章 パスワード › 第3条（設定）|（1）12文字以上にする （2）英字と数字を混ぜて作る （3）90日ごとに変更する",
                "p. 3|1. 申請|申請は総務部で受け付ける。"), passages(d.text()));
    }

    @Test
    void theOutlineGivesTheHeadingsWhenThereIsOne() throws Exception {
        Path file = tmp.resolve("guide.pdf");
        Fixtures.pdf(file, List.of(
                List.of(PdfLine.of("はじめに"), PdfLine.of("このガイドは新しい勤怠システムの使い方をまとめたものです。")),
                List.of(PdfLine.of("打刻のしかた"), PdfLine.of("1. 出勤したら最初に打刻します。"))),
                List.of(new Bookmark("はじめに", 0), new Bookmark("打刻のしかた", 1)));
        ReadDocument d = read(file);
        assertEquals(List.of("p. 1|はじめに", "p. 2|打刻のしかた"),
                d.text().sections().stream().map(s -> s.page() + "|" + s.title()).toList());
        assertEquals(List.of("p. 1|はじめに|このガイドは新しい勤怠システムの使い方をまとめたものです。",
                "p. 2|打刻のしかた|1. 出勤したら最初に打刻します。"), passages(d.text()));
    }

    @Test
    void aSentenceRunsOnOverAPageBreakAndRunningHeadersAndPageNumbersAreDropped() throws Exception {
        Path file = tmp.resolve("manual.pdf");
        String header = "社外秘 経理マニュアル";
        Fixtures.pdfLines(file, List.of(
                List.of(header, "月次決算は毎月第3営業日までに締め、試算表を作成したうえで経理部長の承認を", "1"),
                List.of(header, "受けてから役員会に報告する。報告資料の様式は共有フォルダにある。", "2"),
                List.of(header, "年次決算の日程は別に定める。", "3")));
        ReadDocument d = read(file);
        assertEquals(List.of(
                "p. 1|社外秘 経理マニュアル|月次決算は毎月第3営業日までに締め、試算表を作成したうえで経理部長の承認を受けてから役員会に報告する。報告資料の様式は共有フォルダにある。",
                "p. 3|社外秘 経理マニュアル|年次決算の日程は別に定める。"), passages(d.text()));
    }

    /** The printed seminar chapter, as a PDF of its pages, gives the same sections as its text form. */
    @Test
    void theSeminarChapterAsPdfGivesTheSameSectionsAsTheText() throws Exception {
        List<String> text = Files.readAllLines(EmbeddedCorpus.root().resolve("documents/seminar-text-ch4.txt"));
        List<List<String>> pages = new ArrayList<>();
        for (String line : text) {
            // The text form starts each printed page with a line indented by one space.
            if (pages.isEmpty() || line.startsWith(" ") && !line.startsWith("  ")) {
                pages.add(new ArrayList<>());
            }
            pages.get(pages.size() - 1).add(line.strip());
        }
        Path file = tmp.resolve("seminar-text-ch4.pdf");
        Fixtures.pdfLines(file, pages);
        ReadDocument d = read(file);
        assertEquals(DocumentKind.SEMINAR_TEXT, d.kind());
        ParsedText fromText = SeminarTextParser.parse("seminar-text-ch4.pdf", text);
        assertEquals(sections(fromText), sections(d.text()));
        assertEquals(fromText.glossary().stream().map(g -> g.headword()).toList(), d.text().glossary().stream().map(g -> g.headword()).toList());
        assertTrue(d.text().passages().stream().map(Passage::page).distinct().count() > 10);
    }

    private static List<String> sections(ParsedText t) {
        return t.sections().stream().map(s -> s.id() + "|" + s.title() + "|" + s.chapter() + "|" + s.page()).toList();
    }
}
