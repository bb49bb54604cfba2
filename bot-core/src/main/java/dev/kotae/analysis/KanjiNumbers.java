package dev.kotae.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseNumberFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Rewrites numbers written in kanji (二〇二五年, 三十分, 百万人) in a question with digits, as
 * {@link JapaneseNumberFilter} reads them. The body field already reads them so, but a user
 * dictionary word with digits in it (2025年の崖) is matched on the text before tokenising, so the
 * question's text must carry the digits too.
 */
public final class KanjiNumbers {
    private KanjiNumbers() {}

    private static final String NUMERALS = "〇零一二三四五六七八九十百千万億兆壱弐参";
    /** Digits proper: a span of units alone (万, 百万) after 何 or 数 is no number (何万人, 数百社). */
    private static final String DIGITS = "〇零一二三四五六七八九壱弐参";

    public static String toDigits(String text) {
        if (text.chars().noneMatch(c -> NUMERALS.indexOf(c) >= 0)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL);
        try (TokenStream stream = new JapaneseNumberFilter(tokenizer)) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                String span = text.substring(start, end);
                String value = term.toString();
                boolean digits = span.chars().anyMatch(c -> DIGITS.indexOf(c) >= 0);
                boolean counted = start > 0 && "何数幾".indexOf(text.charAt(start - 1)) >= 0;
                if (!value.equals(span) && (digits || (!counted && span.chars().anyMatch(c -> NUMERALS.indexOf(c) >= 0)))
                        && value.chars().allMatch(Character::isDigit)) {
                    out.append(text, copied, start).append(value);
                    copied = end;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append(text, copied, text.length());
        return out.toString();
    }
}
