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
    private final boolean spacesOnly;

    private PunctuationFilter(TokenStream in, boolean spacesOnly) {
        super(in);
        this.spacesOnly = spacesOnly;
    }

    /** Drops tokens without a letter or digit. */
    static PunctuationFilter punctuation(TokenStream in) {
        return new PunctuationFilter(in, false);
    }

    /**
     * Drops the space tokens the tokenizer keeps, before the number filter: it would otherwise read
     * 「2025 cliff」's space as part of the number and lose 2025 with it.
     */
    static PunctuationFilter spaces(TokenStream in) {
        return new PunctuationFilter(in, true);
    }

    @Override
    protected boolean accept() {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (spacesOnly ? !Character.isWhitespace(c) : Character.isLetterOrDigit(c)) {
                return true;
            }
        }
        return false;
    }
}
