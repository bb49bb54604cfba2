package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.ReindexReport;
import dev.kotae.corpus.formats.Fixtures;
import dev.kotae.corpus.formats.Fixtures.Body;
import dev.kotae.corpus.formats.Fixtures.Heading;
import dev.kotae.corpus.formats.Fixtures.SlideText;
import dev.kotae.testing.CorpusCopies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin's round trip with the company's own files: drop them in, reindex, ask, cite an FAQ rule to
 * them; drop in a truncated PDF and the reindex is refused by its name while the generation that
 * serves answers exactly as before; the generation keeps the original files.
 */
class DocumentFormatsReindexTest {
    @TempDir
    Path tmp;

    private static final String RULE = """
            - id: expense-deadline
              questions:
                - 出張の経費はいつまでに精算する？
              answer: 出張から戻って10営業日以内に、経費精算システム「ハヤテ」で申請します。
              cite: ["doc:経費精算規程.docx#第5条（申請期限）", "doc:新人研修.pptx#スライド 2"]
            """;

    @Test
    void companyFilesAreIndexedCitedAndABadOneIsRefusedByName() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Path docs = corpus.resolve("documents");
        GenerationStore store = new GenerationStore(tmp.resolve("index"));
        assertEquals(ReindexReport.Status.DONE, store.reindex(corpus).report().status());

        Fixtures.docx(docs.resolve("経費精算規程.docx"), "経費精算規程", List.of(
                new Heading(1, "第2章 申請"), new Heading(2, "第5条（申請期限）"),
                new Body("経費精算システム「ハヤテ」での申請は、出張から戻って10営業日以内に行う。")));
        Fixtures.pptx(docs.resolve("新人研修.pptx"), List.of(new SlideText("新人研修", "人事部", null),
                new SlideText("研修の会場と日程", "研修センター「ミヤマ」で4月7日から3日間行います。", null)));
        Fixtures.pdfLines(docs.resolve("社用車マニュアル.pdf"), List.of(List.of("社用車マニュアル"),
                List.of("社用車「コマドリ号」の予約は、利用日の3営業日前まで", "に総務部の予約台帳へ記入してください。")));
        Files.write(docs.resolve("photo.png"), Fixtures.png());
        Files.writeString(corpus.resolve("faq/company.yaml"), RULE);
        GenerationStore.Outcome added = store.reindex(corpus);
        ReindexReport report = added.report();
        assertEquals(ReindexReport.Status.DONE, report.status(), report.summary());
        String summary = report.summary();
        assertTrue(summary.contains("経費精算規程.docx（Word）: セクション 2、パッセージ 1"), summary);
        assertTrue(summary.contains("新人研修.pptx（PowerPoint、2 スライド）"), summary);
        assertTrue(summary.contains("社用車マニュアル.pdf（PDF、2 ページ）"), summary);
        assertTrue(summary.contains("読み飛ばしたファイル（読まない形式）：\n  photo.png（image/png）"), summary);
        assertTrue(String.join("\n", report.changes()).contains("文書 +3（新人研修.pptx、社用車マニュアル.pdf、経費精算規程.docx）"),
                report.changes().toString());

        Answer faq = added.loaded().knowledge().answer("出張の経費はいつまでに精算する？");
        assertEquals(AnswerKind.FAQ, faq.kind());
        assertEquals("経費精算規程.docx", faq.citations().get(0).doc());
        assertEquals("第2章 申請 › 第5条（申請期限）", faq.citations().get(0).title());
        assertEquals("スライド 2", faq.citations().get(1).page());
        Answer pdf = added.loaded().knowledge().answer("コマドリ号の予約はいつまで？");
        assertEquals("社用車マニュアル.pdf", pdf.citations().get(0).doc(), pdf.toString());
        assertEquals("p. 2", pdf.citations().get(0).page());
        assertTrue(pdf.text().contains("3営業日前までに総務部"), pdf.text());

        // The generation keeps the originals: it is reopened (and rebuilt after an upgrade) from them.
        Path snapshot = tmp.resolve("index/gen-000002/corpus/documents");
        for (String name : List.of("経費精算規程.docx", "新人研修.pptx", "社用車マニュアル.pdf")) {
            assertEquals(-1, Files.mismatch(docs.resolve(name), snapshot.resolve(name)), name);
        }

        byte[] whole = Files.readAllBytes(docs.resolve("社用車マニュアル.pdf"));
        Files.write(docs.resolve("truncated.pdf"), Arrays.copyOf(whole, whole.length / 2));
        ReindexReport refused = store.reindex(corpus).report();
        assertEquals(ReindexReport.Status.REFUSED, refused.status());
        assertTrue(refused.problems().stream().anyMatch(p -> p.toString().startsWith("documents/truncated.pdf: PDF が途中で切れています")),
                refused.summary());
        assertEquals("gen-000002", store.current().orElseThrow());
        var serving = store.openServing().orElseThrow();
        assertEquals("gen-000002", serving.name());
        assertEquals(pdf.text(), serving.knowledge().answer("コマドリ号の予約はいつまで？").text());
        assertEquals(faq.citations(), serving.knowledge().answer("出張の経費はいつまでに精算する？").citations());
        serving.knowledge().close();
    }

    @Test
    void anFaqRuleCitingAnUnknownHeadingIsRefused() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Fixtures.docx(corpus.resolve("documents/経費精算規程.docx"), "経費精算規程", List.of(
                new Heading(1, "第5条（申請期限）"), new Body("申請は10営業日以内に行う。")));
        Files.writeString(corpus.resolve("faq/company.yaml"), RULE.replace("第5条（申請期限）", "第9条（存在しない）"));
        ReindexReport refused = new GenerationStore(tmp.resolve("index")).reindex(corpus).report();
        assertEquals(ReindexReport.Status.REFUSED, refused.status());
        assertTrue(refused.summary().contains("doc:経費精算規程.docx#第9条（存在しない）"), refused.summary());
    }
}
