package dev.kotae.answer;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.analysis.TextNormalizer;
import dev.kotae.corpus.CasePart;
import dev.kotae.corpus.CaseStudy;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.FaqPattern;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.Section;
import dev.kotae.index.KnowledgeIndex;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.store.Directory;

/**
 * One generation of what Kotae knows: the corpus, its analysis chain, its index, and the look-up
 * structures derived from them. Immutable; answering from it is thread-safe.
 */
public final class Knowledge implements Closeable {
    /** Words that describe each case theme, so 「守りのIT投資の事例」 finds the 守り cases. */
    private static final Map<String, String> THEME_WORDS = Map.of(
            "守り", "守りのIT投資 デジタルオプティマイゼーション 業務効率化 コスト削減",
            "攻め", "攻めのIT投資 デジタルトランスフォーメーション DX ビジネスモデル",
            "次世代技術", "次世代技術 デジタル技術 AI IoT クラウドサービス DX",
            "インシデント", "インシデント 被害 サイバー攻撃 情報漏えい セキュリティ");

    /**
     * A rule, its examples, its compiled patterns, and its answer's terms ({@code answerIds} their sorted
     * ids); whether an example asks for steps, and whether the rule gives steps (such an example, or an
     * answer that speaks of them), worked out once instead of for every procedure question.
     */
    record FaqEntry(FaqRule rule, List<FaqExample> examples, List<FaqPattern> patterns, Set<String> answerTerms, int[] answerIds,
                    boolean askedForSteps, boolean givesSteps, boolean givesAdvice) {}

    /**
     * An example question's analysed terms (as sorted ids, and in the set's iteration order) with their
     * idf weights (in that order) and their sum: fixed for a generation, so computed once instead of
     * for every question.
     */
    record FaqExample(Set<String> terms, int[] ids, int[] orderIds, double[] weights, double total) {
        static FaqExample of(Set<String> terms, KnowledgeIndex index) {
            String[] order = terms.toArray(String[]::new);
            int[] ids = index.termIds().add(terms);
            int[] orderIds = new int[order.length];
            double[] weights = new double[order.length];
            double total = 0;
            for (int i = 0; i < order.length; i++) {
                weights[i] = index.idf(order[i]);
                orderIds[i] = index.termIds().id(order[i]);
                total += weights[i];
            }
            return new FaqExample(terms, ids, orderIds, weights, total);
        }
    }

    final Corpus corpus;
    final TextAnalysis analysis;
    final KnowledgeIndex index;
    final GlossaryLookup glossary;
    final List<FaqEntry> faq;
    final List<Set<String>> caseTerms;
    /** {@link #caseTerms} as sorted term ids, for {@link QuestionTerms#coverage(int[])}. */
    final List<int[]> caseTermIds;
    /** Per case, the terms of what it is about (title, organisation, place, industry, problem): ties between cases go to the one whose headline has the word. */
    final List<Set<String>> caseHeadlineTerms;
    final Map<String, Section> sections;
    /** Term id → the FAQ examples (numbered across rules, in order) that have it; null for none. */
    private final java.util.BitSet[] faqExamplesByTerm;
    /** Term id → the FAQ rules (by position) whose answer has it; null for none. */
    private final java.util.BitSet[] faqAnswersByTerm;
    /** Section id → the text of its first text passage, for FAQ citations (was a scan of every passage per citation). */
    final Map<String, String> firstTextPassage;
    /** {@code doc:FILE#heading}-style FAQ citation keys → the first passage each names. */
    final Map<String, dev.kotae.corpus.Passage> documentPassages;
    /**
     * Passages that point elsewhere rather than say something: a signpost (「ここでは…について説明しました」)
     * or a figure's caption and source line without the figure. Known once, not per question.
     */
    final java.util.BitSet pointsElsewhere;
    private static final Pattern SIGNPOST = Pattern.compile(
            "(?:ここでは|本章では|この章では|本節では|この節では|本書では|本講座では)[^。]{0,200}?(?:説明|解説|紹介|述べ)(?:しました|します|していきます|てきました)");
    private static final Pattern CAPTION = Pattern.compile("^[^。\\n]{0,60}[(（]出典[)）][^。]{0,80}$");
    /**
     * Passages that say what to do: an instruction (〜してください, 〜しましょう), what matters (〜が重要,
     * 〜が必要), measures (対策, 対応策) or steps. Known once, not per question. 「想定すべきリスク」 names
     * risks to expect, not what to do about them.
     */
    final java.util.BitSet givesAdvice;
    static final Pattern ADVICE_GIVEN = Pattern.compile(
            "(?:て|で)(?:ください|下さい)|(?:しょう|ましょう)(?:。|$)|(?:が|は|も)(?:重要|大切|必要|不可欠|求められ|有効|効果的)|必要が(?:あり|ある)|べき(?![^。\\n]{0,10}(?:リスク|脅威|課題))|心が(?:け|ける)"
            + "|対策|対応策|解決策|ポイント|推奨|手順|ステップ|STEP|まずは|第一に|(?:こと|ように)が(?:重要|大切|必要|望まし)|(?:しない|させない)ように|防ぐ|備え");
    /**
     * Glossary entries that name a means — a plan, a function, a service, a practice (BCP, スクリーンロック,
     * お助け隊サービス制度) — rather than a threat or an idea: what to do can be "use this", so an advice
     * question described in everyday words (「席を外したときに触られないように」) may be answered by one.
     */
    private static final Pattern MEASURE_NAMED = Pattern.compile(
            "(?:ため|よう)の(?:機能|仕組み|手法|計画|取組み|プロセス|製品|サービス|システム|方針)|(?:防ぐ|防止|保護|守る)|仕組み|機能を|手法|制度|取組み|対策の|製品");
    final java.util.BitSet namesMeasure;
    final String fingerprint;

    private static final Pattern AGENDA_ITEM = Pattern.compile("\\s*第\\s*\\d+\\s*回");

    private static boolean isFirstSlide(String page) {
        return page != null && page.replaceAll("\\D+", "").equals("1");
    }

    /** A programme (第1回 …, 第2回 …): it names the topics of sessions, others explain them. */
    static boolean isAgenda(String text) {
        var m = AGENDA_ITEM.matcher(text);
        int items = 0;
        while (m.find() && items < 3) {
            items++;
        }
        return items >= 3;
    }

    private Knowledge(Corpus corpus, TextAnalysis analysis, KnowledgeIndex index, String fingerprint) {
        this.corpus = corpus;
        this.analysis = analysis;
        this.index = index;
        this.fingerprint = fingerprint;
        analysis.takePassageTokens(); // an index that was reopened, not built, leaves them: let them go
        this.glossary = new GlossaryLookup(corpus.glossary(), analysis.synonyms());
        this.faq = new ArrayList<>();
        for (FaqRule rule : corpus.faq()) {
            List<FaqExample> examples = rule.questions().stream()
                    .map(q -> FaqExample.of(new HashSet<>(QuestionTerms.topicTerms(analysis, q)), index)).toList();
            List<FaqPattern> patterns = rule.patterns().stream().map(FaqPattern::compile).toList();
            Set<String> answerTerms = new HashSet<>(analysis.terms(TextNormalizer.normalize(rule.answer())));
            boolean askedForSteps = rule.questions().stream().anyMatch(Intent::asksProcedure);
            faq.add(new FaqEntry(rule, examples, patterns, answerTerms, index.termIds().add(answerTerms), askedForSteps,
                    askedForSteps || Answerer.PROCEDURAL.matcher(rule.answer()).find(),
                    rule.questions().stream().anyMatch(Intent::asksAdvice) || ADVICE_GIVEN.matcher(rule.answer()).find()));
        }
        this.faqExamplesByTerm = new java.util.BitSet[index.termIds().size()];
        this.faqAnswersByTerm = new java.util.BitSet[index.termIds().size()];
        int numbered = 0;
        for (int r = 0; r < faq.size(); r++) {
            FaqEntry entry = faq.get(r);
            for (FaqExample example : entry.examples()) {
                for (int id : example.ids()) {
                    if (faqExamplesByTerm[id] == null) {
                        faqExamplesByTerm[id] = new java.util.BitSet();
                    }
                    faqExamplesByTerm[id].set(numbered);
                }
                numbered++;
            }
            for (int id : entry.answerIds()) {
                if (faqAnswersByTerm[id] == null) {
                    faqAnswersByTerm[id] = new java.util.BitSet();
                }
                faqAnswersByTerm[id].set(r);
            }
        }
        this.caseTerms = new ArrayList<>();
        this.caseTermIds = new ArrayList<>();
        this.caseHeadlineTerms = new ArrayList<>();
        for (CaseStudy c : corpus.cases()) {
            StringBuilder headline = new StringBuilder();
            headline.append(c.title()).append(' ').append(nz(c.organisation())).append(' ').append(nz(c.region()))
                    .append(' ').append(nz(c.industry()));
            c.parts().stream().filter(p -> p.label().equals("課題") || p.label().equals("概要")).findFirst()
                    .ifPresent(p -> headline.append(' ').append(p.text()));
            caseHeadlineTerms.add(new HashSet<>(analysis.terms(TextNormalizer.normalize(headline.toString()))));
            StringBuilder text = new StringBuilder();
            text.append(c.title()).append(' ').append(nz(c.organisation())).append(' ').append(nz(c.region()))
                    .append(' ').append(nz(c.industry())).append(' ').append(THEME_WORDS.getOrDefault(c.theme(), nz(c.theme())));
            for (CasePart part : c.parts()) {
                text.append(' ').append(part.text());
            }
            Set<String> terms = new HashSet<>(analysis.terms(TextNormalizer.normalize(text.toString())));
            caseTerms.add(terms);
            caseTermIds.add(index.termIds().add(terms));
        }
        this.sections = new HashMap<>();
        this.firstTextPassage = new HashMap<>();
        this.documentPassages = new HashMap<>();
        for (dev.kotae.corpus.Passage p : corpus.passages()) {
            for (String key : dev.kotae.corpus.DocumentCitations.keysOf(p)) {
                documentPassages.putIfAbsent(key, p);
            }
        }
        this.namesMeasure = new java.util.BitSet(corpus.glossary().size());
        for (int i = 0; i < corpus.glossary().size(); i++) {
            namesMeasure.set(i, MEASURE_NAMED.matcher(corpus.glossary().get(i).definition()).find());
        }
        this.pointsElsewhere = new java.util.BitSet(corpus.passages().size());
        this.givesAdvice = new java.util.BitSet(corpus.passages().size());
        for (int i = 0; i < corpus.passages().size(); i++) {
            String text = corpus.passages().get(i).text();
            pointsElsewhere.set(i, SIGNPOST.matcher(text).find() || CAPTION.matcher(text).find() || isAgenda(text));
            givesAdvice.set(i, ADVICE_GIVEN.matcher(text).find());
        }
        // A programme laid out as a table comes one row per passage: the slide or page as a whole is the agenda.
        Map<String, Integer> agendaRows = new HashMap<>();
        for (dev.kotae.corpus.Passage p : corpus.passages()) {
            if (AGENDA_ITEM.matcher(p.text()).lookingAt()) {
                agendaRows.merge(p.doc() + "|" + p.page(), 1, Integer::sum);
            }
        }
        // A deck's cover (its first slide, and any slide that repeats it) names the seminar, not a topic.
        Map<String, String> covers = new HashMap<>();
        for (dev.kotae.corpus.Passage p : corpus.passages()) {
            if (p.source() == dev.kotae.corpus.SourceKind.SLIDES && isFirstSlide(p.page())) {
                covers.merge(p.doc(), TextNormalizer.normalize(p.text()), (a, b) -> a + "\n" + b);
            }
        }
        for (int i = 0; i < corpus.passages().size(); i++) {
            dev.kotae.corpus.Passage p = corpus.passages().get(i);
            String cover = p.source() == dev.kotae.corpus.SourceKind.SLIDES ? covers.get(p.doc()) : null;
            if (agendaRows.getOrDefault(p.doc() + "|" + p.page(), 0) >= 3
                    || (cover != null && cover.contains(TextNormalizer.normalize(p.text())))) {
                pointsElsewhere.set(i);
            }
        }
        for (dev.kotae.corpus.Passage p : corpus.passages()) {
            if (p.sectionId() != null && p.source() == dev.kotae.corpus.SourceKind.TEXT) {
                firstTextPassage.putIfAbsent(p.sectionId(), p.text());
            }
        }
        corpus.sections().forEach(s -> {
            if (s.id() != null) {
                sections.putIfAbsent(s.id(), s);
            }
        });
    }

    /**
     * The FAQ examples (numbered across rules, in order) that have at least one of these term ids:
     * an example sharing none scores 0 by similarity, so only these need scoring.
     */
    java.util.BitSet faqExamplesSharing(int[] ids, int[] moreIds) {
        return sharing(faqExamplesByTerm, ids, moreIds);
    }

    /** The FAQ rules whose answer has at least one of these term ids (the others' answers cover nothing). */
    java.util.BitSet faqAnswersSharing(int[] ids, int[] moreIds) {
        return sharing(faqAnswersByTerm, ids, moreIds);
    }

    private static java.util.BitSet sharing(java.util.BitSet[] byTerm, int[] ids, int[] moreIds) {
        java.util.BitSet found = new java.util.BitSet();
        for (int[] list : new int[][] {ids, moreIds}) {
            for (int id : list) {
                if (id >= 0 && id < byTerm.length && byTerm[id] != null) {
                    found.or(byTerm[id]);
                }
            }
        }
        return found;
    }

    /** Builds a generation in memory. */
    public static Knowledge build(Corpus corpus) {
        TextAnalysis analysis = TextAnalysis.forCorpus(corpus);
        return new Knowledge(corpus, analysis, KnowledgeIndex.build(corpus, analysis), Fingerprints.of(corpus));
    }

    /** A generation whose index lives in {@code directory}: reused when built from this corpus, else rebuilt there. */
    public static Knowledge openOrBuild(Corpus corpus, Directory directory) {
        TextAnalysis analysis = TextAnalysis.forCorpus(corpus);
        String fingerprint = Fingerprints.of(corpus);
        return new Knowledge(corpus, analysis, KnowledgeIndex.openOrBuild(corpus, analysis, directory, fingerprint), fingerprint);
    }

    /** Builds a generation into {@code directory}, replacing what was there. */
    public static Knowledge buildInto(Corpus corpus, Directory directory) {
        TextAnalysis analysis = TextAnalysis.forCorpus(corpus);
        String fingerprint = Fingerprints.of(corpus);
        return new Knowledge(corpus, analysis, KnowledgeIndex.build(corpus, analysis, directory, fingerprint), fingerprint);
    }

    /** Opens a generation written earlier; fails if its index is corrupt or from another corpus. */
    public static Knowledge openVerified(Corpus corpus, Directory directory) throws IOException {
        String fingerprint = Fingerprints.of(corpus);
        // Before the analysis chain, the costly part: an index from another corpus or build is rebuilt anyway.
        KnowledgeIndex.requireStamp(directory, fingerprint);
        TextAnalysis analysis = TextAnalysis.forCorpus(corpus);
        return new Knowledge(corpus, analysis, KnowledgeIndex.openVerified(corpus, analysis, directory, fingerprint), fingerprint);
    }

    /**
     * {@link #openVerified(Corpus, Directory)} with the analysis chain made already and the corpus's
     * fingerprint known: the embedded corpus's, from the tables the build ships beside its index
     * ({@code EmbeddedIndex}), so a start neither analyses nor digests the corpus again.
     */
    public static Knowledge openVerified(Corpus corpus, TextAnalysis analysis, String fingerprint, Directory directory)
            throws IOException {
        return new Knowledge(corpus, analysis, KnowledgeIndex.openVerified(corpus, analysis, directory, fingerprint), fingerprint);
    }

    /** Answers a question from this generation alone, for checks before it is put in service. */
    public Answer answer(String question) {
        return new Answerer(AnswerSettings.defaults()).answer(this, Question.of(question));
    }

    public Corpus corpus() {
        return corpus;
    }

    public String fingerprint() {
        return fingerprint;
    }

    static String themeName(String theme) {
        return switch (theme == null ? "" : theme) {
            case "守り" -> "守りのIT投資";
            case "攻め" -> "攻めのIT投資";
            case "次世代技術" -> "次世代技術の活用";
            case "インシデント" -> "セキュリティインシデント";
            default -> theme == null ? "" : theme;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
