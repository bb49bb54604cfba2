package dev.kotae.analysis;

import java.util.Locale;

/**
 * Folds the spelling variations staff type into one key: hiragana and katakana, small and large
 * kana (マルウェア / マルウエア), long-vowel marks (サーバー / サーバ), middle dots and spaces
 * (アイ・オー・ティー), upper and lower case, okurigana between kanji (取り組み / 取組み), and the
 * ヴ row (ヴイ / ブイ, ヴェ / ベ).
 * Keys are for dictionary look-ups only, never shown.
 */
public final class KanaFolding {
    private static final String SMALL = "ァィゥェォッャュョヮヵヶ";
    private static final String LARGE = "アイウエオツヤユヨワカケ";
    private static final String VU_VOWELS = "ァィェォぁぃぇぉ";
    private static final String VU_ROW = "バビベボバビベボ";

    private KanaFolding() {}

    public static boolean isHiragana(int c) {
        return c >= 0x3041 && c <= 0x3096;
    }

    public static boolean isKatakana(int c) {
        return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
    }

    public static boolean isKanji(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c == '々';
    }

    /** ひらがな → カタカナ, leaving everything else as it is. */
    public static String toKatakana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isHiragana(c) ? (char) (c + 0x60) : c);
        }
        return out.toString();
    }

    /** The look-up key of a term: see the class comment. */
    private static final String E_ROW = "エケセテネヘメレゲゼデベペ";

    public static String fold(String text) {
        return fold(text, true);
    }

    /**
     * {@link #fold} keeping okurigana: 「情報漏れの件」 folds to 情報漏レノ件 rather than 情報漏件, so a word
     * ending in its okurigana (漏れ) is still found inside it.
     */
    public static String foldKeepingOkurigana(String text) {
        return fold(text, false);
    }

    private static String fold(String text, boolean dropOkurigana) {
        String normalized = TextNormalizer.normalize(text).toLowerCase(Locale.ROOT);
        boolean[] okurigana = dropOkurigana ? okuriganaMask(normalized) : new boolean[normalized.length()];
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (okurigana[i] || c == 'ー' || c == '・' || c == ' ' || c == '･' || c == '「' || c == '」'
                    || c == '"' || c == '\'') {
                continue;
            }
            if (isHiragana(c)) {
                c = (char) (c + 0x60);
            }
            if (c == 'ヴ') {
                // ヴァ ヴィ ヴェ ヴォ are バ ビ ベ ボ, and ヴ alone ブ; a small vowel after it is absorbed.
                int v = i + 1 < normalized.length() ? VU_VOWELS.indexOf(normalized.charAt(i + 1)) : -1;
                if (v >= 0) {
                    out.append(VU_ROW.charAt(v));
                    i++;
                    continue;
                }
                c = 'ブ';
            }
            int small = SMALL.indexOf(c);
            char large = small >= 0 ? LARGE.charAt(small) : c;
            // オプティマイゼイション, メイル, and readings (ゼイジャク): イ after an e-sound is a long vowel, as ー
            // is (and ティ, already テイ, goes the same way)
            if (large == 'イ' && !out.isEmpty() && E_ROW.indexOf(out.charAt(out.length() - 1)) >= 0) {
                continue;
            }
            out.append(large);
        }
        return out.toString();
    }

    /** Runs of one or two hiragana between kanji are okurigana: 取り組み and 取組み share a key. */
    private static boolean[] okuriganaMask(String s) {
        boolean[] mask = new boolean[s.length()];
        for (int i = 1; i < s.length(); i++) {
            if (!isHiragana(s.charAt(i)) || !isKanji(s.charAt(i - 1))) {
                continue;
            }
            int end = i;
            while (end < s.length() && isHiragana(s.charAt(end))) {
                end++;
            }
            if (end - i <= 2 && end < s.length() && isKanji(s.charAt(end))) {
                for (int k = i; k < end; k++) {
                    mask[k] = true;
                }
            }
            i = end - 1;
        }
        return mask;
    }
}
