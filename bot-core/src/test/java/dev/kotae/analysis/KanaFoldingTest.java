package dev.kotae.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KanaFoldingTest {
    @Test
    void hiraganaKatakanaAndCaseMeet() {
        assertEquals(KanaFolding.fold("ゼロトラスト"), KanaFolding.fold("ぜろとらすと"));
        assertEquals(KanaFolding.fold("WAF"), KanaFolding.fold("ｗａｆ"));
    }

    @Test
    void smallKanaAndLongVowelsMeet() {
        assertEquals(KanaFolding.fold("マルウェア"), KanaFolding.fold("マルウエア"));
        assertEquals(KanaFolding.fold("サーバー"), KanaFolding.fold("サーバ"));
        assertEquals(KanaFolding.fold("シーサート"), KanaFolding.fold("シサート"));
        // イ after an e-sound written for the long vowel, in katakana and in a reading typed in hiragana
        assertEquals(KanaFolding.fold("デジタルオプティマイゼーション"), KanaFolding.fold("デジタルオプティマイゼイション"));
        assertEquals(KanaFolding.fold("メール"), KanaFolding.fold("メイル"));
        assertEquals(KanaFolding.fold("ゼイジャクセイ"), KanaFolding.fold("ぜいじゃくせい"));
        assertEquals(KanaFolding.fold("アイ・オー・ティー"), KanaFolding.fold("アイオーティー"));
    }

    @Test
    void okuriganaBetweenKanjiIsIgnored() {
        assertEquals(KanaFolding.fold("取り組み"), KanaFolding.fold("取組み"));
        assertNotEquals(KanaFolding.fold("取組"), KanaFolding.fold("取組み"));
    }

    @Test
    void widthAndSpacesAreNormalised() {
        assertEquals(KanaFolding.fold("Society 5.0"), KanaFolding.fold("Ｓｏｃｉｅｔｙ５．０"));
        assertEquals("ワフ", KanaFolding.fold("ﾜﾌ"));
    }

    @Test
    void normalizerStripsControlAndBidiCharacters() {
        assertEquals("WAFとは?", TextNormalizer.normalize("\u202eＷＡＦ\u0000とは\u200b？"));
        assertEquals("a b", TextNormalizer.normalize("  a \t\n b  "));
        assertEquals("サーバー", TextNormalizer.normalize("サーバ－"));
    }

    @Test
    void romajiReadsAsKatakanaButEnglishDoesNot() {
        assertEquals("ゼロトラスト", Romaji.toKatakana("zerotorasuto"));
        assertEquals("シーサート", Romaji.toKatakana("shi-sa-to"));
        assertEquals("マルウエア", Romaji.toKatakana("maruuea"));
        assertEquals("コンピュタ", Romaji.toKatakana("konpyuta"));
        assertNull(Romaji.toKatakana("firewall"));
        assertNull(Romaji.toKatakana("qwertyuiop"));
    }
}
