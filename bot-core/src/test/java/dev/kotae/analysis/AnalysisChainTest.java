package dev.kotae.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.GlossaryEntry;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.junit.jupiter.api.Test;

class AnalysisChainTest {
    private static GlossaryEntry entry(String term, String headword, String reading, String definition) {
        return new GlossaryEntry(term, headword, reading, definition, List.of("2-2-2"), "text.txt", 1);
    }

    @Test
    void userDictionaryKeepsGlossaryTermsWhole() {
        var dictionary = UserDictionaries.build(List.of("ゼロトラスト", "多要素認証", "サプライチェーン攻撃", "2025年の崖"));
        var analyzer = new JapaneseTextAnalyzer(dictionary, JapaneseTokenizer.Mode.SEARCH);
        assertTrue(Tokens.of(analyzer, "body", "多要素認証を導入する").contains("多要素認証"));
        assertTrue(Tokens.of(analyzer, "body", "サプライチェーン攻撃の被害").contains("サプライチェーン攻撃"));
        assertTrue(Tokens.of(analyzer, "body", "2025年の崖とは").contains("2025年の崖"));
        var plain = new JapaneseTextAnalyzer(null, JapaneseTokenizer.Mode.SEARCH);
        assertFalse(Tokens.of(plain, "body", "多要素認証を導入する").contains("多要素認証"));
    }

    @Test
    void userDictionaryToleratesDuplicatesAndUnusableTerms() {
        String csv = UserDictionaries.csv(List.of("ゼロトラスト", "ゼロトラスト", "ｾﾞﾛﾄﾗｽﾄ", "WAF", "Society 5.0", "a,b", "x"));
        assertEquals(1, csv.lines().count(), csv);
        assertTrue(csv.startsWith("ゼロトラスト,ゼロトラスト,"));
    }

    @Test
    void analyzerDropsParticlesAndQuestionWordsAndLowerCases() {
        var analyzer = new JapaneseTextAnalyzer(null);
        assertEquals(List.of("waf"), Tokens.of(analyzer, "body", "WAFとは何ですか"));
        assertEquals(List.of("vpn"), Tokens.of(analyzer, "body", "what is a vpn"));
        assertTrue(Tokens.of(analyzer, "body", "それは何ですか").isEmpty());
    }

    @Test
    void katakanaStemmingJoinsLongVowelSpellings() {
        var analyzer = new JapaneseTextAnalyzer(null);
        assertEquals(Tokens.of(analyzer, "body", "サーバー"), Tokens.of(analyzer, "body", "サーバ"));
    }

    @Test
    void readingsLetKanjiAndKanaSpellingsMeet() {
        var reading = new ReadingAnalyzer(null);
        assertEquals(Readings.of(reading, "脆弱性"), Readings.of(reading, "ぜいじゃくせい"));
    }

    @Test
    void glossaryBringsItsOwnSynonyms() {
        GlossaryEntry waf = entry("WAF（ワフ）", "WAF", "ワフ", "Web Application Firewallの略。 従来のファイアウォールが…");
        GlossaryEntry bcp = entry("BCP", "BCP", null, "Business Continuity Plan（事業継続計画）の略。企業が…");
        GlossaryEntry bec = entry("ビジネスメール詐欺", "ビジネスメール詐欺", null,
                "攻撃者がビジネス用のメールを装い…攻撃。BEC（ベック）Business Email Compromiseとも略される");
        GlossaryEntry iot = entry("IoT（アイ・オー・ティー）", "IoT", "アイ・オー・ティー",
                "Internet of Thingsの略。日本語では「モノのインターネット」。インターネットに…");
        GlossaryEntry ips = entry("IPS", "IPS", null, "Intrusion Prevention Systemの略。不正侵入防止システムとも呼ばれるセキュリティ確保の仕組み。");
        assertEquals(Set.of("WAF", "ワフ", "Web Application Firewall"), GlossarySynonyms.namesOf(waf));
        assertTrue(GlossarySynonyms.namesOf(bcp).containsAll(Set.of("Business Continuity Plan", "事業継続計画")));
        assertTrue(GlossarySynonyms.namesOf(bec).containsAll(Set.of("BEC", "ベック", "Business Email Compromise")));
        assertTrue(GlossarySynonyms.namesOf(iot).containsAll(Set.of("Internet of Things", "モノのインターネット", "アイ・オー・ティー")));
        assertTrue(GlossarySynonyms.namesOf(ips).contains("不正侵入防止システム"));

        SynonymTable table = new SynonymTable();
        GlossarySynonyms.groups(List.of(waf, bcp)).forEach(table::addGroup);
        table.addGroup(List.of("ファイアウォール", "firewall"));
        assertTrue(table.alternativesOf("ﾜﾌ").contains("WAF"));
        assertTrue(table.alternativesOf("web application firewall").contains("WAF"));
        assertTrue(table.alternativesOf("事業継続計画").contains("BCP"));
    }

    @Test
    void variantResolverRewritesOnlyWordsTheCorpusSpellsDifferently() {
        var resolver = new TextAnalysis.VariantResolver(Set.of("ゼロトラスト", "マルウェア", "セキュリティポリシー", "waf"));
        assertEquals("ゼロトラスト って何", resolver.resolve("ぜろとらすと って何"));
        assertEquals("ゼロトラストって何", resolver.resolve("ぜろとらすとって何"));
        assertEquals("マルウェアとは", resolver.resolve("マルウエアとは"));
        assertEquals("ゼロトラストとは", resolver.resolve("zerotorasutoとは"));
        assertEquals("セキュリティポリシーの例", resolver.resolve("セキュリテイポリシーの例"));
        assertEquals("有給休暇は何日", resolver.resolve("有給休暇は何日"));
        assertEquals("what is a firewall", resolver.resolve("what is a firewall"));
    }
}
