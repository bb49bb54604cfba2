package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GlossaryParserTest {
    static final String DOC = "seminar-text-ch4.txt";
    static List<String> lines;
    static List<GlossaryEntry> glossary;

    @BeforeAll
    static void parseRealGlossary() throws IOException {
        lines = Files.readAllLines(Path.of("../corpus/documents", DOC), StandardCharsets.UTF_8);
        int from = -1;
        for (int i = 0; i < lines.size() && from < 0; i++) {
            if (lines.get(i).strip().equals("用語集")) {
                from = i;
            }
        }
        glossary = GlossaryParser.parse(DOC, lines, from);
    }

    private static GlossaryEntry entry(String headword) {
        return glossary.stream().filter(g -> g.headword().equals(headword)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + headword));
    }

    @Test
    void everyEntryIsFound() {
        assertEquals(82, glossary.size());
        long marks = lines.stream().filter(l -> l.strip().startsWith("■")).count();
        assertEquals(marks, glossary.size());
        for (GlossaryEntry g : glossary) {
            assertEquals(DOC, g.doc());
            assertTrue(lines.get(g.line() - 1).contains("■" + g.term().substring(0, 1)), g.toString());
            assertTrue(!g.definition().isBlank(), g.toString());
            assertTrue(!g.references().isEmpty(), g.toString());
            assertTrue(!g.definition().contains("図❷") && !g.definition().contains("用語集"), g.toString());
            assertTrue(g.term().equals(g.term().strip()), g.toString());
            for (String r : g.references()) {
                assertTrue(r.matches("[0-9]-[0-9]-[0-9]|第一回コラム"), g + " ref " + r);
            }
        }
    }

    @Test
    void waf() {
        GlossaryEntry g = entry("WAF");
        assertEquals("WAF（ワフ）", g.term());
        assertEquals("ワフ", g.reading());
        assertEquals("Web Application Firewallの略。従来のファイアウォールが、IPアドレスとポート番号で通信を制御していたことに対して、"
                + "Webアプリケーションの脆弱性を狙うサイバー攻撃を防ぐことを目的として、アプリケーションレベルで通信を制御"
                + "（分析・検知・遮断）するファイアウォールのこと", g.definition());
        assertTrue(g.definition().startsWith("Web Application Firewallの略。"));
        assertEquals(List.of("2-2-2"), g.references());
        assertEquals(1237, g.line());
    }

    @Test
    void csirtAndIot() {
        GlossaryEntry csirt = entry("CSIRT");
        assertEquals("シーサート", csirt.reading());
        assertEquals(List.of("2-1-3"), csirt.references());
        assertTrue(csirt.definition().startsWith("Computer Security Incident Response Teamの略。"));

        GlossaryEntry iot = entry("IoT");
        assertEquals("IoT（アイ・オー・ティー）", iot.term());
        assertEquals("アイ・オー・ティー", iot.reading());
        assertEquals(List.of("1-1-1", "2-1-2", "2-2-2", "4-1-1", "4-2-5"), iot.references());
        assertTrue(iot.definition().startsWith("Internet of Thingsの略。日本語では「モノのインターネット」。"));
    }

    @Test
    void multiFactorAuthentication() {
        GlossaryEntry g = entry("多要素認証");
        assertEquals("多要素認証", g.term());
        assertNull(g.reading());
        assertEquals("多要素認証は、サービス利用時において利用者の認証を行うために、3つの要素（①利用者だけが知っている情報②利用者の所有物"
                + "③利用者の生体情報）のうち、少なくとも2つ以上の要素を組み合わせて認証する安全性が高い認証方法。"
                + "例えば、利用者が知っている情報としてはパスワード、利用者の所有物としては、スマートフォンの電話番号を用いた"
                + "メッセージ認証、利用者の生体情報としては指紋認証や顔認識などがある。また、近年ではFIDO2と呼ばれる、"
                + "デバイスを使用したパスキーによる認証により、パスワードレスでの認証が広まっている", g.definition());
        assertEquals(List.of("2-2-5", "2-3-3"), g.references());
    }

    @Test
    void wrappedHeadwords() {
        assertEquals(List.of("第一回コラム"), entry("情報セキュリティの3要素「CIA」").references());
        GlossaryEntry nist = entry("NIST サイバーセキュリティフレームワーク（CSF）");
        assertEquals(nist.headword(), nist.term());
        assertNull(nist.reading());
        assertEquals(List.of("3-3-1"), nist.references());
        assertTrue(nist.definition().startsWith("米国政府機関の重要インフラ"));

        GlossaryEntry ddos = entry("DDoS攻撃");
        assertEquals("DDoS攻撃（ディードスこうげき）", ddos.term());
        assertEquals("ディードスコウゲキ", ddos.reading()); // hiragana readings are given in katakana
        assertEquals(List.of("2-2-2", "2-2-5", "第一回コラム"), ddos.references());
        assertTrue(ddos.definition().startsWith("Distributed Denial of Service Attackの略。"));

        assertEquals(List.of("2-1-2"), entry("サイバーセキュリティお助け隊サービス制度").references());
        assertTrue(entry("サイバーセキュリティお助け隊サービス制度").definition().startsWith("中小企業のサイバーセキュリティ対策"));
        assertEquals(List.of("2-1-2"), entry("ICSCoE中核人材育成プログラム").references());
        assertEquals(List.of("3-3-1"), entry("サイバー・フィジカル・セキュリティ対策フレームワーク（CPSF）").references());
        assertEquals(List.of("2-1-3"), entry("アンダーグラウンドサービス").references());
        // An alias in brackets is not a reading.
        GlossaryEntry virus = entry("ウイルス定義ファイル（パターンファイル）");
        assertNull(virus.reading());
        assertTrue(virus.definition().startsWith("セキュリティソフトがマルウェアを検出する"));
        // Full-width headwords that do not wrap stay alone.
        assertTrue(entry("インターネットバンキング").definition().startsWith("インターネットを利用した銀行"));
        assertTrue(entry("セキュリティインシデント").definition().startsWith("セキュリティの事故・出来事のこと。"));
        assertTrue(entry("リモートデスクトップ接続").definition().startsWith("パソコン、タブレット"));
    }

    @Test
    void trailingSpacesAndFurniture() {
        assertEquals("Society 5.0", entry("Society 5.0").term());
        assertEquals("機密性", entry("機密性").term());
        assertEquals(List.of("第一回コラム"), entry("機密性").references());
        assertEquals(List.of("2-2-2", "3-4-2"), entry("IPS").references()); // followed by 図❷ 図❸ 用語集
        assertTrue(entry("IPアドレス").definition().startsWith("コンピュータをネットワークで接続するために"));
        assertEquals("LAN は Local Area Network の略。物理的なケーブルを使わず、電波を利用してネットワークに接続する仕組み。"
                + "この無線LANを通じて、コンピュータはインターネットにアクセスすることができる", entry("無線LAN").definition());
        assertEquals(List.of("2-1-3", "2-2-2", "2-2-5", "2-3-1", "2-3-2", "2-3-3"), entry("VPN").references());
        assertEquals(List.of("2-2-5"), entry("ソリューション").references());
    }

    @Test
    void syntheticAndMalformed() {
        List<String> g = List.of("用語集", "", "■テスト（てすと）", "説明の一行目で", "二行目です。", "…………  1-1-1、", "1-", "1-2", "",
                "■ABC", "Alpha Beta ", "Charlieの略");
        List<GlossaryEntry> got = GlossaryParser.parse("x.txt", g, 0);
        assertEquals(2, got.size());
        assertEquals("テスト", got.get(0).headword());
        assertEquals("テスト", got.get(0).reading());
        assertEquals("説明の一行目で二行目です。", got.get(0).definition());
        assertEquals(List.of("1-1-1", "1-1-2"), got.get(0).references());
        assertEquals("Alpha Beta Charlieの略", got.get(1).definition());
        assertEquals(List.of(), got.get(1).references());

        assertEquals(List.of(), GlossaryParser.parse("x", List.of(), 0));
        assertEquals(List.of(), GlossaryParser.parse("x", null, 0));
        assertEquals(List.of(), GlossaryParser.parse("x", List.of("■"), 5));
        assertDoesNotThrow(() -> GlossaryParser.parse("x", List.of("■", "■（", "…", "■）"), 0));
    }
}
