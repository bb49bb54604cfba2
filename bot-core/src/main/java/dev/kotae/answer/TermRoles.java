package dev.kotae.answer;

import dev.kotae.index.KnowledgeIndex;
import java.util.List;
import java.util.Set;

/**
 * How much a word of a question says about what it is about. A word the corpus knows weighs its
 * rarity there (idf). A word the corpus has never seen cannot be covered by any source, so it
 * lowers confidence in every answer — rightly when it names the thing asked about (有給休暇, ドイツ),
 * wrongly when it is only how someone talks (ぶっちゃけ, やつ, めっちゃ). The part of speech tells the
 * two apart: an unknown noun counts nearly in full, an unknown verb, adjective, adverb or a word in
 * hiragana alone counts little.
 */
final class TermRoles {
    private TermRoles() {}

    /** What an unknown noun counts, as a share of the rarest known word's weight. */
    static final double UNKNOWN_NOUN = Double.parseDouble(System.getProperty("kotae.unknownNoun", "0.8"));
    /** What any other unknown word counts. */
    static final double UNKNOWN_OTHER = 0.1;

    /**
     * Words that only say how a question is asked — hedges, intensifiers, requests — even where the
     * corpus happens to use them (具体的には, 実際に): they never have to be covered.
     */
    private static final Set<String> MANNER = Set.of(
            "具体", "具体的", "実際", "正直", "結局", "ちゃんと", "きちんと", "ぶっちゃけ", "一体", "本当", "ほんと", "ほんとう", "マジ", "まじ",
            "簡単", "簡潔", "一言", "ざっくり", "最低限", "最低", "限", "要するに", "つまり", "特に", "主", "だいたい", "大体", "くらい", "ぐらい",
            "今", "最近", "いただく", "いただける", "頂く", "頂ける", "もらう", "もらえる", "くれる", "幸い", "恐縮", "助かる",
            "教示", "教授", "説明", "定義", "意味", "言葉", "用語", "単語", "ワード", "性質", "ヤバ", "やばい", "ヤバい", "ウチ", "弊社", "当社", "確認", "ご存知", "存知", "わかる", "分かる", "知れる", "思う", "考える", "言う", "聞く",
            "伺い", "伺う", "よろしい", "宜しい", "文脈", "名前", "呼び方", "意味合い", "ニュアンス",
            "ござる", "おる", "いう", "見る", "やる", "みたい", "やっぱり", "やはり", "めっちゃ", "すごい", "とても", "かなり", "よく", "ちょっと", "少し",
            "なんか", "とか", "など", "的", "話", "件", "やつ", "奴", "とこ", "ところ", "感じ", "あれ", "これ", "それ", "この", "その",
            "資料", "テキスト", "セミナー", "書く", "載る", "記載", "出る", "ある", "いる", "なる", "する", "できる", "いい", "よい", "良い",
            "please", "tell", "know", "want", "like", "just", "really", "actually", "exactly", "briefly", "basically", "quick", "thing",
            "things", "stuff", "text", "seminar", "document", "documents", "material", "materials", "mention", "mentioned", "say", "says",
            "said", "explain", "describe", "also", "again", "kotae", "同じ", "同様", "似る", "use", "using", "used", "have", "get",
            "make", "happen", "happened", "work", "take", "go", "come", "see", "look", "find", "think", "ask", "try", "help", "keep",
            "let", "put", "become", "seem", "first", "start", "begin", "there", "anything", "something", "one", "way", "ways", "lot", "lots", "kind", "sort",
            // how an English question frames what it asks: a time frame, a source, a comparison's hinge
            "since", "according", "accord", "between", "among", "within", "without", "back", "hold", "regarding", "regard", "term",
            "called", "call", "mean", "meaning", "define", "definition", "currently", "today", "ever", "still", "already", "generally",
            "usually", "typically", "overall", "follow", "consider", "which", "why", "whose", "when", "where", "who", "what", "how",
            "differ", "different", "difference", "compare", "compared", "versus", "vs", "should", "could", "would", "might", "must");

    static boolean isManner(String term) {
        return MANNER.contains(term);
    }

    /**
     * Whether a word only does grammar's work in the question: an auxiliary verb (準備しておく's おく,
     * してしまう's しまう), a verb or adjective suffix, or a bound noun (こと, ため).
     */
    static boolean isFunctional(String partOfSpeech) {
        return partOfSpeech != null && (partOfSpeech.startsWith("動詞-非自立") || partOfSpeech.startsWith("動詞-接尾")
                || partOfSpeech.startsWith("形容詞-非自立") || partOfSpeech.startsWith("形容詞-接尾") || partOfSpeech.startsWith("名詞-非自立")
                || partOfSpeech.startsWith("助動詞"));
    }

    /** The weight of a focus word: its idf where the corpus knows it, else by its part of speech. */
    static double weight(String term, String partOfSpeech, KnowledgeIndex index) {
        return weight(term, partOfSpeech, index, "");
    }

    /**
     * @param asked the question as typed (case kept), to tell a name (Slack, FIDO2) from an everyday
     *              English word (propose, change) the documents do not use
     */
    static double weight(String term, String partOfSpeech, KnowledgeIndex index, String asked) {
        if (index.knows(term)) {
            // one kanji alone (外, 手, 先) is a word of every topic, however rarely the text uses it alone
            return (isLoneKanji(term) ? LONE_KANJI : 1.0) * index.idf(term);
        }
        if (!meaningful(term, partOfSpeech)) {
            return UNKNOWN_OTHER * index.idf(term);
        }
        // A name in Latin letters the documents never use (Slack, Zoom, FIDO2) names a product or a
        // company they say nothing of: it counts in full. An everyday English word written in lower
        // case inside an English sentence (「who proposed it」) only says how it is asked.
        boolean latin = term.chars().allMatch(c -> c < 0x80);
        if (latin && isEverydayEnglish(term, asked)) {
            return UNKNOWN_NOUN * UNKNOWN_NOUN * index.idf(term) / 2;
        }
        return (latin ? 1.0 : UNKNOWN_NOUN) * index.idf(term);
    }

    /** Lower-case words of a sentence written in English: at least four words, and this one never capitalised or with a digit. */
    private static final java.util.regex.Pattern ENGLISH_WORD = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9'-]*");

    static boolean isEverydayEnglish(String term, String asked) {
        List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = ENGLISH_WORD.matcher(asked);
        while (m.find()) {
            words.add(m.group());
        }
        if (words.size() < 4 || term.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        boolean seen = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            // the term is stemmed (leaving → leave, proposed → propose): compare the stem's start
            String stem = term.substring(0, Math.min(term.length(), Math.max(4, term.length() - 2)));
            if (!w.toLowerCase(java.util.Locale.ROOT).startsWith(stem)) {
                continue;
            }
            seen = true;
            if (i > 0 && !w.equals(w.toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return seen;
    }

    /** A noun that names something (not a pronoun, a bound noun, a number or an adverbial noun), not in hiragana alone. */
    static final double LONE_KANJI = 0.5;

    static boolean isLoneKanji(String term) {
        return term.length() == 1 && Character.UnicodeScript.of(term.charAt(0)) == Character.UnicodeScript.HAN;
    }

    static boolean meaningful(String term, String partOfSpeech) {
        if (term.length() == 1 && term.charAt(0) < 0x80) {
            return false; // what is left of people's, or a list's (a)
        }
        if (term.codePoints().allMatch(cp -> (cp >= 0x3041 && cp <= 0x309F) || cp == 'ー')) {
            return false;
        }
        if (partOfSpeech == null) {
            return true;
        }
        if (partOfSpeech.equals("カスタム名詞")) {
            return true; // a user dictionary word: a glossary or synonym name
        }
        if (!partOfSpeech.startsWith("名詞")) {
            return false;
        }
        return !(partOfSpeech.startsWith("名詞-非自立") || partOfSpeech.startsWith("名詞-代名詞") || partOfSpeech.startsWith("名詞-副詞可能")
                || partOfSpeech.startsWith("名詞-数") || partOfSpeech.startsWith("名詞-接尾") || partOfSpeech.startsWith("名詞-形容動詞語幹")
                || partOfSpeech.startsWith("名詞-ナイ形容詞語幹") || partOfSpeech.startsWith("名詞-特殊"));
    }
}
