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
    /** Folded synonym spellings, longest first, with their alternatives: scanned for every question. */
    private final List<SynonymKey> synonymKeys;

    private TextAnalysis(UserDictionary dictionary, SynonymTable synonyms, List<SynonymKey> synonymKeys, VariantResolver variants) {
        this.body = new JapaneseTextAnalyzer(dictionary);
        this.reading = new ReadingAnalyzer(dictionary);
        this.synonyms = synonyms;
        this.variants = variants;
        this.synonymKeys = synonymKeys;
    }

    /** The keys questions are scanned for: every spelling of the table, folded or as a Latin phrase, in key order. */
    private static List<SynonymKey> synonymKeysOf(SynonymTable synonyms) {
        List<SynonymKey> keys = new java.util.ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        // Every spelling is a key of its own: "metal works" and "metalworks" fold alike, but a Latin
        // phrase is found word by word, so both are needed.
        for (String word : synonyms.spellings()) {
            String key = KanaFolding.fold(word);
            if (key.length() >= 2) {
                String latin = latinKey(word);
                String found = latin != null ? latin : key;
                if (seen.add(found)) {
                    keys.add(new SynonymKey(found, word, synonyms.alternativesOf(word)));
                }
            }
        }
        keys.sort(java.util.Comparator.comparing(SynonymKey::key));
        return List.copyOf(keys);
    }

    public static TextAnalysis forCorpus(Corpus corpus) {
        return computed(corpus).analysis();
    }

    /** {@link #forCorpus}'s analysis and the tables it computed on the way, for the build to ship them. */
    public record Computed(TextAnalysis analysis, AnalysisTables tables) {}

    /** Builds the analysis of {@code corpus}, computing its {@link AnalysisTables} from the text. */
    public static Computed computed(Corpus corpus) {
        StringBuilder allText = new StringBuilder();
        corpus.passages().forEach(p -> allText.append(TextNormalizer.normalize(p.text())).append('\n'));
        List<dev.kotae.corpus.SynonymFile.Pair> placeRules = Places.rulesFor(allText.toString());
        SynonymTable synonyms = synonymsOf(corpus, placeRules);
        Set<String> dictionaryTerms = new LinkedHashSet<>();
        for (GlossaryEntry entry : corpus.glossary()) {
            dictionaryTerms.addAll(GlossarySynonyms.namesOf(entry));
        }
        dictionaryTerms.addAll(synonyms.words());
        // One-way words (a => b) stay out of the dictionary: found by their spelling in the question
        // ({@link #synonymsIn}), they need not be words of their own, and as words they would change how
        // the documents are split (委託先 would split 外部委託先 otherwise than 外部委託 does).
        if (mappedInDictionary()) {
            dictionaryTerms.addAll(UserDictionaries.notSplitting(dictionaryTerms, synonyms.mappedWords().stream()
                    .filter(w -> !w.isEmpty() && !KanaFolding.isHiragana(w.charAt(w.length() - 1))).toList()));
        }
        String dictionaryCsv = UserDictionaries.csv(dictionaryTerms);
        UserDictionary dictionary = UserDictionaries.open(dictionaryCsv);

        JapaneseTextAnalyzer vocabularyAnalyzer = new JapaneseTextAnalyzer(dictionary);
        Set<String> vocabulary = new LinkedHashSet<>(dictionaryTerms);
        // The same analysis the index's body field gives each passage: its tokens are kept (as term
        // numbers and position increments) for the index build to replay instead of analysing again.
        PassageTokens.Recorder recorder = new PassageTokens.Recorder(corpus.passages().size());
        for (Passage passage : corpus.passages()) {
            vocabulary.addAll(recorder.record(vocabularyAnalyzer, TextNormalizer.normalize(passage.text())));
        }
        vocabularyAnalyzer.close();
        ReadingAnalyzer readingAnalyzer = new ReadingAnalyzer(dictionary);
        Map<String, String> byReading = new HashMap<>();
        for (String word : vocabulary) {
            if (word.codePoints().anyMatch(KanaFolding::isKanji)) {
                String reading = Readings.of(readingAnalyzer, TextNormalizer.normalize(word));
                if (reading.length() >= 4) {
                    byReading.putIfAbsent(reading, word);
                }
                // 無線LAN is read ムセンラン: a word mixing kanji and a Latin word is typed in kana whole.
                String mixed = mixedReading(readingAnalyzer, TextNormalizer.normalize(word));
                if (mixed != null && mixed.length() >= 4) {
                    byReading.putIfAbsent(KanaFolding.fold(mixed), word);
                }
            }
        }
        readingAnalyzer.close();
        Map<String, String> byOkurigana = new HashMap<>();
        for (String word : vocabulary) {
            if (word.codePoints().anyMatch(KanaFolding::isKanji)) {
                byOkurigana.putIfAbsent(KanaFolding.fold(word), word);
            }
        }
        VariantResolver variants = new VariantResolver(vocabulary, byReading);
        AnalysisTables tables = new AnalysisTables(synonyms.state(), synonymKeysOf(synonyms), dictionaryCsv, vocabulary,
                byOkurigana, variants.byFoldedSpelling, variants.acronyms, Map.of(), Map.of());
        TextAnalysis analysis = assemble(dictionary, synonyms, tables);
        analysis.passageTokens = recorder.done();
        return new Computed(analysis, tables);
    }

    /**
     * The analysis of a corpus from tables computed earlier for it (by {@link #computed}, shipped by the
     * build): the same chain {@link #forCorpus} builds, without reading the corpus's text at all. The
     * tables' known analyses are used while the generation opens, until {@link #forgetKnownAnalyses}.
     */
    public static TextAnalysis fromTables(AnalysisTables tables) {
        TextAnalysis analysis = assemble(UserDictionaries.open(tables.dictionaryCsv()), SynonymTable.of(tables.synonyms()), tables);
        analysis.knownTokens = tables.bodyTokens().isEmpty() ? null : tables.bodyTokens();
        analysis.knownPreparations = tables.preparations().isEmpty() ? null : tables.preparations();
        return analysis;
    }

    /**
     * Whether the one-way synonym words join the user dictionary ({@code -Dkotae.mappedInDictionary}, an
     * experiment): shipped tables are computed without, so they are not used with it.
     */
    public static boolean mappedInDictionary() {
        return Boolean.getBoolean("kotae.mappedInDictionary");
    }

    /** The synonym table: the glossary's groups, the curated file's rules, then the place names the text calls for. */
    private static SynonymTable synonymsOf(Corpus corpus, List<dev.kotae.corpus.SynonymFile.Pair> placeRules) {
        SynonymTable synonyms = new SynonymTable();
        GlossarySynonyms.groups(corpus.glossary()).forEach(synonyms::addGroup);
        synonyms.addRules(dev.kotae.corpus.SynonymFile.pairs(corpus.synonyms()));
        synonyms.addRules(placeRules);
        return synonyms;
    }

    /** The analysis of the tables' corpus: its dictionary and synonym table made from them (or with them). */
    private static TextAnalysis assemble(UserDictionary dictionary, SynonymTable synonyms, AnalysisTables tables) {
        TextAnalysis analysis = new TextAnalysis(dictionary, synonyms, tables.synonymKeys(),
                new VariantResolver(tables.variantSpellings(), tables.acronyms()));
        analysis.vocabulary = Set.copyOf(tables.vocabulary());
        analysis.byOkurigana = tables.byOkurigana();
        return analysis;
    }

    /**
     * The kana reading of a word that mixes kanji and Latin letters (無線LAN → ムセンラン), the Latin part
     * read as romaji; null for other words or a Latin part that does not read so.
     */
    private static String mixedReading(ReadingAnalyzer readingAnalyzer, String word) {
        java.util.regex.Matcher latin = java.util.regex.Pattern.compile("[A-Za-z]{2,}").matcher(word);
        if (!latin.find()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        do {
            String kana = Romaji.toKatakana(latin.group().toLowerCase(Locale.ROOT));
            if (kana == null) {
                return null;
            }
            if (latin.start() > at) {
                out.append(Readings.of(readingAnalyzer, word.substring(at, latin.start())));
            }
            out.append(kana);
            at = latin.end();
        } while (latin.find());
        if (at < word.length()) {
            out.append(Readings.of(readingAnalyzer, word.substring(at)));
        }
        return out.toString();
    }

    private Set<String> vocabulary = Set.of();
    private Map<String, String> byOkurigana = Map.of();

    /**
     * Question terms in the corpus's okurigana: 取り組む is the corpus's 取組む, 後れ its 遅れ is not
     * (only the hiragana between kanji differ). Terms the corpus uses are kept as they are.
     */
    public List<String> questionTerms(String normalizedText) {
        return taggedQuestionTerms(normalizedText).stream().map(Tokens.Tagged::term).toList();
    }

    /** {@link #questionTerms} with each term's part of speech. */
    public List<Tokens.Tagged> taggedQuestionTerms(String normalizedText) {
        List<Tokens.Tagged> known = knownBodyTokens(normalizedText);
        List<Tokens.Tagged> terms = known != null ? new java.util.ArrayList<>(known) : Tokens.tagged(body, "body", normalizedText);
        if (byOkurigana.isEmpty()) {
            return terms;
        }
        List<Tokens.Tagged> out = new java.util.ArrayList<>(terms.size());
        for (Tokens.Tagged tagged : terms) {
            String term = tagged.term();
            String corpusSpelling = vocabulary.contains(term) ? null : byOkurigana.get(KanaFolding.fold(term));
            if (corpusSpelling != null && corpusSpelling.equalsIgnoreCase(term)) {
                // the vocabulary holds glossary names as written (ICSCoE…); the index, lower-cased
                corpusSpelling = null;
            }
            out.add(corpusSpelling != null ? new Tokens.Tagged(corpusSpelling, tagged.partOfSpeech()) : tagged);
        }
        return out;
    }

    /** The passages' body tokens from building this analysis, until an index build takes them. */
    private volatile PassageTokens passageTokens;

    /**
     * The body-field tokens of every passage, as the vocabulary pass found them (the same analyzer,
     * dictionary and text as the index's body field), handed over once: the caller owns them, and
     * later calls get null. Null too when another caller took them.
     */
    public PassageTokens takePassageTokens() {
        PassageTokens tokens = passageTokens;
        passageTokens = null;
        return tokens;
    }

    /** Normalised question with known spelling variants replaced by the corpus spelling. */
    public String prepare(String question) {
        String cached = recentPrepared.get(question);
        if (cached != null) {
            return cached;
        }
        String prepared = knownPreparation(question);
        if (prepared == null) {
            prepared = variants.resolve(KanjiNumbers.toDigits(TextNormalizer.normalize(question)));
            Map<String, String> recording = recordedPreparations;
            if (recording != null) {
                recording.putIfAbsent(question, prepared);
            }
        }
        if (RECENT_QUESTIONS > 0) {
            if (recentPrepared.size() >= RECENT_QUESTIONS) {
                recentPrepared.clear();
            }
            recentPrepared.put(question, prepared);
        }
        return prepared;
    }

    /** Recent questions as typed → {@link #prepare prepared} (NFKC, variant resolution): bounded like {@link #question}'s. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> recentPrepared = new java.util.concurrent.ConcurrentHashMap<>();

    public List<String> terms(String normalizedText) {
        List<Tokens.Tagged> known = knownBodyTokens(normalizedText);
        if (known == null) {
            return Tokens.of(body, "body", normalizedText);
        }
        List<String> terms = new java.util.ArrayList<>(known.size());
        known.forEach(t -> terms.add(t.term()));
        return terms;
    }

    /**
     * Body tokens known before they were asked for, by text: from the tables the build ships, while the
     * generation opens (its passages, glossary entries, FAQ examples and cases are all analysed then,
     * and Kuromoji is the cost of it); null once {@link #forgetKnownAnalyses forgotten}, or when none were shipped.
     */
    private volatile Map<String, List<Tokens.Tagged>> knownTokens;
    /** Likewise, {@link #prepare prepared} FAQ examples (variant resolution folds every run of kana), by question. */
    private volatile Map<String, String> knownPreparations;
    /** While the build records what a start analyses ({@link #recordAnalyses}): text → its body tokens. */
    private volatile Map<String, List<Tokens.Tagged>> recordedTokens;
    /** … and question → prepared. */
    private volatile Map<String, String> recordedPreparations;

    private String knownPreparation(String question) {
        Map<String, String> known = knownPreparations;
        return known == null ? null : known.get(question);
    }

    /** The body tokens of {@code text} when known in advance (or being recorded), else null: analyse as usual. */
    private List<Tokens.Tagged> knownBodyTokens(String text) {
        Map<String, List<Tokens.Tagged>> known = knownTokens;
        List<Tokens.Tagged> tokens = known == null ? null : known.get(text);
        if (tokens != null) {
            return tokens;
        }
        Map<String, List<Tokens.Tagged>> recording = recordedTokens;
        if (recording == null) {
            return null;
        }
        tokens = List.copyOf(Tokens.tagged(body, "body", text));
        recording.putIfAbsent(text, tokens);
        return tokens;
    }

    /** The tables' known analyses are no longer looked up (the generation is open): they are let go. */
    public void forgetKnownAnalyses() {
        knownTokens = null;
        knownPreparations = null;
    }

    /** From now on, keeps every text's body tokens and every question prepared: the build, to ship what a start analyses. */
    public void recordAnalyses() {
        recordedTokens = new java.util.concurrent.ConcurrentHashMap<>();
        recordedPreparations = new java.util.concurrent.ConcurrentHashMap<>();
    }

    /** {@code tables} with what was analysed since {@link #recordAnalyses}, to be known in advance by a start. */
    public AnalysisTables withRecordedAnalyses(AnalysisTables tables) {
        Map<String, List<Tokens.Tagged>> tokens = recordedTokens;
        Map<String, String> preparations = recordedPreparations;
        return tables.withKnown(tokens == null ? Map.of() : tokens, preparations == null ? Map.of() : preparations);
    }

    /** Terms of the synonym table's words, analysed once per generation: every question looks some up. */
    private final java.util.concurrent.ConcurrentHashMap<String, List<String>> synonymWordTerms = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #terms} of a word of the synonym table (a key or alternative from {@link #synonymsIn}),
     * cached; the table is fixed for a generation, so the cache is bounded by its size.
     */
    public List<String> synonymWordTerms(String word) {
        List<String> cached = synonymWordTerms.get(word);
        if (cached != null) {
            return cached;
        }
        List<String> terms = List.copyOf(terms(word));
        if (synonymWordTerms.size() < 100_000) {
            synonymWordTerms.putIfAbsent(word, terms);
        }
        return terms;
    }

    /**
     * Everything the answerer takes from a prepared question's text: its terms, the synonym groups
     * found in it ({@link #synonymsIn}, iteration order kept), and, when a search needs them, the
     * bigrams of its text and of its reading. Immutable once made (the bigrams are made at most once
     * per thread that first asks; every thread gets equal lists).
     */
    public final class QuestionAnalysis {
        private final String prepared;
        private final List<String> terms;
        /** {@link #terms}' parts of speech, in the same order (null where unknown). */
        private final List<String> partsOfSpeech;
        private final Map<String, List<String>> synonyms;
        private volatile List<String> bigrams;
        private volatile List<String> readingBigrams;

        private QuestionAnalysis(String prepared) {
            this.prepared = prepared;
            List<Tokens.Tagged> tagged = TextAnalysis.this.taggedQuestionTerms(prepared);
            this.terms = tagged.stream().map(Tokens.Tagged::term).toList();
            this.partsOfSpeech = java.util.Collections.unmodifiableList(tagged.stream().map(Tokens.Tagged::partOfSpeech)
                    .collect(java.util.stream.Collectors.toList()));
            this.synonyms = java.util.Collections.unmodifiableMap(synonymsIn(prepared));
        }

        public List<String> terms() {
            return terms;
        }

        public List<String> partsOfSpeech() {
            return partsOfSpeech;
        }

        public Map<String, List<String>> synonyms() {
            return synonyms;
        }

        public List<String> bigrams() {
            List<String> b = bigrams;
            if (b == null) {
                b = List.copyOf(TextAnalysis.this.bigrams(prepared));
                bigrams = b;
            }
            return b;
        }

        public List<String> readingBigrams() {
            List<String> b = readingBigrams;
            if (b == null) {
                b = List.copyOf(TextAnalysis.this.bigrams(reading(prepared)));
                readingBigrams = b;
            }
            return b;
        }
    }

    /**
     * Recent questions' analyses: staff ask the same questions again and again, and analysis (Kuromoji
     * twice, bigrams twice, the synonym scan) is a fifth of answering one. Bounded; emptied when full.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, QuestionAnalysis> recentQuestions = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many recent questions' analyses are kept: {@code -Dkotae.recentQuestions=N}, 0 for none (to measure without). */
    private static final int RECENT_QUESTIONS = Integer.getInteger("kotae.recentQuestions", 4_096);

    /** {@link QuestionAnalysis} of a {@link #prepare prepared} question, from the recent ones when asked before. */
    public QuestionAnalysis question(String prepared) {
        QuestionAnalysis cached = recentQuestions.get(prepared);
        if (cached != null) {
            return cached;
        }
        QuestionAnalysis analysis = new QuestionAnalysis(prepared);
        if (RECENT_QUESTIONS <= 0) {
            return analysis;
        }
        if (recentQuestions.size() >= RECENT_QUESTIONS) {
            recentQuestions.clear();
        }
        recentQuestions.put(prepared, analysis);
        return analysis;
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
        String foldedWithOkurigana = KanaFolding.foldKeepingOkurigana(normalizedQuestion);
        String latin = " " + stemWords(normalizedQuestion.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ")) + " ";
        Map<String, List<String>> found = new HashMap<>();
        for (SynonymKey entry : synonymKeys) {
            String key = entry.key();
            boolean present = key.startsWith(" ") ? latin.contains(key) : folded.contains(key) || foldedWithOkurigana.contains(key);
            if (present) {
                found.put(entry.word(), entry.alternatives());
            }
        }
        return found;
    }

    /**
     * Latin words are matched as whole words with their spaces ({@code " economic loss "}), since
     * folding drops spaces and AI must not be found inside email. Null for words with other letters.
     */
    private static String latinKey(String word) {
        String lower = TextNormalizer.normalize(word).toLowerCase(Locale.ROOT);
        if (!isAscii(lower)) {
            return null;
        }
        return " " + stemWords(lower.replaceAll("[^a-z0-9]+", " ").strip()) + " ";
    }

    /**
     * English words in the form Lucene's English analysis gives them (possessives dropped, KStem: "leaked"
     * meets the synonym "leak", "case studies" the key "case study"), on both sides of a match.
     */
    static String stemWords(String words) {
        String stripped = words.strip();
        if (stripped.isEmpty()) {
            return "";
        }
        return String.join(" ", Tokens.of(ENGLISH, "latin", stripped));
    }

    /** Whitespace-separated lower-case words through the same English filters as the body field. */
    private static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            org.apache.lucene.analysis.Tokenizer tokenizer = new org.apache.lucene.analysis.core.WhitespaceTokenizer();
            org.apache.lucene.analysis.TokenStream stream = new org.apache.lucene.analysis.LowerCaseFilter(tokenizer);
            stream = new org.apache.lucene.analysis.en.EnglishPossessiveFilter(stream);
            stream = new org.apache.lucene.analysis.en.KStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }


    /** Replaces words typed in another script or spelling by the corpus spelling, when the corpus knows it. */
    static final class VariantResolver {
        private final Map<String, String> byFoldedSpelling;
        /** Lower-cased acronyms the corpus uses (vpn, edr), for letters spelt out in kana (ブイピーエヌ). */
        private final Set<String> acronyms;

        /** A resolver whose tables were made already (shipped: see {@link AnalysisTables}). */
        VariantResolver(Map<String, String> byFoldedSpelling, Set<String> acronyms) {
            this.byFoldedSpelling = byFoldedSpelling;
            this.acronyms = acronyms;
        }

        VariantResolver(Set<String> vocabulary) {
            this(vocabulary, Map.of());
        }

        /**
         * @param byReading folded katakana readings of the corpus's kanji words, so that a word typed
         *                  in kana (ぜいじゃくせい) meets its kanji spelling (脆弱性)
         */
        VariantResolver(Set<String> vocabulary, Map<String, String> byReading) {
            this(new HashMap<>(), new java.util.HashSet<>());
            for (String word : vocabulary) {
                String key = KanaFolding.fold(word);
                if (key.length() >= 2 && hasKana(key)) {
                    byFoldedSpelling.putIfAbsent(key, word);
                }
                if (word.length() >= 2 && word.length() <= 8 && word.chars().allMatch(ch -> ch < 128 && Character.isLetter(ch))) {
                    acronyms.add(word.toLowerCase(Locale.ROOT));
                }
            }
            byReading.forEach(byFoldedSpelling::putIfAbsent);
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
                // A katakana run is letters only as a whole (ブイピーエヌ); in hiragana the particles follow (ぶいぴーえぬとは).
                String acronym = to == end || KanaFolding.isHiragana(text.charAt(start))
                        ? LetterNames.acronym(text.substring(start, to), acronyms) : null;
                if (acronym != null) {
                    out.append(acronym);
                    return to;
                }
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
