package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.analysis.TextNormalizer;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers from the real embedded corpus, checked against what the documents say. */
class AnswererTest {
    private static KotaeService kotae;
    private static String corpusText;

    @BeforeAll
    static void load() throws Exception {
        var corpus = CorpusLoader.load(EmbeddedCorpus.root());
        kotae = new KotaeService(Knowledge.build(corpus), AnswerSettings.defaults());
        StringBuilder all = new StringBuilder();
        corpus.passages().forEach(p -> all.append(p.text()).append('\n'));
        corpus.glossary().forEach(g -> all.append(g.term()).append(g.definition()).append('\n'));
        corpus.faq().forEach(f -> all.append(f.answer()).append('\n'));
        corpus.cases().forEach(c -> all.append(c.title()).append('\n'));
        corpusText = squash(all.toString());
    }

    private static String squash(String s) {
        return TextNormalizer.normalize(s).replaceAll("\\s+", "");
    }

    @ParameterizedTest
    @CsvSource({
            "WAFとは？, WAF（ワフ）",
            "ＷＡＦって何？, WAF（ワフ）",
            "シーサートとは何ですか, CSIRT（シーサート）",
            "ぜろとらすと って何, ゼロトラスト",
            "zerotorasutoとは, ゼロトラスト",
            "マルウエアとは, マルウェア",
            "ＩＰＳとは, IPS",
            "What is a VPN?, VPN",
            "web application firewallとは, WAF（ワフ）",
            "事業継続計画とは, BCP",
            "ランサムウェアについて教えて, ランサムウェア",
            "機密性の意味, 機密性",
            "ぜいじゃくせいとは, 脆弱性",
            "ふせいあくせすとは, 不正アクセス",
            "MFAとは, 多要素認証",
            "BECって何, ビジネスメール詐欺",
    })
    void definitionsComeFromTheGlossaryWhateverTheSpelling(String question, String term) {
        Answer answer = kotae.answer(question);
        assertEquals(AnswerKind.GLOSSARY, answer.kind(), answer.text());
        assertEquals("glossary", answer.citations().get(0).source());
        assertEquals(term, answer.citations().get(0).term());
        assertTrue(answer.text().startsWith(term + "："), answer.text());
    }

    @Test
    void aDefinitionTheGlossaryLacksComesFromTheTextWithSectionAndPage() {
        Answer answer = kotae.answer("2025年の崖って何？");
        assertTrue(answer.kind() == AnswerKind.PASSAGE || answer.kind() == AnswerKind.FAQ, answer.kind().label());
        Citation first = answer.citations().get(0);
        assertEquals("4-2-2", first.section());
        assertTrue(squash(answer.text()).contains("12兆円"), answer.text());
    }

    @Test
    void caseListNamesEveryCase() {
        Answer answer = kotae.answer("事例の一覧を見せて");
        assertEquals(AnswerKind.CASE_LIST, answer.kind());
        for (String org : List.of("エンジニア商社", "金属製作所", "ユニット型制御基板製造企業", "マッシュルーム", "生命保険会社")) {
            assertTrue(answer.text().contains(org), org + " missing from " + answer.text());
        }
        // Two cases share a page of the text: each source is cited once (issue 13: no duplicated source lines).
        assertEquals(answer.citations().size(), answer.citations().stream().map(Citation::label).distinct().count());
        assertEquals(java.util.Set.of("4-2-3", "4-2-4", "4-2-5", "4-3-2"),
                answer.citations().stream().map(Citation::section).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void caseSummaryIsStructuredAndCited() {
        Answer answer = kotae.answer("攻めのIT投資の事例をまとめて");
        assertEquals(AnswerKind.CASE, answer.kind(), answer.text());
        assertTrue(answer.text().contains("金属製作所"), answer.text());
        assertTrue(answer.text().contains("課題：") && answer.text().contains("取組み："), answer.text());
        assertEquals("4-2-4", answer.citations().get(0).section());

        Answer iot = kotae.answer("IoTを導入した農業の事例");
        assertEquals(AnswerKind.CASE, iot.kind(), iot.text());
        assertTrue(iot.text().contains("マッシュルーム"), iot.text());
        assertEquals("4-2-5", iot.citations().get(0).section());
    }

    @ParameterizedTest
    @ValueSource(strings = {"有給休暇は何日？", "明日の会議室の予約方法は？", "qwertyuiop", "それは何ですか", "*:* AND OR ((((", "title:x^9"})
    void whatTheCorpusDoesNotSayIsAnsweredNoneWithAHandoff(String question) {
        Answer answer = kotae.answer(question);
        assertEquals(AnswerKind.NONE, answer.kind(), answer.text());
        assertTrue(answer.citations().isEmpty());
        assertTrue(answer.text().contains(AnswerSettings.DEFAULT_HANDOFF));
    }

    @Test
    void aMisspelledTermGetsADidYouMean() {
        Answer answer = kotae.answer("ブロックチェインとは");
        assertTrue(answer.suggestions().contains("ブロックチェーン") || answer.kind() == AnswerKind.GLOSSARY, answer.toString());
    }

    @Test
    void helpSaysWhatKotaeCanDo() {
        Answer answer = kotae.answer("ヘルプ");
        assertEquals(AnswerKind.HELP, answer.kind());
        assertFalse(answer.citations().isEmpty());
        assertTrue(answer.text().contains("出典"));
    }

    @Test
    void aHugeQuestionGetsAClearAnswer() {
        Answer answer = kotae.answer("WAF".repeat(1000));
        assertEquals(AnswerKind.NONE, answer.kind());
        assertTrue(answer.text().contains("長すぎ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WAFとは？", "2025年の崖って何？", "IoT機器のリスク対策は？", "経営者がセキュリティ対策を主導すべき理由は",
            "インターネット利用率の推移", "攻めのIT投資の事例をまとめて", "事例の一覧を見せて", "DXに取り組む企業の割合"})
    void everyAnswerCitesAndQuotesTheCorpus(String question) {
        Answer answer = kotae.answer(question);
        assertTrue(answer.kind() != AnswerKind.NONE, question + " → " + answer.text());
        assertFalse(answer.citations().isEmpty());
        for (Citation c : answer.citations()) {
            assertNotNull(c.source());
            assertNotNull(c.doc());
            // A slide row or case step is assembled from its cells ("risk — header：measure"): each piece is quoted.
            for (String piece : c.snippet().replaceAll("…$", "").split("：| — | / ")) {
                assertTrue(corpusText.contains(squash(piece)), "snippet not in corpus: " + c.snippet());
            }
        }
        assertTrue(answer.confidence() > 0 && answer.confidence() <= 1);
    }

    @Test
    void answersAreDeterministic() {
        for (String q : List.of("WAFとは？", "IoT機器のリスク対策は？", "攻めのIT投資の事例をまとめて", "有給休暇は何日？")) {
            Answer a = kotae.answer(q);
            Answer b = kotae.answer(q);
            assertEquals(a.withTook(0), b.withTook(0));
        }
    }

    @Test
    void passageAnswersQuoteTheDocumentsVerbatim() {
        Stream.of("IoT機器のリスク対策は？", "インターネット利用率の推移", "チャットボットの今後の発展は").forEach(q -> {
            Answer answer = kotae.answer(q);
            for (String line : answer.text().split("\n")) {
                for (String piece : line.replaceAll("…$", "").split("：| — | / ")) {
                    assertTrue(corpusText.contains(squash(piece)), q + ": not verbatim from the corpus: " + line);
                }
            }
        });
    }

    /** An acronym is not found inside the run-together letters of another entry's English name. */
    @Test
    void anAcronymDoesNotMatchLettersInsideAnotherName() {
        Answer ipa = kotae.answer("IPAとは");
        assertTrue(ipa.citations().isEmpty() || !"IPアドレス".equals(ipa.citations().get(0).term()),
                "IPA is not in 'IP address': " + ipa.text());
        Answer ddos = kotae.answer("DDoSとは");
        assertEquals(AnswerKind.GLOSSARY, ddos.kind());
        assertTrue(ddos.citations().get(0).term().startsWith("DDoS攻撃"), "a Latin word before kanji still names the entry");
    }

    /** A figure's caption without the figure says nothing a question could want. */
    @Test
    void aCaptionAloneIsNeverTheAnswer() {
        for (String q : List.of("DXとは", "DXの取組状況", "インターネット利用率の推移", "IPAとは")) {
            Answer a = kotae.answer(q);
            if (a.kind() == AnswerKind.PASSAGE) {
                assertFalse(a.citations().get(0).snippet().matches("^[^。]{0,60}[(（]出典[)）].*"), q + ": " + a.text());
            }
        }
    }
}
