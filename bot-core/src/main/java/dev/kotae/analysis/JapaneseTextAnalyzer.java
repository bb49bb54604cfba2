package dev.kotae.analysis;

import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.ja.JapaneseNumberFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;

/**
 * The main text field: Kuromoji in search mode with the corpus user dictionary, then base forms,
 * part-of-speech stops, width folding, Japanese and English stop words, katakana stemming and
 * lower-casing. Input is expected to have been through {@link TextNormalizer} already.
 */
public final class JapaneseTextAnalyzer extends Analyzer {
    private static final CharArraySet STOP_WORDS = stopWords();
    /** Kuromoji's default stop tags, and the punctuation and spaces the tokenizer now keeps for the number filter. */
    private static final Set<String> STOP_TAGS = stopTags();

    private static Set<String> stopTags() {
        Set<String> tags = new java.util.HashSet<>(JapaneseAnalyzer.getDefaultStopTags());
        tags.addAll(Set.of("記号", "記号-一般", "記号-句点", "記号-読点", "記号-空白", "記号-括弧開", "記号-括弧閉", "記号-アルファベット"));
        return Set.copyOf(tags);
    }
    /**
     * The English pronoun, by case before lower-casing: 「IT投資」「What is IT?」 keep IT (a key term of
     * any business corpus), "is it" drops it.
     */
    private static final CharArraySet PRONOUN_IT = CharArraySet.unmodifiableSet(new CharArraySet(List.of("it", "It"), false));

    private final UserDictionary userDictionary;
    private final JapaneseTokenizer.Mode mode;

    public JapaneseTextAnalyzer(UserDictionary userDictionary) {
        this(userDictionary, JapaneseTokenizer.Mode.SEARCH);
    }

    public JapaneseTextAnalyzer(UserDictionary userDictionary, JapaneseTokenizer.Mode mode) {
        this.userDictionary = userDictionary;
        this.mode = mode;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        // Punctuation stays in the stream until the numbers are read: 1,323,468 and 3.2千 are one number each.
        Tokenizer tokenizer = new JapaneseTokenizer(userDictionary, false, mode);
        TokenStream stream = new JapaneseNumberFilter(PunctuationFilter.spaces(tokenizer));
        stream = PunctuationFilter.punctuation(stream);
        stream = new JapaneseBaseFormFilter(stream);
        stream = new JapanesePartOfSpeechStopFilter(stream, STOP_TAGS);
        stream = new CJKWidthFilter(stream);
        stream = new StopFilter(stream, PRONOUN_IT);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new EnglishPossessiveFilter(stream);
        stream = new KStemFilter(stream);
        stream = new JapaneseKatakanaStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }

    /** Kuromoji's Japanese stop words, English ones for English questions, and question words. */
    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(JapaneseAnalyzer.getDefaultStopSet(), true);
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            if (!"it".equals(new String((char[]) word))) {
                set.add(word);
            }
        }
        set.addAll(Set.of("what", "how", "why", "who", "which", "where", "when", "does", "do", "did", "mean",
                "tell", "me", "about", "please", "explain", "is", "are", "was", "were", "much", "many", "should",
                "can", "could", "would", "will", "from", "with", "our", "we", "i", "you", "your", "my", "its",
                "has", "have", "had", "been", "being", "any", "some", "there", "here", "than", "so", "us",
                "give", "show", "list", "describe", "according", "kind", "kinds", "type", "types", "何", "なん", "なに", "教える", "ください", "くださる", "下さる",
                "知る", "たい", "する", "ある", "いる", "なる", "れる", "られる", "こと", "もの", "よう", "について",
                "とは", "って", "です", "ます", "か", "意味", "内容", "説明", "詳しい", "方法", "やり方",
                // interrogatives say what kind of answer is wanted, not what it is about (どんな/どの stay:
                // they ask for kinds, as FAQ examples do); unknown to the
                // documents they would otherwise weigh the most of all the question's words
                "なぜ", "なんで", "どうして", "どう", "どれくらい", "どのくらい", "どのよう",
                "どこ", "だれ", "誰", "いつ", "いくつ", "いくら"));
        return CharArraySet.unmodifiableSet(set);
    }
}
