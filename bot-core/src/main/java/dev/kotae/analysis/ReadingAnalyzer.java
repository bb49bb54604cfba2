package dev.kotae.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseReadingFormFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The reading field: every token replaced by its katakana reading and folded ({@link KanaFolding}),
 * so 漏洩 and 漏えい, マルウェア and マルウエア, or a word typed in hiragana meet on one term.
 */
public final class ReadingAnalyzer extends Analyzer {
    private final UserDictionary userDictionary;

    public ReadingAnalyzer(UserDictionary userDictionary) {
        this.userDictionary = userDictionary;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new JapaneseTokenizer(userDictionary, true, JapaneseTokenizer.Mode.NORMAL);
        TokenStream stream = new JapanesePartOfSpeechStopFilter(tokenizer, JapaneseAnalyzer.getDefaultStopTags());
        stream = new JapaneseReadingFormFilter(stream);
        stream = new CJKWidthFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new KanaFoldFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** Applies {@link KanaFolding#fold} to each term and drops terms that fold to nothing. */
    static final class KanaFoldFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        KanaFoldFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            while (input.incrementToken()) {
                String folded = KanaFolding.fold(term.toString());
                if (!folded.isEmpty()) {
                    term.setEmpty().append(folded);
                    return true;
                }
            }
            return false;
        }
    }
}
