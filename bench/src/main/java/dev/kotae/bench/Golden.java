package dev.kotae.bench;

import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The golden question set ({@code scripts/golden.sh questions}): the questions whose answers every
 * performance change must leave unchanged. One question per line, stable order:
 * dev questions, every FAQ example, every glossary headword in several forms (as-is, 「とは？」,
 * its reading in katakana, hiragana and romaji), ~150 corpus snippets, the benchmark's case and
 * off-topic questions, and hostile lines.
 *
 * <pre>  Golden  (prints to stdout; scripts/golden.sh puts the dev questions first)</pre>
 */
public final class Golden {
    private Golden() {}

    public static void main(String[] args) throws Exception {
        Corpus corpus = Seed.corpus();
        Set<String> qs = new LinkedHashSet<>();
        for (FaqRule rule : corpus.faq()) {
            qs.addAll(rule.questions());
        }
        for (GlossaryEntry g : corpus.glossary()) {
            qs.add(g.headword());
            qs.add(g.headword() + "とは？");
            qs.add(g.headword() + "って何？");
            if (g.reading() != null && !g.reading().isBlank()) {
                String kata = g.reading();
                qs.add(kata + "とは");
                qs.add(hiragana(kata) + "とは？");
                String romaji = romaji(kata);
                if (romaji != null) {
                    qs.add(romaji);
                    qs.add(romaji + " toha");
                }
            }
        }
        // ~150 snippets: every nth passage's middle, and some whole short passages.
        List<Passage> passages = corpus.passages();
        int step = Math.max(1, passages.size() / 120);
        for (int i = 0; i < passages.size(); i += step) {
            String t = passages.get(i).text().replace('\n', ' ').strip();
            if (t.length() >= 20) {
                int from = Math.min(t.length() / 4, 10);
                qs.add(t.substring(from, Math.min(t.length(), from + 20)));
            } else if (!t.isEmpty()) {
                qs.add(t);
            }
        }
        for (int i = 1; i < passages.size(); i += step * 4) {
            String t = passages.get(i).text().replace('\n', ' ').strip();
            if (!t.isEmpty()) {
                qs.add(t.length() > 60 ? t.substring(0, 60) + "について教えて" : t + "とは？");
            }
        }
        qs.addAll(Seed.CASES);
        qs.addAll(Seed.OFF_TOPIC);
        qs.addAll(List.of("事例の一覧を見せて", "ヘルプ", "help", "使い方を教えて"));
        qs.addAll(hostile());
        List<String> out = new ArrayList<>();
        for (String q : qs) {
            if (q.indexOf('\n') < 0 && q.indexOf('\r') < 0) {
                out.add(q);
            }
        }
        var stdout = new java.io.PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.forEach(stdout::println);
    }

    /** Lines a user (or a broken client) might send: empty, huge, query syntax, control characters. */
    static List<String> hostile() {
        List<String> h = new ArrayList<>();
        h.add("");
        h.add("   ");
        h.add("？？？");
        h.add("とは？");
        h.add("とは");
        h.add("。");
        h.add("a");
        h.add("あ");
        h.add("あ".repeat(300));
        h.add("セキュリティ".repeat(100));
        h.add("WAF ".repeat(200));
        h.add("x".repeat(2000));
        h.add("title:WAF AND (body:\"ゼロトラスト\" OR *) ~2 ^3");
        h.add("*:*");
        h.add("\\ \\\\ \" ' ` ; -- DROP TABLE faq;");
        h.add("<script>alert('x')</script>とは？");
        h.add(".*(a+)+$ [a-z]{1,1000} (?i)");
        h.add("\u0000\u0001\u0007制御文字\u001b[31m");
        h.add("\u200b\u200dゼロ\u200c幅\ufeff");
        h.add("\u202eWAF\u202cとは");
        h.add("😀🔥 セキュリティ 🚀とは？");
        h.add("ＷＡＦ　とは？");
        h.add("ｾｷｭﾘﾃｨ対策とは");
        h.add("1234567890");
        h.add("2025年の崖");
        h.add("https://example.com/?q=WAF&x=1");
        h.add("%E3%81%82 %00 %s %n {0} ${jndi:ldap://x}");
        h.add("WHAT IS A WAF???");
        h.add("what is zero trust");
        h.add("セキュリティ？セキュリティ！セキュリティ。");
        h.add("\t\tタブ\tで\t区切る");
        h.add("の の の の の");
        h.add("漏洩 漏えい ろうえい roue");
        h.add("\uD800 lone surrogate \uDFFF");
        h.add("日本語とEnglishとｶﾀｶﾅと１２３のmixed質問ですか？");
        return h;
    }

    static String hiragana(String katakana) {
        StringBuilder out = new StringBuilder();
        for (char c : katakana.toCharArray()) {
            out.append(c >= 0x30A1 && c <= 0x30F6 ? (char) (c - 0x60) : c);
        }
        return out.toString();
    }

    private static final String[][] KANA = {
        {"キャ", "kya"}, {"キュ", "kyu"}, {"キョ", "kyo"}, {"シャ", "sha"}, {"シュ", "shu"}, {"ショ", "sho"}, {"シェ", "she"},
        {"チャ", "cha"}, {"チュ", "chu"}, {"チョ", "cho"}, {"チェ", "che"}, {"ニャ", "nya"}, {"ニュ", "nyu"}, {"ニョ", "nyo"},
        {"ヒャ", "hya"}, {"ヒュ", "hyu"}, {"ヒョ", "hyo"}, {"ミャ", "mya"}, {"ミュ", "myu"}, {"ミョ", "myo"},
        {"リャ", "rya"}, {"リュ", "ryu"}, {"リョ", "ryo"}, {"ギャ", "gya"}, {"ギュ", "gyu"}, {"ギョ", "gyo"},
        {"ジャ", "ja"}, {"ジュ", "ju"}, {"ジョ", "jo"}, {"ジェ", "je"}, {"ビャ", "bya"}, {"ビュ", "byu"}, {"ビョ", "byo"},
        {"ピャ", "pya"}, {"ピュ", "pyu"}, {"ピョ", "pyo"}, {"ティ", "thi"}, {"ディ", "dhi"}, {"ファ", "fa"}, {"フィ", "fi"},
        {"フェ", "fe"}, {"フォ", "fo"}, {"ウィ", "wi"}, {"ウェ", "we"}, {"ヴァ", "va"}, {"ヴィ", "vi"}, {"ヴェ", "ve"}, {"ヴォ", "vo"},
        {"ア", "a"}, {"イ", "i"}, {"ウ", "u"}, {"エ", "e"}, {"オ", "o"}, {"カ", "ka"}, {"キ", "ki"}, {"ク", "ku"}, {"ケ", "ke"}, {"コ", "ko"},
        {"ガ", "ga"}, {"ギ", "gi"}, {"グ", "gu"}, {"ゲ", "ge"}, {"ゴ", "go"}, {"サ", "sa"}, {"シ", "shi"}, {"ス", "su"}, {"セ", "se"}, {"ソ", "so"},
        {"ザ", "za"}, {"ジ", "ji"}, {"ズ", "zu"}, {"ゼ", "ze"}, {"ゾ", "zo"}, {"タ", "ta"}, {"チ", "chi"}, {"ツ", "tsu"}, {"テ", "te"}, {"ト", "to"},
        {"ダ", "da"}, {"ヂ", "di"}, {"ヅ", "du"}, {"デ", "de"}, {"ド", "do"}, {"ナ", "na"}, {"ニ", "ni"}, {"ヌ", "nu"}, {"ネ", "ne"}, {"ノ", "no"},
        {"ハ", "ha"}, {"ヒ", "hi"}, {"フ", "fu"}, {"ヘ", "he"}, {"ホ", "ho"}, {"バ", "ba"}, {"ビ", "bi"}, {"ブ", "bu"}, {"ベ", "be"}, {"ボ", "bo"},
        {"パ", "pa"}, {"ピ", "pi"}, {"プ", "pu"}, {"ペ", "pe"}, {"ポ", "po"}, {"マ", "ma"}, {"ミ", "mi"}, {"ム", "mu"}, {"メ", "me"}, {"モ", "mo"},
        {"ヤ", "ya"}, {"ユ", "yu"}, {"ヨ", "yo"}, {"ラ", "ra"}, {"リ", "ri"}, {"ル", "ru"}, {"レ", "re"}, {"ロ", "ro"},
        {"ワ", "wa"}, {"ヲ", "wo"}, {"ン", "nn"}, {"ヴ", "vu"}, {"ー", "-"},
    };

    /** Hepburn-ish romaji of a katakana reading, or null if it has other characters. */
    static String romaji(String katakana) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean doubled = false;
        outer:
        while (i < katakana.length()) {
            if (katakana.charAt(i) == 'ッ') {
                doubled = true;
                i++;
                continue;
            }
            for (String[] k : KANA) {
                if (katakana.startsWith(k[0], i)) {
                    if (doubled) {
                        out.append(k[1].charAt(0));
                        doubled = false;
                    }
                    out.append(k[1]);
                    i += k[0].length();
                    continue outer;
                }
            }
            return null;
        }
        return out.toString();
    }
}
