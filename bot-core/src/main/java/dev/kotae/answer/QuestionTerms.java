package dev.kotae.answer;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.index.KnowledgeIndex;
import dev.kotae.index.TermIds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * A question after analysis: its distinct content terms with their weights, the synonym
 * alternatives of its words, and the Lucene query built from them. Raw user text never reaches a
 * query parser: every clause is a term the analyzer produced.
 */
@SuppressWarnings("unchecked")
final class QuestionTerms {
    /** A word of the question and the term lists of its other spellings. */
    record Alternatives(Set<String> wordTerms, List<List<String>> alternatives) {}

    /** The question's best FAQ rule and its score, once found (a question is answered on one thread). */
    record FaqBest(Knowledge.FaqEntry entry, double score) {}

    FaqBest faqBest;
    /** The best candidates the search found, described for an explanation (empty when none was searched). */
    List<String> considered = List.of();

    /** The kind of value the question asks for, or null; set by the answerer. */
    AnswerType answerType;
    /** A number in the counter the question counts in (8文字 for 「何文字以上」), or null: the value must be one. */
    java.util.regex.Pattern countAsked;

    /** Whether {@code text} states a value of the kind asked, in the counter asked when one is. */
    boolean valueStatedIn(String text) {
        return answerType.statedIn(text) && (countAsked == null || countAsked.matcher(text).find());
    }
    /** Whether the question asks for steps ({@link Intent#asksProcedure}), worked out once per question. */
    boolean asksProcedure;
    /** Whether the question asks what to do ({@link Intent#asksAdvice}). */
    boolean asksAdvice;
    /** Whether it asks what the thing it describes is called ({@link Intent#asksName}). */
    boolean asksName;
    /** Whether it asks where to start ({@link Intent#asksFirstStep}). */
    boolean asksFirstStep;
    /**
     * Words of an advice question that only say "what to do" (対策, 必要, 気をつける): a source that
     * gives advice covers them, as a source stating 83.5% covers 割合.
     */
    static final Set<String> ADVICE_WORDS = Set.of("対策", "必要", "気", "つける", "付ける", "注意", "重要", "大切", "すべき", "べき",
            "準備", "備え", "備える", "方法", "始める", "手", "心がける", "意識", "優先", "取る", "講じる", "防ぐ", "守る", "施す",
            "countermeasure", "measure", "need", "necessary", "important", "prepare", "start", "first", "protect", "prevent");

    /**
     * Words a question asks with, about whatever its story told (「どういう手順でやればいい?」
     * 「どういう取組みをすれば?」): alone in the focus they leave the story to say what it is about.
     */
    private static final Set<String> ASKING_WORDS = Set.of("手順", "検討", "取組む", "取り組む", "取組み", "取り組み", "取組", "進め方", "やり方",
            "面", "点", "こと", "もの", "仕組み", "what", "how", "do", "should");
    /**
     * Below this rarity a word is the corpus's own subject (セキュリティ, 対策, IT in a seminar on IT
     * security): alone in the focus it does not say which part of it a story's question is about.
     */
    private static final double TOPICAL_IDF = 2.5;
    /** The most a story's words weigh together, as a share of the question's own words. */
    private static final double STORY_SHARE = Double.parseDouble(System.getProperty("kotae.storyShare", "0.5"));

    /**
     * 「これって何という攻撃ですか」「同じような状況を解決した事例は?」, "what is this called": the
     * question points back at the story (asks the name of what it describes, or for a case like it),
     * so the story is what it is about.
     */
    private static final java.util.regex.Pattern REFERS_TO_STORY = java.util.regex.Pattern.compile(
            "(?:何|なん)(?:という|て(?:いう|言う)|と(?:いう|言う|呼ぶ|呼ばれ))|(?:^|[、。])(?:その|この|そういった|こういった)(?:間|時|後|場合|件|状態|状況|とき|ような)|(?:これ|それ(?!ぞれ)|こういう|そういう|この|その)[^、。?？]{0,8}?(?:って|は|を)?(?:何|なに|なん)|名前|呼び方|用語"
            + "|同じ(?:ような|様な)?|似た(?:ような)?|同様の|こういう|そういう|このような|そのような|こういった|そういった|うちみたいな|うちのような"
            + "|what (?:is|are) (?:this|that|it|these) called|what do you call|the (?:name|term) for|(?:a )?similar|the same (?:situation|problem|case)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A story that says what is wanted or what troubles the asker: the question asks how to meet it. */
    private static final java.util.regex.Pattern STATES_NEED = java.util.regex.Pattern.compile(
            "たい|探して|探す|求めて|ないように|ないよう|困(?:って|る)|悩(?:んで|む)|不安|心配|大変|面倒|手間|しんどい|きつい|時間が(?:かか|掛か)|足りな|防(?:ぎ|ぐ)"
            + "|\\b(?:want|need|worried|struggl|problem|trouble|hard to|too much|looking for)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The focus's place names (ドイツ, 大阪, 九州: Kuromoji's 固有名詞-地域): a source about another place
     * does not answer — the share of companies doing DX in Germany is not Japan's.
     */
    final List<String> places;

    /** How much a word of the story counts beside a word of the question itself. */
    static final double CONTEXT_WEIGHT = 0.3;
    /**
     * Whether the story tells of another company (「…したところがあるらしい」「取引先が…したらしい」) and
     * the focus asks how it went (成果, 流れ, どうやって): a case described by its situation.
     */
    final boolean storyTellsACase;
    private static final java.util.regex.Pattern TELLS_OF_A_COMPANY = java.util.regex.Pattern.compile(
            "(?:ところ|会社|企業|農家|工場|業者|法人|メーカー)(?:が|も)(?:ある|あった)|らしい|取引先が|同業(?:他社)?(?:が|の)|他社が|知り合いの(?:会社|社長)"
            + "|\\b(?:a|another|one) (?:company|firm|farm|manufacturer|business)\\b");
    private static final java.util.regex.Pattern ASKS_HOW_IT_WENT = java.util.regex.Pattern.compile(
            "成果|結果|効果|流れ|経緯|どうなった|どうやって|どうした|何をした|なにをした|取り?組み|やり方|\\b(?:results?|outcome|how did)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    /** Whether a story was told and it, not the focus, says what the question is about. */
    final boolean storyIsTopic;
    /** How much a word of the story counts in the search: {@link #CONTEXT_WEIGHT}, or fully when the story is what is asked about. */
    private final double storyBoost;
    /** The first {@code focusTermCount} of {@link #terms} are the focus's; the rest the context's. */
    final int focusTermCount;

    /** Lucene refuses more than 1,024 clauses; a question never needs this many. */
    private static final int MAX_TERMS = 64;
    private static final int MAX_BIGRAMS = 128;
    private static final float FALLBACK_BOOST = 0.15f;

    final String prepared;
    final List<String> terms;
    /** {@link #terms} as a set, for membership tests. */
    final Set<String> termSet;
    final double[] weights;
    /** {@link #terms}' ids ({@link TermIds#UNKNOWN} for a term the generation does not have). */
    private final int[] termIds;
    /** For each of {@link #terms}, the ids of the terms sharing a telling kanji with it ({@link dev.kotae.index.SharedKanji}). */
    private final int[][] kinIds;
    /** How much a term counts as covered when the document only has a word sharing a telling kanji with it. */
    static final double KIN_CREDIT = 0.3;
    /** {@link #terms}' ids, sorted, unknown ones left out: for "does the question have this term". */
    final int[] termIdSet;
    final List<Alternatives> synonyms;
    private final TextAnalysis analysis;
    private final TextAnalysis.QuestionAnalysis question;
    private final KnowledgeIndex index;

    QuestionTerms(String prepared, TextAnalysis analysis, KnowledgeIndex index) {
        this(prepared, "", analysis, index);
    }

    /**
     * @param prepared the focus of the question ({@link Phrasing.Framed#focus}), prepared
     * @param context  its story and reason clauses, prepared, or empty: their words the corpus knows
     *                 help find a source and count a little toward covering the question
     */
    QuestionTerms(String prepared, String context, TextAnalysis analysis, KnowledgeIndex index) {
        this.prepared = prepared;
        this.analysis = analysis;
        this.index = index;
        this.question = analysis.question(prepared);
        TextAnalysis.QuestionAnalysis story = context.isBlank() ? null : analysis.question(context);
        List<String> all = new ArrayList<>();
        List<Double> weightList = new ArrayList<>();
        java.util.Map<String, String> posByTerm = new java.util.HashMap<>();
        List<String> focusTerms = question.terms();
        for (int i = 0; i < focusTerms.size(); i++) {
            posByTerm.putIfAbsent(focusTerms.get(i), question.partsOfSpeech().get(i));
        }
        boolean focusKnowsTopic = false;
        for (String term : new LinkedHashSet<>(focusTerms)) {
            if (all.size() >= MAX_TERMS) {
                break;
            }
            if (TermRoles.isManner(term) || TermRoles.isFunctional(posByTerm.get(term))) {
                continue;
            }
            double weight = TermRoles.weight(term, posByTerm.get(term), index, prepared);
            focusKnowsTopic |= index.knows(term) && weight >= TOPICAL_IDF && !ADVICE_WORDS.contains(term) && !ASKING_WORDS.contains(term);
            all.add(term);
            weightList.add(weight);
        }
        this.focusTermCount = all.size();
        List<String> placeTerms = new ArrayList<>();
        for (int i = 0; i < focusTermCount; i++) {
            String pos = posByTerm.get(all.get(i));
            if (pos != null && pos.startsWith("名詞-固有名詞-地域")) {
                placeTerms.add(all.get(i));
            }
        }
        this.places = List.copyOf(placeTerms);
        // Told before a question that names its own topic, a story only says where it comes from.
        // A story that states a need (「…を防ぎたい」「…で困っている」) before asking for a means (「何を入れれば」
        // 「いい製品はない?」) is what the question is about, however topical the asking words sound.
        boolean storyStatesNeed = STATES_NEED.matcher(context).find() && Intent.asksAdvice(prepared);
        this.storyTellsACase = TELLS_OF_A_COMPANY.matcher(context).find() && ASKS_HOW_IT_WENT.matcher(prepared).find();
        boolean storyIsBackground = focusKnowsTopic && !REFERS_TO_STORY.matcher(prepared).find() && !storyStatesNeed && !storyTellsACase;
        this.storyBoost = storyIsBackground ? CONTEXT_WEIGHT : 1.0;
        this.storyIsTopic = story != null && !storyIsBackground;
        if (story != null) {
            // Told before the question, these words say where it comes from; when the focus itself
            // names nothing the corpus knows (「これって何という攻撃ですか」), they are what it is about.
            Set<String> storyPlaces = new java.util.HashSet<>();
            for (int i = 0; i < story.terms().size(); i++) {
                String pos = story.partsOfSpeech().get(i);
                if (pos != null && pos.startsWith("名詞-固有名詞-地域")) {
                    storyPlaces.add(story.terms().get(i));
                }
            }
            for (String term : new LinkedHashSet<>(story.terms())) {
                if (all.size() >= MAX_TERMS) {
                    break;
                }
                // a place the story names (愛媛の取引先が…) may name a case's region, told as 愛媛県
                if (all.contains(term) || (!index.knows(term) && !storyPlaces.contains(term)) || TermRoles.isManner(term)) {
                    continue;
                }
                all.add(term);
                weightList.add(storyBoost * index.idf(term));
            }
        }
        if (story != null && storyIsBackground) {
            // However long the story, it only says where the question comes from: all its words
            // together weigh at most half as much as the question's own.
            double focusSum = 0;
            double storySum = 0;
            for (int i = 0; i < weightList.size(); i++) {
                if (i < focusTermCount) {
                    focusSum += weightList.get(i);
                } else {
                    storySum += weightList.get(i);
                }
            }
            if (storySum > STORY_SHARE * focusSum) {
                double scale = STORY_SHARE * focusSum / storySum;
                for (int i = focusTermCount; i < weightList.size(); i++) {
                    weightList.set(i, weightList.get(i) * scale);
                }
            }
        }
        this.terms = List.copyOf(all);
        this.termSet = new java.util.HashSet<>(terms);
        this.weights = new double[terms.size()];
        TermIds ids = index.termIds();
        this.termIds = new int[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            weights[i] = weightList.get(i);
            termIds[i] = ids.id(terms.get(i));
        }
        this.termIdSet = known(termIds);
        this.kinIds = new int[terms.size()][];
        for (int i = 0; i < terms.size(); i++) {
            kinIds[i] = index.sharedKanji().kin(terms.get(i), termIds[i]);
        }
        List<Alternatives> found = new ArrayList<>();
        Map<String, List<String>> synonymsFound = new java.util.LinkedHashMap<>(question.synonyms());
        if (story != null) {
            story.synonyms().forEach(synonymsFound::putIfAbsent);
        }
        for (Map.Entry<String, List<String>> e : synonymsFound.entrySet()) {
            Set<String> wordTerms = new LinkedHashSet<>(analysis.synonymWordTerms(e.getKey()));
            // Alone, a word may analyse otherwise than inside the question (漏れ alone is the verb 漏れる,
            // in 「情報漏れの件」 a noun): the question's terms spelt inside the word are its terms too.
            String word = dev.kotae.analysis.KanaFolding.fold(e.getKey());
            for (String term : terms) {
                if (term.length() >= 2 && word.contains(dev.kotae.analysis.KanaFolding.fold(term))) {
                    wordTerms.add(term);
                }
            }
            List<List<String>> alternatives = new ArrayList<>();
            for (String alternative : e.getValue()) {
                List<String> altTerms = analysis.synonymWordTerms(alternative);
                if (!altTerms.isEmpty()) {
                    alternatives.add(altTerms);
                }
            }
            if (!wordTerms.isEmpty() && !alternatives.isEmpty()) {
                found.add(new Alternatives(wordTerms, alternatives));
            }
        }
        this.synonyms = found;
        this.alternativesOfTerm = new int[terms.size()][][];
        for (int i = 0; i < terms.size(); i++) {
            List<int[]> mine = new ArrayList<>();
            for (Alternatives group : found) {
                if (group.wordTerms().contains(terms.get(i))) {
                    for (List<String> alternative : group.alternatives()) {
                        int[] altIds = new int[alternative.size()];
                        for (int j = 0; j < altIds.length; j++) {
                            altIds[j] = ids.id(alternative.get(j));
                        }
                        mine.add(altIds);
                    }
                }
            }
            alternativesOfTerm[i] = mine.toArray(int[][]::new);
        }
        // A word the documents never use but whose synonym they do (japan → 日本, protect → 守る) means
        // that synonym: it weighs what the synonym weighs, not what a word unknown to them would.
        for (int i = 0; i < focusTermCount; i++) {
            if (!index.knows(terms.get(i))) {
                double meant = meantWeight(found, terms.get(i));
                if (meant > 0) {
                    weights[i] = Math.min(weights[i], meant);
                }
            }
        }
        Set<String> anyAlternative = new java.util.HashSet<>();
        for (Alternatives group : found) {
            group.alternatives().forEach(anyAlternative::addAll);
        }
        this.alternativeTerms = anyAlternative;
        int[] alternativeIds = new int[anyAlternative.size()];
        int n = 0;
        for (String t : anyAlternative) {
            alternativeIds[n++] = ids.id(t);
        }
        this.alternativeIdSet = known(alternativeIds);
    }

    /** The largest mean rarity of a known spelling among the synonyms of {@code term}, or 0 when it has none. */
    private double meantWeight(List<Alternatives> groups, String term) {
        double best = 0;
        for (Alternatives group : groups) {
            if (!group.wordTerms().contains(term)) {
                continue;
            }
            for (List<String> alternative : group.alternatives()) {
                if (alternative.stream().allMatch(index::knows)) {
                    best = Math.max(best, alternative.stream().mapToDouble(index::idf).average().orElse(0));
                }
            }
        }
        return best;
    }

    /**
     * The terms a question is about, as a question is read: its focus ({@link Phrasing}), without the
     * words that say how it is asked. FAQ examples are read so, to meet questions on the same terms.
     */
    static Set<String> topicTerms(TextAnalysis analysis, String question) {
        String focus = Phrasing.frame(dev.kotae.analysis.TextNormalizer.normalize(question)).focus();
        Set<String> terms = new LinkedHashSet<>();
        for (dev.kotae.analysis.Tokens.Tagged t : analysis.taggedQuestionTerms(analysis.prepare(focus))) {
            if (!TermRoles.isManner(t.term()) && !TermRoles.isFunctional(t.partOfSpeech())) {
                terms.add(t.term());
            }
        }
        return terms;
    }

    /** The known ids among {@code ids}, sorted and distinct. */
    private static int[] known(int[] ids) {
        return java.util.Arrays.stream(ids).filter(id -> id >= 0).sorted().distinct().toArray();
    }

    /**
     * For each of {@link #terms}, the term ids of the synonyms that stand for it, in group order (an
     * alternative with an unknown term is in no document).
     */
    private final int[][][] alternativesOfTerm;
    /** Every term of every synonym alternative of the question. */
    final Set<String> alternativeTerms;
    /** {@link #alternativeTerms}' known ids, sorted. */
    final int[] alternativeIdSet;

    /** The weight of one of the question's terms (0 for a term it does not have). */
    double weight(String term) {
        int i = terms.indexOf(term);
        return i < 0 ? 0 : weights[i];
    }

    /** The summed weight of all the question's terms. */
    double totalWeight() {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        return total;
    }

    boolean knows(String term) {
        return index.knows(term);
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /**
     * How much of the question {@code docTerms} covers, 0–1, each term weighted by its rarity. A term
     * counts as covered when the document has it or has every term of one of its synonyms.
     */
    double coverage(int[] docTerms) {
        return coverage(docTerms, Set.of());
    }

    /** {@link #coverage(int[])}, counting the question's terms in {@code alsoCovered} as covered too. */
    double coverage(int[] docTerms, Set<String> alsoCovered) {
        return coverage(docTerms, alsoCovered, Set.of());
    }

    /** {@link #coverage(int[], Set)}, leaving the question's terms in {@code ignored} out altogether. */
    double coverage(int[] docTerms, Set<String> alsoCovered, Set<String> ignored) {
        double total = 0;
        double covered = 0;
        for (int i = 0; i < termIds.length; i++) {
            if (ignored.contains(terms.get(i))) {
                continue;
            }
            total += weights[i];
            if (covers(docTerms, i) || alsoCovered.contains(terms.get(i))) {
                covered += weights[i];
            } else if (TermIds.intersects(docTerms, kinIds[i])) {
                covered += KIN_CREDIT * weights[i];
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    /**
     * {@link #covers(Set, String)} for the question's own {@code i}-th term, with its synonyms looked up
     * in advance, over a document's sorted term ids.
     */
    private boolean covers(int[] docTerms, int i) {
        if (TermIds.contains(docTerms, termIds[i])) {
            return true;
        }
        for (int[] alternative : alternativesOfTerm[i]) {
            if (containsAll(docTerms, alternative)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAll(int[] docTerms, int[] ids) {
        for (int id : ids) {
            if (!TermIds.contains(docTerms, id)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #covers(Set, String)} over a document's sorted term ids. */
    boolean covers(int[] docTerms, String term) {
        int i = terms.indexOf(term);
        return i >= 0 ? covers(docTerms, i) : TermIds.contains(docTerms, index.termIds().id(term));
    }

    boolean covers(Set<String> docTerms, String term) {
        if (docTerms.contains(term)) {
            return true;
        }
        for (Alternatives group : synonyms) {
            if (group.wordTerms().contains(term)) {
                for (List<String> alternative : group.alternatives()) {
                    if (docTerms.containsAll(alternative)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Body and title terms, synonym alternatives, and the reading and bigram fallbacks. */
    Query query() {
        // Terms no document has are left out: their clauses would match and score nothing.
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            float boost = i < focusTermCount ? 1f : (float) storyBoost;
            Query body = index.termQueryIfIndexed(KnowledgeIndex.BODY, term);
            if (body != null) {
                query.add(boost == 1f ? body : new BoostQuery(body, boost), BooleanClause.Occur.SHOULD);
            }
            Query title = index.termQueryIfIndexed(KnowledgeIndex.TITLE, term);
            if (title != null) {
                query.add(new BoostQuery(title, 0.5f * boost), BooleanClause.Occur.SHOULD);
            }
        }
        for (Alternatives group : synonyms) {
            alternatives:
            for (List<String> alternative : group.alternatives().stream().limit(8).toList()) {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                for (String t : alternative) {
                    Query q = index.termQueryIfIndexed(KnowledgeIndex.BODY, t);
                    if (q == null) {
                        continue alternatives; // a required term no document has: the alternative matches nothing
                    }
                    all.add(q, BooleanClause.Occur.MUST);
                }
                query.add(new BoostQuery(all.build(), 0.8f), BooleanClause.Occur.SHOULD);
            }
        }
        // The fallback clauses sit beside the others, each boosted (not nested in one boosted
        // disjunction): Lucene's max-score pruning then sees each bigram's own maximum and skips the
        // postings of common ones (セキ, キュ…) once they cannot lift a document into the top.
        for (String bigram : new LinkedHashSet<>(question.bigrams()).stream().limit(MAX_BIGRAMS).toList()) {
            Query q = index.termQueryIfIndexed(KnowledgeIndex.BIGRAM, bigram);
            if (q != null) {
                query.add(new BoostQuery(q, FALLBACK_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        for (String bigram : new LinkedHashSet<>(question.readingBigrams()).stream().limit(MAX_BIGRAMS).toList()) {
            Query q = index.termQueryIfIndexed(KnowledgeIndex.READING, bigram);
            if (q != null) {
                query.add(new BoostQuery(q, FALLBACK_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }
}
