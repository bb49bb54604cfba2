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

    /**
     * The words of {@code extra} that can join the dictionary {@code base} without splitting one of its
     * words. Kuromoji prefers a path through more dictionary words (each has the same low cost), so
     * with サイバー and 攻撃 both in it, サイバー攻撃 would come out as two words; an extra word that
     * would let a longer word be spelt out wholly in dictionary words is left out.
     */
    public static Set<String> notSplitting(Collection<String> base, Collection<String> extra) {
        Set<String> words = new java.util.HashSet<>();
        for (String w : base) {
            words.add(TextNormalizer.normalize(w));
        }
        Set<String> added = new LinkedHashSet<>();
        for (String candidate : extra) {
            String w = TextNormalizer.normalize(candidate);
            if (!isUsable(w) || words.contains(w)) {
                continue;
            }
            words.add(w);
            boolean splits = false;
            for (String longer : words) {
                if (longer.length() > w.length() && longer.contains(w) && spelledOut(longer, words)) {
                    splits = true;
                    break;
                }
            }
            // And a word spelt out wholly by others is no word of its own: it would split itself away.
            if (splits || spelledOut(w, words)) {
                words.remove(w);
            } else {
                added.add(w);
            }
        }
        return added;
    }

    /** Whether {@code word} is a sequence of two or more other dictionary words. */
    private static boolean spelledOut(String word, Set<String> words) {
        int n = word.length();
        int[] parts = new int[n + 1]; // fewest words spelling out word[0..i), 0 = not possible (but parts[0])
        java.util.Arrays.fill(parts, Integer.MAX_VALUE);
        parts[0] = 0;
        for (int i = 0; i < n; i++) {
            if (parts[i] == Integer.MAX_VALUE) {
                continue;
            }
            for (int j = i + 2; j <= n; j++) {
                if ((i > 0 || j < n) && words.contains(word.substring(i, j))) {
                    parts[j] = Math.min(parts[j], parts[i] + 1);
                }
            }
        }
        return parts[n] != Integer.MAX_VALUE && parts[n] >= 2;
    }

    public static UserDictionary build(Collection<String> terms) {
        return open(csv(terms));
    }

    /** The dictionary of {@link #csv}'s lines (null for none): what shipped analysis tables keep of it. */
    public static UserDictionary open(String csv) {
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
