package dev.kotae.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Builds the Kuromoji user dictionary from corpus terms (glossary headwords and synonyms) so that
 * ゼロトラスト, 多要素認証 or 2025年の崖 stay single tokens. Kuromoji refuses a dictionary with a
 * duplicate surface, and a surface must be one run without spaces or commas, so the terms are
 * normalised, filtered and de-duplicated here.
 */
public final class UserDictionaries {
    private UserDictionaries() {}

    /** The CSV lines of the dictionary, one per usable term. */
    public static String csv(Collection<String> terms) {
        Set<String> surfaces = new LinkedHashSet<>();
        for (String term : terms) {
            String surface = TextNormalizer.normalize(term);
            if (isUsable(surface)) {
                surfaces.add(surface);
            }
        }
        StringBuilder csv = new StringBuilder();
        JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL);
        for (String surface : surfaces) {
            csv.append(surface).append(',').append(surface).append(',')
                    .append(reading(tokenizer, surface)).append(",カスタム名詞\n");
        }
        return csv.toString();
    }

    public static UserDictionary build(Collection<String> terms) {
        String csv = csv(terms);
        if (csv.isEmpty()) {
            return null;
        }
        try {
            return UserDictionary.open(new StringReader(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Worth a dictionary entry: two characters or more, at least one of them Japanese (Kuromoji already
     * keeps Latin words whole), and nothing Kuromoji would read as a separator.
     */
    static boolean isUsable(String surface) {
        if (surface.length() < 2 || surface.length() > 40) {
            return false;
        }
        boolean japanese = false;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == '"' || c == '#' || c == '（' || c == '）'
                    || c == '(' || c == ')' || c == '「' || c == '」' || c == '・' || c == '、' || c == '。') {
                return false;
            }
            japanese |= KanaFolding.isKatakana(c) || KanaFolding.isHiragana(c) || KanaFolding.isKanji(c);
        }
        return japanese;
    }

    private static String reading(JapaneseTokenizer tokenizer, String surface) {
        StringBuilder reading = new StringBuilder();
        try {
            tokenizer.setReader(new StringReader(surface));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            ReadingAttribute readingAttribute = tokenizer.addAttribute(ReadingAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String r = readingAttribute.getReading();
                reading.append(r != null ? r : KanaFolding.toKatakana(term.toString()));
            }
            tokenizer.end();
            tokenizer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String clean = reading.toString().replace(",", "").replace(" ", "");
        return clean.isEmpty() ? surface : clean;
    }
}
