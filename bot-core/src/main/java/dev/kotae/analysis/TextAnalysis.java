package dev.kotae.analysis;

import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;

/**
 * The text pipeline of one corpus: normalise, resolve spelling variants, tokenise, filter. The user
 * dictionary and the synonym table come from the corpus (glossary headwords and names, the curated
 * synonym file), so a new corpus brings its own vocabulary. Thread-safe: Lucene analyzers keep
 * per-thread components.
 */
public final class TextAnalysis {
    private final JapaneseTextAnalyzer body;
    private final ReadingAnalyzer reading;
    private final BigramAnalyzer bigram = new BigramAnalyzer();
    private final SynonymTable synonyms;
    private final VariantResolver variants;

    private TextAnalysis(UserDictionary dictionary, SynonymTable synonyms, VariantResolver variants) {
        this.body = new JapaneseTextAnalyzer(dictionary);
        this.reading = new ReadingAnalyzer(dictionary);
        this.synonyms = synonyms;
        this.variants = variants;
    }

    public static TextAnalysis forCorpus(Corpus corpus) {
        SynonymTable synonyms = new SynonymTable();
        GlossarySynonyms.groups(corpus.glossary()).forEach(synonyms::addGroup);
        for (String line : corpus.synonyms()) {
            synonyms.addGroup(Arrays.asList(line.split(",")));
        }
        Set<String> dictionaryTerms = new LinkedHashSet<>();
        for (GlossaryEntry entry : corpus.glossary()) {
            dictionaryTerms.addAll(GlossarySynonyms.namesOf(entry));
        }
        dictionaryTerms.addAll(synonyms.words());
        UserDictionary dictionary = UserDictionaries.build(dictionaryTerms);

        JapaneseTextAnalyzer vocabularyAnalyzer = new JapaneseTextAnalyzer(dictionary);
        Set<String> vocabulary = new LinkedHashSet<>(dictionaryTerms);
        for (Passage passage : corpus.passages()) {
            vocabulary.addAll(Tokens.of(vocabularyAnalyzer, "body", TextNormalizer.normalize(passage.text())));
        }
        vocabularyAnalyzer.close();
        return new TextAnalysis(dictionary, synonyms, new VariantResolver(vocabulary));
    }

    /** Normalised question with known spelling variants replaced by the corpus spelling. */
    public String prepare(String question) {
        return variants.resolve(TextNormalizer.normalize(question));
    }

    public List<String> terms(String normalizedText) {
        return Tokens.of(body, "body", normalizedText);
    }

    public String reading(String normalizedText) {
        return Readings.of(reading, normalizedText);
    }

    public List<String> bigrams(String text) {
        return Tokens.of(bigram, "bigram", text);
    }

    public Analyzer bodyAnalyzer() {
        return body;
    }

    public Analyzer bigramAnalyzer() {
        return bigram;
    }

    public SynonymTable synonyms() {
        return synonyms;
    }

    /**
     * The synonym alternatives for the words of a question: every group member found in it, mapped
     * to its other spellings. Latin members must stand as whole words (AI is not inside email).
     */
    public Map<String, List<String>> synonymsIn(String normalizedQuestion) {
        String folded = KanaFolding.fold(normalizedQuestion);
        Map<String, List<String>> found = new HashMap<>();
        for (String word : synonyms.words()) {
            String key = KanaFolding.fold(word);
            if (key.length() < 2 || found.containsKey(word)) {
                continue;
            }
            int at = folded.indexOf(key);
            if (at < 0 || isAscii(key) && !wholeWord(folded, at, key.length())) {
                continue;
            }
            found.put(word, synonyms.alternativesOf(word));
        }
        return found;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    private static boolean wholeWord(String s, int at, int length) {
        boolean before = at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)) || s.charAt(at - 1) >= 128;
        int end = at + length;
        boolean after = end >= s.length() || !Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) >= 128;
        return before && after;
    }

    /** Replaces words typed in another script or spelling by the corpus spelling, when the corpus knows it. */
    static final class VariantResolver {
        private final Map<String, String> byFoldedSpelling = new HashMap<>();

        VariantResolver(Set<String> vocabulary) {
            for (String word : vocabulary) {
                String key = KanaFolding.fold(word);
                if (key.length() >= 2 && hasKana(key)) {
                    byFoldedSpelling.putIfAbsent(key, word);
                }
            }
        }

        String resolve(String text) {
            StringBuilder out = new StringBuilder(text.length());
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int end = runEnd(text, i);
                if (end - i >= 3 && (KanaFolding.isHiragana(c) || KanaFolding.isKatakana(c))) {
                    i = replaceLongestPrefix(text, i, end, out);
                    continue;
                }
                if (end - i >= 4 && isLatinLetter(c)) {
                    String word = text.substring(i, end);
                    String katakana = Romaji.toKatakana(word);
                    String known = katakana == null ? null : byFoldedSpelling.get(KanaFolding.fold(katakana));
                    out.append(known != null && !knownLatin(word) ? known : word);
                    i = end;
                    continue;
                }
                out.append(text, i, end);
                i = end;
            }
            return out.toString();
        }

        private boolean knownLatin(String word) {
            return byFoldedSpelling.containsKey(word.toLowerCase(Locale.ROOT));
        }

        /** The longest prefix of the kana run that the corpus spells differently; the rest is copied. */
        private int replaceLongestPrefix(String text, int start, int end, StringBuilder out) {
            for (int to = end; to - start >= 3; to--) {
                String span = text.substring(start, to);
                String known = byFoldedSpelling.get(KanaFolding.fold(span));
                if (known != null) {
                    out.append(known);
                    return to;
                }
            }
            out.append(text, start, end);
            return end;
        }

        private static int runEnd(String text, int start) {
            char first = text.charAt(start);
            int end = start + 1;
            while (end < text.length() && sameRun(first, text.charAt(end))) {
                end++;
            }
            return end;
        }

        private static boolean sameRun(char first, char c) {
            if (KanaFolding.isHiragana(first)) {
                return KanaFolding.isHiragana(c) || c == 'ー';
            }
            if (KanaFolding.isKatakana(first)) {
                return KanaFolding.isKatakana(c) || c == '・';
            }
            if (isLatinLetter(first)) {
                return isLatinLetter(c) || c == '-';
            }
            return !KanaFolding.isHiragana(c) && !KanaFolding.isKatakana(c) && !isLatinLetter(c);
        }

        private static boolean isLatinLetter(char c) {
            return c < 128 && Character.isLetter(c);
        }

        private static boolean hasKana(String key) {
            return key.chars().anyMatch(KanaFolding::isKatakana);
        }
    }
}
