package dev.kotae.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops tokens without a letter or digit. The tokenizer keeps punctuation for
 * {@link org.apache.lucene.analysis.ja.JapaneseNumberFilter} (1,323,468 is one number), and Kuromoji
 * tags some symbols ({@code ?}, {@code &}) as nouns, so the part-of-speech stop filter alone misses them.
 */
final class PunctuationFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    PunctuationFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        for (int i = 0; i < term.length(); i++) {
            if (Character.isLetterOrDigit(term.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
