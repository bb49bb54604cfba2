package dev.kotae.analysis;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a romaji word (Hepburn or kunrei: {@code zerotorasuto}, {@code sekyuritei}) as katakana so
 * that a word typed on a keyboard without an IME can meet the corpus spelling. Returns null when the
 * word is not romaji, so English words are never mangled.
 */
public final class Romaji {
    private static final Map<String, String> SYLLABLES = new HashMap<>();

    static {
        String[] table = {
            "a:ア", "i:イ", "u:ウ", "e:エ", "o:オ",
            "ka:カ", "ki:キ", "ku:ク", "ke:ケ", "ko:コ", "kya:キャ", "kyu:キュ", "kyo:キョ",
            "ga:ガ", "gi:ギ", "gu:グ", "ge:ゲ", "go:ゴ", "gya:ギャ", "gyu:ギュ", "gyo:ギョ",
            "sa:サ", "si:シ", "shi:シ", "su:ス", "se:セ", "so:ソ", "sha:シャ", "shu:シュ", "sho:ショ", "she:シェ",
            "sya:シャ", "syu:シュ", "syo:ショ",
            "za:ザ", "zi:ジ", "ji:ジ", "zu:ズ", "ze:ゼ", "zo:ゾ", "ja:ジャ", "ju:ジュ", "jo:ジョ", "je:ジェ",
            "zya:ジャ", "zyu:ジュ", "zyo:ジョ",
            "ta:タ", "ti:チ", "chi:チ", "tu:ツ", "tsu:ツ", "te:テ", "to:ト", "cha:チャ", "chu:チュ", "cho:チョ",
            "che:チェ", "tya:チャ", "tyu:チュ", "tyo:チョ", "thi:ティ", "tei:テイ",
            "da:ダ", "di:ヂ", "du:ヅ", "de:デ", "do:ド", "dhi:ディ",
            "na:ナ", "ni:ニ", "nu:ヌ", "ne:ネ", "no:ノ", "nya:ニャ", "nyu:ニュ", "nyo:ニョ",
            "ha:ハ", "hi:ヒ", "hu:フ", "fu:フ", "he:ヘ", "ho:ホ", "hya:ヒャ", "hyu:ヒュ", "hyo:ヒョ",
            "fa:ファ", "fi:フィ", "fe:フェ", "fo:フォ",
            "ba:バ", "bi:ビ", "bu:ブ", "be:ベ", "bo:ボ", "bya:ビャ", "byu:ビュ", "byo:ビョ",
            "pa:パ", "pi:ピ", "pu:プ", "pe:ペ", "po:ポ", "pya:ピャ", "pyu:ピュ", "pyo:ピョ",
            "ma:マ", "mi:ミ", "mu:ム", "me:メ", "mo:モ", "mya:ミャ", "myu:ミュ", "myo:ミョ",
            "ya:ヤ", "yu:ユ", "yo:ヨ",
            "ra:ラ", "ri:リ", "ru:ル", "re:レ", "ro:ロ", "rya:リャ", "ryu:リュ", "ryo:リョ",
            // Latin words read in katakana write L as R (LAN is ラン)
            "la:ラ", "li:リ", "lu:ル", "le:レ", "lo:ロ",
            "wa:ワ", "wi:ウィ", "we:ウェ", "wo:ヲ", "va:ヴァ", "vi:ヴィ", "vu:ヴ", "ve:ヴェ", "vo:ヴォ",
            "nn:ン", "-:ー",
        };
        for (String entry : table) {
            int colon = entry.indexOf(':');
            SYLLABLES.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
    }

    private Romaji() {}

    /** The katakana reading of {@code word}, or null when it does not read as romaji. */
    public static String toKatakana(String word) {
        String s = word.toLowerCase(Locale.ROOT);
        if (s.length() < 3) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 'a' && c != '-' || c > 'z') {
                return null;
            }
            if (i + 1 < s.length() && c == s.charAt(i + 1) && c != 'n' && isConsonant(c)) {
                out.append('ッ');
                i++;
                continue;
            }
            String kana = null;
            int len = Math.min(3, s.length() - i);
            for (; len > 0; len--) {
                kana = SYLLABLES.get(s.substring(i, i + len));
                if (kana != null) {
                    break;
                }
            }
            if (kana == null) {
                if (c == 'n' || c == 'm' && i + 1 < s.length() && "bpm".indexOf(s.charAt(i + 1)) >= 0) {
                    out.append('ン');
                    i++;
                    continue;
                }
                return null;
            }
            out.append(kana);
            i += len;
        }
        return out.toString();
    }

    private static boolean isConsonant(char c) {
        return "aeiou-".indexOf(c) < 0;
    }
}
