package dev.kotae.answer;

import dev.kotae.analysis.TextNormalizer;
import dev.kotae.corpus.CasePart;
import dev.kotae.corpus.CaseStudy;
import dev.kotae.corpus.Document;
import dev.kotae.corpus.FaqPattern;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import dev.kotae.corpus.Section;
import dev.kotae.corpus.Slide;
import dev.kotae.index.KnowledgeIndex;
import dev.kotae.index.KnowledgeIndex.Hit;
import dev.kotae.index.TermIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a question into an answer from one {@link Knowledge} generation: recognise the intent, then
 * try the glossary, the FAQ rules, the case studies and the passages, and say "none" honestly when
 * nothing covers the question well enough. Thread-safe; its only state is a counter for the health view.
 */
public final class Answerer {
    private static final Set<String> CASE_WORDS = Set.of("事例", "実例", "要約", "まとめる", "まとめ", "紹介", "教える",
            "見せる", "一覧", "概要", "詳細", "case", "study", "studies", "summary", "summarize", "summarise",
            "ケーススタディ", "導入例", "取組", "取り組み", "取組み", "例", "ケース", "話", "成功例", "活用例", "失敗例", "被害例",
            "example", "examples", "story", "stories");
    private static final Pattern WORDS = Pattern.compile("[\\p{IsKatakana}ー]{3,}|[A-Za-z][A-Za-z0-9.-]{2,}|[\\p{IsHan}\\p{IsHiragana}]{3,}");
    private static final int SNIPPET = 120;
    /** Below {@link #FAQ_CAP}: a rule's answer alone never answers before the search; its examples may. */
    private static final double ANSWER_TEXT_WEIGHT = 0.7;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Answerer.class);

    private final AnswerSettings settings;
    private final java.util.concurrent.atomic.LongAdder patternsOverBudget = new java.util.concurrent.atomic.LongAdder();

    public Answerer(AnswerSettings settings) {
        this.settings = settings;
    }

    public Answer answer(Knowledge k, Question question) {
        long start = System.nanoTime();
        Answer answer = answerUntimed(k, question.text(), question.explain());
        return answer.withTook((System.nanoTime() - start) / 1000);
    }

    private Answer answerUntimed(Knowledge k, String raw, boolean explain) {
        if (raw.length() > settings.maxQuestionLength()) {
            return none("質問が長すぎます（" + settings.maxQuestionLength() + "文字まで）。要点を短くして、もう一度お尋ねください。",
                    List.of(), List.of(), List.of());
        }
        Phrasing.Framed framed = Phrasing.frame(TextNormalizer.normalize(raw));
        Answer first = answerFocus(k, framed, framed.focus(), explain);
        if (framed.second() == null) {
            return first;
        }
        // Two questions in one: the first is answered and the second offered to ask next; when the
        // documents do not answer the first, the second is tried.
        if (first.kind() == AnswerKind.NONE) {
            Answer second = answerFocus(k, framed, framed.second(), explain);
            if (second.kind() != AnswerKind.NONE) {
                return second;
            }
            return first;
        }
        List<String> followUps = new ArrayList<>();
        String asked = followUpText(framed.second());
        if (asked != null) {
            followUps.add(asked);
        }
        first.followUps().stream().filter(f -> !followUps.contains(f)).limit(2).forEach(followUps::add);
        return new Answer(first.kind(), first.text(), first.citations(), first.confidence(), followUps, first.suggestions(), 0,
                first.explanation());
    }

    /**
     * The second question, offered to ask next: the user's own words, so only as plain words — no
     * markup, links or mentions a chat client would act on — and short; null when nothing is left.
     */
    static String followUpText(String second) {
        String plain = second.replaceAll("[<>|`@*_~\\[\\]{}\\\\]", " ").replaceAll("https?://\\S*", " ")
                .replaceAll("\\s+", " ").strip().replaceAll("[?？]+$", "");
        boolean words = plain.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA)
                || plain.split("\\s+").length >= 2;
        if (plain.isEmpty() || plain.length() > 60 || !words) {
            return null;
        }
        return plain + "？";
    }

    private Answer answerFocus(Knowledge k, Phrasing.Framed framed, String focus, boolean explain) {
        String context = framed.context();
        focus = StoryReferent.resolve(focus, context, k.glossary::lastNamedIn);
        String prepared = k.analysis.prepare(focus);
        Intent intent = Intent.of(prepared);
        QuestionTerms terms = new QuestionTerms(prepared, context.isBlank() ? "" : k.analysis.prepare(context), k.analysis, k.index);
        terms.answerType = AnswerType.of(prepared);
        String counter = terms.answerType == AnswerType.AMOUNT ? AnswerType.counterAsked(prepared) : null;
        terms.countAsked = counter == null ? null : AnswerType.countPattern(counter);
        // a case told by how it solved something (「どうやって解決したか」) asks for the case, not for steps
        boolean asksCase = intent.type() == Intent.Type.CASE || intent.type() == Intent.Type.CASE_LIST;
        terms.asksProcedure = !asksCase && Intent.asksProcedure(prepared);
        terms.asksAdvice = !terms.asksProcedure && Intent.asksAdvice(prepared);
        terms.asksFirstStep = Intent.asksFirstStep(prepared);
        terms.asksName = Intent.asksName(prepared);
        Optional<Comparison> comparison = intent.type() == Intent.Type.QUESTION || intent.type() == Intent.Type.DEFINITION
                ? Comparison.of(prepared) : Optional.empty();
        Answer answer = comparison.isPresent() ? compare(k, comparison.get(), terms) : switch (intent.type()) {
            case EMPTY -> none("質問を入力してください。たとえば「" + exampleTerm(k) + "とは？」のように聞けます。", List.of(), List.of(), List.of());
            case HELP -> help(k);
            case CASE_LIST -> hasCaseFilter(terms) ? filteredCaseList(k, terms) : caseList(k);
            case CASE -> caseAnswer(k, terms).orElseGet(() -> retrieve(k, terms, null, tellingTerm(k, terms)));
            case DEFINITION -> definition(k, intent.subject(), terms);
            case QUESTION -> (terms.storyTellsACase ? caseAnswer(k, terms) : Optional.<Answer>empty())
                    .or(() -> glossaryByName(k, prepared)).orElseGet(() -> retrieve(k, terms, null));
        };
        if (!answersWhatIsAsked(k, terms, answer)) {
            answer = terms.answerType != null && !terms.valueStatedIn(answer.text())
                    ? valueNotStated(k, terms, answer) : noAnswer(k, terms, null, List.of());
        }
        return explain ? answer.withExplanation(explanation(framed, prepared, intent, terms, answer)) : answer;
    }

    private static Explanation explanation(Phrasing.Framed framed, String prepared, Intent intent, QuestionTerms terms, Answer answer) {
        List<Explanation.Term> weighted = new ArrayList<>();
        for (int i = 0; i < terms.terms.size(); i++) {
            String term = terms.terms.get(i);
            String role = i >= terms.focusTermCount ? "context" : terms.knows(term) ? "focus" : "unknown";
            weighted.add(new Explanation.Term(term, Math.round(terms.weights[i] * 1000) / 1000.0, role));
        }
        String rule = answer.kind() == AnswerKind.FAQ && terms.faqBest != null && terms.faqBest.entry() != null
                ? terms.faqBest.entry().rule().id() : null;
        String kind = intent.type().name().toLowerCase(java.util.Locale.ROOT) + (terms.asksProcedure ? "+procedure" : "")
                + (terms.asksAdvice ? "+advice" : "");
        return new Explanation(prepared, framed.context(), framed.second(), framed.manner(), kind, intent.subject(),
                terms.answerType == null ? null : terms.answerType.name().toLowerCase(java.util.Locale.ROOT), weighted, rule,
                answer.kind().name().toLowerCase(java.util.Locale.ROOT), terms.considered);
    }

    // ---- does the answer give what the question asks for? ----

    /** What to do once something has happened (感染したらどうすれば, if we are hacked what should we do). */
    private static final Pattern IN_THE_EVENT = Pattern.compile(
            "(?:たら|た場合|る場合|の場合|時は|ときは|際は)[、,]?(?:まず)?(?:どう|何を|なにを)|\\bif (?:we|i|you|our)\\b.*\\b(?:what|how)\\b|\\bwhat (?:should|do) (?:we|i) do (?:if|when|after)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A passage that is the first of a numbered series: 手順1, STEP1, ポイント1, 1., ①. */
    private static final Pattern FIRST_STEP = Pattern.compile("\\s*(?:手順\\s*[1１一]|STEP\\s*[1１]|ステップ\\s*[1１]|ポイント\\s*[1１]|第一に|まず|[1１][.．、:：)）]|①)",
            Pattern.CASE_INSENSITIVE);

    /** Words of a source that give steps. */
    static final Pattern PROCEDURAL = Pattern.compile("手順|進め方|方法|対応策|解決策|ステップ|STEP|やり方|how (?:to|do|can|should)|steps?\\b"
            // an instruction (〜してください) or a numbered list of steps (1. … 2. …)
            + "|(?:て|で)(?:ください|下さい)|(?:^|\\n)\\s*(?:1|１)[.．)）]\\s*\\S[\\s\\S]*(?:^|\\n)\\s*(?:2|２)[.．)）]",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /** Analysed terms that only say "how" or "it fails"; what is left of a procedure question is its task. */
    private static final Set<String> PROCEDURE_WORDS = Set.of("方法", "やり方", "仕方", "方", "手順", "手続き", "手続", "進め方",
            "できる", "出来る", "忘れる", "エラー", "動く", "つながる", "繋がる", "開ける", "開く", "入れる", "いい", "よい", "良い",
            "ほしい", "欲しい", "how", "steps", "step", "way", "procedure", "forgot", "work", "working", "not");

    /**
     * A procedure question (「VPNの設定方法」, "How do I connect to the VPN?", 「…に接続できない」) is
     * answered only by a source that gives steps and names every word of the task; a question asking
     * for a value (割合, 費用, 何人…) only by an answer that states one. Anything else would be a
     * confident-looking answer to another question.
     */
    private boolean answersWhatIsAsked(Knowledge k, QuestionTerms terms, Answer answer) {
        AnswerKind kind = answer.kind();
        if (kind != AnswerKind.FAQ && kind != AnswerKind.PASSAGE && kind != AnswerKind.GLOSSARY && kind != AnswerKind.CASE) {
            return true;
        }
        if (terms.answerType != null && !terms.valueStatedIn(answer.text())) {
            return false;
        }
        if (terms.answerType != null && !valueIsOfTheTopic(k, terms, answer)) {
            return false;
        }
        // A place the documents never name (ドイツ) cannot be what they answer about; places they do
        // name (日本, 米国, 大阪) are weighed like any other word.
        if (terms.places.stream().anyMatch(p -> !terms.knows(p)) && kind != AnswerKind.CASE) {
            Set<String> said = saidBy(k, answer);
            for (String place : terms.places) {
                if (!terms.knows(place) && !terms.covers(said, place)) {
                    return false;
                }
            }
        }
        // 「感染したらどうすればいい?」 is not answered by what ransomware is: advice asked, advice given.
        if (terms.asksAdvice && IN_THE_EVENT.matcher(terms.prepared).find() && kind != AnswerKind.CASE
                && !Knowledge.ADVICE_GIVEN.matcher(answer.text()).find()) {
            return false;
        }
        // 「身代金って払ったほうがいいの?」 is not answered by what LockBit is: whether to do something is
        // answered only by a source that advises.
        if (kind == AnswerKind.GLOSSARY && Intent.asksWhether(terms.prepared) && !Knowledge.ADVICE_GIVEN.matcher(answer.text()).find()) {
            return false;
        }
        if (!terms.asksProcedure) {
            return true;
        }
        boolean procedural = PROCEDURAL.matcher(answer.text()).find();
        Set<String> source = saidBy(k, answer);
        for (Citation c : answer.citations()) {
            // A section titled 「VPNの設定方法」 gives the steps its text lists.
            procedural |= c.title() != null && c.source().equals("text") && PROCEDURAL.matcher(c.title()).find();
        }
        if (kind == AnswerKind.FAQ && terms.faqBest != null && terms.faqBest.entry() != null) {
            Knowledge.FaqEntry rule = terms.faqBest.entry();
            rule.examples().forEach(e -> source.addAll(e.terms()));
            procedural |= rule.askedForSteps();
        }
        if (!procedural) {
            return false;
        }
        for (String term : terms.terms) {
            if (!PROCEDURE_WORDS.contains(term) && !terms.covers(source, term)) {
                return false;
            }
        }
        return true;
    }

    /** The analysed terms an answer says: its text and its citations' titles. */
    private static Set<String> saidBy(Knowledge k, Answer answer) {
        Set<String> said = new java.util.HashSet<>(k.analysis.terms(TextNormalizer.normalize(answer.text())));
        said.addAll(k.analysis.terms(TextNormalizer.normalize(titlesOf(answer))));
        return said;
    }

    private static String titlesOf(Answer answer) {
        return answer.citations().stream().map(Citation::title).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static final Pattern YEAR_NAMED = Pattern.compile("(?:19|20)\\d\\d(?=年)");

    /**
     * A value is answered by a passage only when it is the value of what was asked about: the thing
     * named before the value words must be said by the passage (「うちのIT予算は年間いくら?」 is not
     * answered by the nation's 12兆円 loss), and a year the question names (2010年は何%?) must be one
     * the passage speaks of.
     */
    private boolean valueIsOfTheTopic(Knowledge k, QuestionTerms terms, Answer answer) {
        String titles = " " + titlesOf(answer);
        java.util.regex.Matcher year = YEAR_NAMED.matcher(terms.prepared);
        while (year.find()) {
            if (!answer.text().contains(year.group()) && !titles.contains(year.group())) {
                return false;
            }
        }
        if (answer.kind() != AnswerKind.PASSAGE && answer.kind() != AnswerKind.GLOSSARY) {
            return true;
        }
        String thing = terms.answerType.thingAskedOf(terms.prepared);
        if (thing == null) {
            return true;
        }
        // the thing and its value in one sentence or list item: 「IT人材の不足が約43万人」
        if (answer.kind() == AnswerKind.GLOSSARY) {
            // an entry is about its headword throughout: 「セキュリティ・キャンプ：… 22歳以下の…」
            int colon = answer.text().indexOf('：');
            titles += " " + (colon > 0 ? answer.text().substring(0, colon) : "");
        }
        for (String clause : CLAUSE.split(answer.text())) {
            if (terms.valueStatedIn(clause) && names(k, terms, clause + titles, thing)) {
                return true;
            }
        }
        return false;
    }

    /** A name in Latin letters: with a capital (SSE, Zoom), not an ordinary English word (approach). */
    private static final Pattern LATIN_NAME = Pattern.compile("(?=.*[A-Z])[A-Za-z][A-Za-z0-9.\\-]{1,20}");
    /** Sentences and list items; a ・ between words (セキュリティ・キャンプ) joins, it does not list. */
    private static final Pattern CLAUSE = Pattern.compile("[。\\n•→]|(?:^|\\s)・");

    private boolean names(Knowledge k, QuestionTerms terms, String text, String thing) {
        String folded = TextNormalizer.normalize(text).toLowerCase(java.util.Locale.ROOT);
        if (folded.contains(thing.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        Set<String> said = new java.util.HashSet<>(k.analysis.terms(TextNormalizer.normalize(text)));
        for (String term : k.analysis.terms(TextNormalizer.normalize(thing))) {
            if (!terms.covers(said, term) && !terms.answerType.valueWords.contains(term)) {
                return false;
            }
        }
        return true;
    }

    // ---- comparisons ----

    /**
     * Both sides of a comparison, each from its glossary entry when both have one; else the passage
     * that speaks of both, or failing that the side that has an entry.
     */
    private Answer compare(Knowledge k, Comparison comparison, QuestionTerms terms) {
        Optional<GlossaryEntry> first = entryNamed(k, comparison.first());
        Optional<GlossaryEntry> second = entryNamed(k, comparison.second());
        if (first.isPresent() && second.isPresent() && first.get() != second.get()) {
            GlossaryEntry a = first.get();
            GlossaryEntry b = second.get();
            String text = a.term() + "：" + clip(a.definition(), 320) + "\n\n" + b.term() + "：" + clip(b.definition(), 320);
            List<String> followUps = List.of(a.headword() + "とは？", b.headword() + "とは？");
            return new Answer(AnswerKind.GLOSSARY, text, List.of(glossaryCitation(a), glossaryCitation(b)), 0.9, followUps, List.of(), 0);
        }
        // One side is nothing the documents speak of (SASE and SSE): they cannot compare it, and the
        // other side's entry alone would look like an answer.
        for (var side : List.of(Map.entry(comparison.first(), first), Map.entry(comparison.second(), second))) {
            if (side.getValue().isEmpty() && unknownToTheCorpus(k, terms, side.getKey())) {
                List<String> known = java.util.stream.Stream.of(first, second).flatMap(Optional::stream).map(GlossaryEntry::headword).distinct().toList();
                return none("申し訳ありません。資料には「" + side.getKey() + "」についての記述がないため、比べることができません。"
                        + (known.isEmpty() ? "" : "\n資料にある用語：" + String.join("、", known)),
                        known, known.stream().map(h -> h + "とは？").toList(), List.of());
            }
        }
        Answer found = retrieve(k, terms, null);
        if (found.kind() != AnswerKind.NONE) {
            return found;
        }
        Optional<GlossaryEntry> one = first.isPresent() ? first : second;
        return one.map(e -> glossaryAnswer(k, e, 0.7)).orElse(found);
    }

    /**
     * Whether a name in Latin letters (SSE, Zoom) is one the documents never use. Only such names: a
     * katakana or kanji phrase may be part of a longer word of the text (ウォーターフォール型).
     */
    private static boolean unknownToTheCorpus(Knowledge k, QuestionTerms terms, String phrase) {
        if (!LATIN_NAME.matcher(phrase.strip()).matches()) {
            return false;
        }
        List<String> words = k.analysis.terms(k.analysis.prepare(phrase)).stream()
                .filter(t -> !TermRoles.isManner(t)).toList();
        return !words.isEmpty() && words.stream().noneMatch(terms::knows);
    }

    /** The glossary entry a phrase names: exactly, with a synonym's spelling, in part, or with a small typo. */
    private static Optional<GlossaryEntry> entryNamed(Knowledge k, String phrase) {
        String name = k.analysis.prepare(phrase);
        Optional<GlossaryEntry> entry = k.glossary.exact(name);
        if (entry.isEmpty()) {
            entry = bySynonymSpelling(k, name);
        }
        if (entry.isEmpty()) {
            entry = k.glossary.partial(name);
        }
        if (entry.isEmpty()) {
            entry = k.glossary.misspelt(name);
        }
        return entry;
    }

    // ---- definitions and the glossary ----

    private Answer definition(Knowledge k, String subject, QuestionTerms terms) {
        Optional<GlossaryEntry> exact = k.glossary.exact(subject);
        if (exact.isEmpty()) {
            exact = bySynonymSpelling(k, subject);
        }
        if (exact.isPresent()) {
            return glossaryAnswer(k, exact.get(), 1.0);
        }
        Optional<Answer> faq = faqAnswer(k, terms, 0.75);
        if (faq.isPresent()) {
            return faq.get();
        }
        Optional<GlossaryEntry> partial = k.glossary.partial(subject);
        if (partial.isPresent()) {
            return glossaryAnswer(k, partial.get(), 0.8);
        }
        Answer found = retrieve(k, terms, subject);
        if (found.kind() == AnswerKind.NONE) {
            // A headword with a small typo (ビジネスメール詐偽, デジタルオプティマイゼイション) still names its entry.
            Optional<GlossaryEntry> misspelt = k.glossary.misspelt(subject);
            if (misspelt.isPresent()) {
                return glossaryAnswer(k, misspelt.get(), 0.7);
            }
        }
        return found;
    }

    /**
     * The entry a subject names once a word in it is replaced by a synonym: 「情報セキュリティの三要素」
     * is the entry 情報セキュリティの3要素, since 三要素 and 3要素 are synonyms.
     */
    private static Optional<GlossaryEntry> bySynonymSpelling(Knowledge k, String subject) {
        String normalized = TextNormalizer.normalize(subject);
        String lower = normalized.toLowerCase(java.util.Locale.ROOT);
        for (Map.Entry<String, List<String>> e : k.analysis.synonymsIn(normalized).entrySet()) {
            int at = lower.indexOf(e.getKey().toLowerCase(java.util.Locale.ROOT));
            if (at < 0) {
                continue;
            }
            for (String alternative : e.getValue()) {
                String variant = normalized.substring(0, at) + alternative + normalized.substring(at + e.getKey().length());
                Optional<GlossaryEntry> entry = k.glossary.exact(variant);
                if (entry.isPresent()) {
                    return entry;
                }
            }
        }
        return Optional.empty();
    }

    /** A question that is nothing but a known name (「WAF」「ゼロトラスト？」) asks for its definition. */
    private Optional<Answer> glossaryByName(Knowledge k, String prepared) {
        String bare = prepared.replaceAll("[\\s?？!！。、]+", "");
        return k.glossary.exact(bare).map(entry -> glossaryAnswer(k, entry, 0.9));
    }

    private Answer glossaryAnswer(Knowledge k, GlossaryEntry entry, double confidence) {
        String text = entry.term() + "：" + entry.definition();
        List<Citation> citations = new ArrayList<>();
        citations.add(glossaryCitation(entry));
        List<String> followUps = k.glossary.mentionedIn(entry.definition(), entry).stream()
                .limit(3).map(e -> e.headword() + "とは？").toList();
        return new Answer(AnswerKind.GLOSSARY, text, citations, confidence, followUps, List.of(), 0);
    }

    private static Citation glossaryCitation(GlossaryEntry entry) {
        return new Citation("glossary", entry.doc(), null, "用語集", null, entry.term(), snippet(entry.definition()));
    }

    // ---- FAQ rules ----

    /** Counted for the health view, logged once per pattern: never with the question, which may be anyone's. */
    private void overBudget(FaqRule rule, FaqPattern pattern) {
        patternsOverBudget.increment();
        if (pattern.firstTimeOverBudget()) {
            LOG.warn("FAQ rule '{}' ({}:{}): pattern '{}' took more than {} ms and counts as not matching; "
                    + "kotae validate refuses it, fix it and reindex", rule.id(), rule.file(), rule.line(), pattern.source(),
                    FaqPattern.BUDGET.toMillis());
        }
    }

    /** FAQ pattern runs stopped at their time budget since this answerer was made. */
    public long patternsOverBudget() {
        return patternsOverBudget.sum();
    }

    /** The best-scoring FAQ rule for the question (the first of equals), or a null entry with score 0. */
    private QuestionTerms.FaqBest bestFaq(Knowledge k, QuestionTerms terms) {
        Knowledge.FaqEntry best = null;
        double bestScore = 0;
        String lower = Knowledge.lower(terms.prepared);
        // Examples and answers sharing no term (nor synonym term) with the question score 0 by
        // similarity and coverage: only the others are scored.
        java.util.BitSet examples = k.faqExamplesSharing(terms.termIdSet, terms.alternativeIdSet);
        java.util.BitSet answers = k.faqAnswersSharing(terms.termIdSet, terms.alternativeIdSet);
        // A rule that could not pass answersWhatIsAsked is no candidate: a procedure question needs a
        // rule about steps, a question asking for a value a rule that states one.
        boolean procedure = terms.asksProcedure;
        int numbered = 0;
        for (int r = 0; r < k.faq.size(); r++) {
            Knowledge.FaqEntry entry = k.faq.get(r);
            int first = numbered;
            numbered += entry.examples().size();
            if (procedure && !entry.givesSteps()) {
                continue;
            }
            // What to do is not answered by a rule that only says what something is.
            if (terms.asksAdvice && !entry.givesAdvice()) {
                continue;
            }
            if (terms.answerType != null && !terms.valueStatedIn(entry.rule().answer())) {
                continue;
            }
            double score = 0;
            for (FaqPattern pattern : entry.patterns()) {
                FaqPattern.Match match = pattern.find(lower);
                if (match == FaqPattern.Match.FOUND) {
                    score = 1.0;
                    break;
                }
                if (match == FaqPattern.Match.OVER_BUDGET) {
                    overBudget(entry.rule(), pattern);
                }
            }
            if (score < 1.0 && !terms.isEmpty()) {
                for (int e = examples.nextSetBit(first); e >= 0 && e < numbered; e = examples.nextSetBit(e + 1)) {
                    score = Math.max(score, similarity(terms, entry.examples().get(e - first)));
                }
                // Like alternate answers in QnA tools, the rule's own answer also speaks for it, a little less.
                if (answers.get(r)) {
                    score = Math.max(score, ANSWER_TEXT_WEIGHT * terms.coverage(entry.answerIds()));
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = entry;
            }
        }
        return new QuestionTerms.FaqBest(best, bestScore);
    }

    private Optional<Answer> faqAnswer(Knowledge k, QuestionTerms terms, double minimum) {
        // The best rule does not depend on the minimum: found once per question, however often asked.
        if (terms.faqBest == null) {
            terms.faqBest = bestFaq(k, terms);
        }
        Knowledge.FaqEntry best = terms.faqBest.entry();
        double bestScore = terms.faqBest.score();
        if (best == null || bestScore < minimum) {
            return Optional.empty();
        }
        return Optional.of(faqAnswer(k, best.rule(), bestScore, terms.prepared));
    }

    /** Both ways round: how much of the question the example covers, and of the example the question. */
    private static double similarity(QuestionTerms terms, Knowledge.FaqExample example) {
        if (example.terms().isEmpty()) {
            return 0;
        }
        double questionSide = terms.coverage(example.ids());
        double total = example.total();
        double covered = 0;
        int[] order = example.orderIds();
        double[] weights = example.weights();
        for (int i = 0; i < order.length; i++) {
            // The example's term is the question's, or a term of one of its words' synonyms.
            if (TermIds.contains(terms.termIdSet, order[i]) || TermIds.contains(terms.alternativeIdSet, order[i])) {
                covered += weights[i];
            }
        }
        // An example that is all in the question but covers little of it (「VPNとは」 for 「VPNの料金プラン」)
        // is about something else: the question side must carry at least half.
        if (questionSide < 0.5) {
            return questionSide;
        }
        return (questionSide + (total == 0 ? 0 : covered / total)) / 2;
    }


    /**
     * @param asked the question, prepared: when the rule cites entries first, the one the question
     *              names (LockBit2.0 beside ランサムウェア) comes first, as the most specific source
     */
    private Answer faqAnswer(Knowledge k, FaqRule rule, double confidence, String asked) {
        List<Citation> citations = new ArrayList<>();
        for (String cite : rule.cite()) {
            citationFor(k, cite).ifPresent(citations::add);
        }
        // Only among entries: a rule citing a section first answers from it whatever entry it names too.
        // When the question names several of them (機密性・完全性・可用性), the rule's own order stands.
        String lower = asked.toLowerCase(java.util.Locale.ROOT);
        if (!citations.isEmpty() && citations.get(0).term() != null && citations.stream().filter(c -> namedLength(k, c, lower) > 0).count() == 1) {
            citations.sort(Comparator.comparingInt((Citation c) -> -namedLength(k, c, lower)));
        }
        return new Answer(AnswerKind.FAQ, rule.answer().strip(), citations, confidence, rule.followUps(), List.of(), 0);
    }

    /** The length of the cited glossary headword when the question names it, else 0. */
    private static int namedLength(Knowledge k, Citation c, String askedLower) {
        if (c.term() == null) {
            return 0;
        }
        String headword = k.glossary.withTerm(c.term()).map(e -> TextNormalizer.normalize(e.headword()).toLowerCase(java.util.Locale.ROOT).strip()).orElse("");
        return headword.length() >= 2 && askedLower.contains(headword) ? headword.length() : 0;
    }

    /** The citation an FAQ key names: {@code 4-2-2}, {@code glossary:WAF}, {@code slide:12}. */
    private static Optional<Citation> citationFor(Knowledge k, String key) {
        if (key.startsWith(dev.kotae.corpus.DocumentCitations.PREFIX)) {
            return Optional.ofNullable(k.documentPassages.get(dev.kotae.corpus.DocumentCitations.normalise(key)))
                    .map(Answerer::passageCitation);
        }
        if (key.startsWith("glossary:")) {
            String name = key.substring("glossary:".length());
            return k.corpus.glossary().stream()
                    .filter(e -> e.headword().equals(name) || e.term().equals(name))
                    .findFirst().map(Answerer::glossaryCitation);
        }
        if (key.startsWith("slide:")) {
            String number = key.substring("slide:".length());
            return k.corpus.slides().stream().filter(s -> String.valueOf(s.number()).equals(number)).findFirst()
                    .map(s -> new Citation("slides", s.doc(), s.sectionId(), s.heading() != null ? s.heading() : s.title(),
                            s.page(), null, snippet(s.text())));
        }
        Section section = k.sections.get(key);
        if (section == null) {
            return Optional.empty();
        }
        String firstPassage = k.firstTextPassage.getOrDefault(key, section.title());
        return Optional.of(new Citation("text", section.doc(), section.id(), section.title(), section.page(), null,
                snippet(firstPassage)));
    }

    // ---- case studies ----

    private Answer caseList(Knowledge k) {
        return caseList(k, k.corpus.cases(), "資料にある事例");
    }

    /**
     * 「製造業の事例一覧」: the cases the filter words fit, listed (one alone is summarised); none fitting
     * is said plainly, with the cases there are.
     */
    private Answer filteredCaseList(Knowledge k, QuestionTerms terms) {
        List<CaseStudy> cases = k.corpus.cases();
        List<CaseStudy> fitting = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (terms.coverage(k.caseTermIds.get(i), Set.of(), CASE_AND_LIST_WORDS) >= 0.7) {
                fitting.add(cases.get(i));
            }
        }
        if (fitting.size() == 1) {
            return caseAnswer(k, terms).orElseGet(() -> caseList(k, fitting, "お尋ねの条件に合う事例"));
        }
        if (fitting.isEmpty()) {
            Answer all = caseList(k);
            return none("資料には、お尋ねの条件に合う事例は載っていません。\n" + all.text(), List.of(), all.followUps(), List.of());
        }
        return caseList(k, fitting, "お尋ねの条件に合う事例");
    }

    private static final Set<String> CASE_AND_LIST_WORDS = union(Set.of("事例", "実例", "要約", "まとめる", "まとめ", "紹介", "教える",
            "見せる", "一覧", "概要", "詳細", "例", "ケース", "話", "case", "study", "studies", "summary", "example", "examples"),
            Set.of("一覧", "リスト", "全部", "すべて", "全て", "どんな", "どの", "いくつ", "list", "all"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    private Answer caseList(Knowledge k, List<CaseStudy> cases, String heading) {
        if (cases.isEmpty()) {
            return none("資料には事例が載っていません。", List.of(), List.of(), List.of());
        }
        StringBuilder text = new StringBuilder(heading + "は次の" + cases.size() + "件です。");
        List<Citation> citations = new ArrayList<>();
        int n = 1;
        for (CaseStudy c : cases) {
            text.append('\n').append(n++).append(". ").append(CaseSummary.name(c)).append("　［").append(Knowledge.themeName(c.theme()))
                    .append("／テキスト ").append(c.sectionId()).append("］");
            citations.add(caseCitation(k, c));
        }
        List<String> followUps = cases.stream().limit(3).map(c -> shortName(c) + "の事例を要約して").toList();
        return new Answer(AnswerKind.CASE_LIST, text.toString(), dedupe(citations), 1.0, followUps, List.of(), 0);
    }

    /** Whether a request for cases names something to choose them by (守りのIT投資, 農業…), beside the case words. */
    private static boolean hasCaseFilter(QuestionTerms terms) {
        return terms.terms.stream().anyMatch(t -> !CASE_WORDS.contains(t) && !LIST_WORDS.contains(t) && terms.knows(t));
    }

    private static final Set<String> LIST_WORDS = Set.of("一覧", "リスト", "全部", "すべて", "全て", "どんな", "どの", "いくつ", "list", "all");

    private Optional<Answer> caseAnswer(Knowledge k, QuestionTerms terms) {
        List<String> filter = terms.terms.stream().filter(t -> !CASE_WORDS.contains(t) && terms.weight(t) > 0).toList();
        if (filter.isEmpty()) {
            return Optional.of(caseList(k));
        }
        double total = filter.stream().mapToDouble(terms::weight).sum();
        List<CaseStudy> cases = k.corpus.cases();
        double[] scores = new double[cases.size()];
        double best = 0;
        for (int i = 0; i < cases.size(); i++) {
            // Situations are told in the question's own words, weighed as everywhere else (a story's
            // words less, words the corpus lacks by what they name).
            scores[i] = terms.coverage(k.caseTermIds.get(i), Set.of(), CASE_WORDS);
            best = Math.max(best, scores[i]);
        }
        String rarest = filter.stream().max(java.util.Comparator.comparingDouble(terms::weight)).orElseThrow();
        int bestIndex = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > scores[bestIndex]) {
                bestIndex = i;
            }
        }
        // A weaker match still counts when it holds the question's most telling word (FAX, 農業…).
        boolean telling = scores.length > 0 && terms.covers(k.caseTerms.get(bestIndex), rarest);
        if (best < 0.7 && !(best >= 0.45 && telling) && !toldApart(k, terms, cases.size())) {
            return Optional.empty();
        }
        // Cases that cover the question equally: those whose headline (title, organisation, problem) has
        // the question's words come first, and alone when the headline tells them apart.
        List<Integer> tied = new ArrayList<>();
        double[] headline = new double[cases.size()];
        double bestHeadline = 0;
        for (int i = 0; i < cases.size(); i++) {
            if (scores[i] >= best - 1e-9) {
                tied.add(i);
                Set<String> headlineTerms = k.caseHeadlineTerms.get(i);
                headline[i] = total == 0 ? 0 : filter.stream().filter(t -> terms.covers(headlineTerms, t)).mapToDouble(terms::weight).sum() / total;
                bestHeadline = Math.max(bestHeadline, headline[i]);
            }
        }
        double top = bestHeadline;
        List<CaseStudy> chosen = tied.stream().filter(i -> headline[i] >= top - 1e-9).limit(3).map(cases::get).toList();
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        for (CaseStudy c : chosen) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(CaseSummary.of(c));
            citations.addAll(caseCitations(k, c));
        }
        List<String> followUps = new ArrayList<>();
        followUps.add("事例の一覧を見せて");
        if (chosen.size() == 1 && chosen.get(0).sectionId() != null) {
            Section s = k.sections.get(chosen.get(0).sectionId());
            if (s != null) {
                followUps.add(s.title() + "について教えて");
            }
        }
        return Optional.of(new Answer(AnswerKind.CASE, text.toString(), dedupe(citations), best, followUps, List.of(), 0));
    }

    /**
     * Whether one case alone fits a situation told in the asker's own words (景気悪化, ガクッと, 町工場
     * are not the case's words; 受注, ビジネスモデル are): over the words the corpus knows, and the
     * places and names it does not (a case in ドイツ is no case of ours), the best case covers most
     * and clearly more than any other.
     */
    private boolean toldApart(Knowledge k, QuestionTerms terms, int caseCount) {
        Set<String> ignored = new java.util.HashSet<>(CASE_WORDS);
        for (String t : terms.terms) {
            boolean named = terms.places.contains(t) || t.chars().allMatch(c -> c < 0x80);
            if (!terms.knows(t) && !named) {
                ignored.add(t);
            }
        }
        double first = 0;
        double second = 0;
        for (int i = 0; i < caseCount; i++) {
            double s = terms.coverage(k.caseTermIds.get(i), Set.of(), ignored);
            if (s > first) {
                second = first;
                first = s;
            } else if (s > second) {
                second = s;
            }
        }
        return first >= CASE_TOLD_APART && first - second >= CASE_MARGIN;
    }

    private static final double CASE_TOLD_APART = 0.6;
    private static final double CASE_MARGIN = 0.2;

    private static String shortName(CaseStudy c) {
        String name = c.organisation() != null ? c.organisation() : c.title();
        return name.startsWith("某") ? name.substring(1) : name;
    }

    private static Citation caseCitation(Knowledge k, CaseStudy c) {
        Section s = c.sectionId() == null ? null : k.sections.get(c.sectionId());
        return new Citation("text", c.doc(), c.sectionId(), s != null ? s.title() : c.title(), c.page(), null, snippet(c.title()));
    }

    private static List<Citation> caseCitations(Knowledge k, CaseStudy c) {
        List<Citation> citations = new ArrayList<>();
        citations.add(caseCitation(k, c));
        for (CasePart part : c.parts()) {
            if (part.source() == dev.kotae.corpus.SourceKind.SLIDES) {
                Optional<Slide> slide = k.corpus.slides().stream()
                        .filter(s -> s.doc().equals(part.doc()) && s.page().equals(part.page())).findFirst();
                citations.add(new Citation("slides", part.doc(), part.sectionId(),
                        slide.map(s -> s.heading() != null ? s.heading() : s.title()).orElse(c.title()), part.page(), null,
                        snippet(part.text())));
            }
        }
        return citations;
    }

    // ---- passages ----

    /** The most an FAQ rule must score to win over the passages found (it wins over weaker ones with less). */
    private static final double FAQ_CAP = 0.75;
    /** How much a source that advises ranks above one that does not, for a question asking what to do. */
    private static final double ADVICE_BONUS = 0.05;

    private record Scored(Hit hit, double coverage, double rank) {}

    private Answer retrieve(Knowledge k, QuestionTerms terms, String subject) {
        return retrieve(k, terms, subject, null);
    }

    /**
     * The most telling word of a case question once the case words are set aside (建設 in
     * 「建設業の事例」): when no case matches, a passage answers only if it has that word.
     */
    private static String tellingTerm(Knowledge k, QuestionTerms terms) {
        return terms.terms.stream().filter(t -> !CASE_WORDS.contains(t))
                .max(Comparator.comparingDouble(k.index::idf)).orElse(null);
    }

    /** @param mustCover a term the chosen source must cover, or null */
    private Answer retrieve(Knowledge k, QuestionTerms terms, String subject, String mustCover) {
        if (terms.isEmpty()) {
            return noAnswer(k, terms, subject, List.of());
        }
        // An FAQ rule as close to the question as FAQ_CAP answers whatever the passages score (the
        // minimum it must reach below is never above FAQ_CAP): no search needed.
        if (terms.faqBest == null) {
            terms.faqBest = bestFaq(k, terms);
        }
        if (terms.faqBest.entry() != null && terms.faqBest.score() >= FAQ_CAP) {
            return faqAnswer(k, terms.faqBest.entry().rule(), terms.faqBest.score(), terms.prepared);
        }
        var query = terms.query();
        KnowledgeIndex.Hits both = k.index.searchBoth(query, 24, 4);
        List<Hit> hits = new ArrayList<>(both.passages());
        hits.addAll(both.glossary());
        if (hits.isEmpty()) {
            return faqAnswer(k, terms, 0.6).orElseGet(() -> noAnswer(k, terms, subject, List.of()));
        }
        float max = (float) hits.stream().mapToDouble(Hit::score).max().orElse(1);
        String subjectKey = subject == null ? null : TextNormalizer.normalize(subject);
        List<Scored> scored = new ArrayList<>();
        for (Hit hit : hits) {
            boolean glossary = hit.type().equals(KnowledgeIndex.GLOSSARY);
            int[] docTerms = glossary ? k.index.glossaryTerms(hit.ord()) : k.index.passageTerms(hit.ord());
            double coverage = terms.coverage(docTerms);
            if (!glossary && hit.ord() > 0 && sameSection(k.corpus.passages().get(hit.ord()), k.corpus.passages().get(hit.ord() - 1))) {
                // A paragraph continues the one before it (「また、こうした問題を…」): what that one names
                // counts half, as the reader has just read it.
                int[] withBefore = TermIds.union(docTerms, k.index.passageTerms(hit.ord() - 1));
                coverage = (coverage + terms.coverage(withBefore)) / 2;
            }
            boolean statesValue = true;
            if (terms.answerType != null) {
                String text = glossary ? k.corpus.glossary().get(hit.ord()).definition() : k.corpus.passages().get(hit.ord()).text();
                statesValue = terms.valueStatedIn(text);
                if (statesValue && !terms.answerType.valueWords.isEmpty()) {
                    coverage = terms.coverage(docTerms, terms.answerType.valueWords);
                }
            }
            boolean advice = terms.asksAdvice && (glossary ? k.namesMeasure.get(hit.ord()) : k.givesAdvice.get(hit.ord()));
            if (advice) {
                coverage = Math.max(coverage, terms.coverage(docTerms, QuestionTerms.ADVICE_WORDS));
            }
            double rank = 0.65 * coverage + 0.35 * hit.score() / max;
            if (advice) {
                rank += ADVICE_BONUS;
            }
            // What to do is told by advice and measures, not by what a word means.
            if (terms.asksAdvice && glossary && !advice) {
                rank -= 0.1;
            }
            // 「何から始めれば」「まず何を」 asks for the first step: the first of a numbered series answers it.
            if (terms.asksFirstStep && !glossary && FIRST_STEP.matcher(k.corpus.passages().get(hit.ord()).text()).lookingAt()) {
                rank += 0.1;
            }
            // A question asking for a value is answered by a source that states one of that kind.
            if (!statesValue) {
                rank -= 0.3;
            }
            if (!glossary) {
                Passage p = k.corpus.passages().get(hit.ord());
                if (subjectKey != null && definesSubject(p.text(), subjectKey)) {
                    rank += 0.25;
                }
                if (p.source() == dev.kotae.corpus.SourceKind.TEXT) {
                    rank += 0.02;
                }
                // A caption or label matches every word of a short question yet says little.
                if (p.text().length() < 30) {
                    rank -= 0.1;
                }
                // So does a signpost or a bare figure caption: it names topics others explain.
                if (k.pointsElsewhere.get(hit.ord())) {
                    rank -= 0.25;
                }
            }
            scored.add(new Scored(hit, coverage, rank));
        }
        scored.sort(Comparator.comparingDouble(Scored::rank).reversed());
        terms.considered = scored.stream().limit(5).map(x -> describe(k, x)).toList();
        Scored best = scored.get(0);
        double confidence = best.coverage() * (0.75 + 0.25 * best.hit().score() / max);
        // An FAQ rule is written for exactly this kind of question: it wins over a passage that covers
        // the question no better, and answers when no passage is good enough.
        Optional<Answer> faq = faqAnswer(k, terms, Math.max(Math.min(confidence, FAQ_CAP), 0.6));
        if (faq.isPresent()) {
            return faq.get();
        }
        if (confidence < settings.threshold()) {
            // the story describes what is asked about (「…合宿があったはず。どんなものか」): the entry it describes
            if (terms.asksName || terms.storyIsTopic) {
                List<DescribedEntry.Candidate> glossary = scored.stream().filter(s -> s.hit().type().equals(KnowledgeIndex.GLOSSARY))
                        .map(s -> new DescribedEntry.Candidate(s.hit().ord(), s.coverage(),
                                headwordHasAFocusWord(k.corpus.glossary().get(s.hit().ord()), terms))).toList();
                Optional<DescribedEntry.Candidate> named = DescribedEntry.choose(glossary, terms.totalWeight());
                if (named.isPresent()) {
                    return glossaryAnswer(k, k.corpus.glossary().get(named.get().ord()), settings.threshold());
                }
            }
            return noAnswer(k, terms, subject, scored);
        }
        if (mustCover != null) {
            boolean glossary = best.hit().type().equals(KnowledgeIndex.GLOSSARY);
            int[] docTerms = glossary ? k.index.glossaryTerms(best.hit().ord()) : k.index.passageTerms(best.hit().ord());
            if (!terms.covers(docTerms, mustCover)) {
                return noAnswer(k, terms, subject, scored);
            }
        }
        if (best.hit().type().equals(KnowledgeIndex.GLOSSARY)) {
            return glossaryAnswer(k, k.corpus.glossary().get(best.hit().ord()), confidence);
        }
        return passageAnswer(k, best, scored, confidence, terms);
    }

    private static boolean headwordHasAFocusWord(GlossaryEntry entry, QuestionTerms terms) {
        String headword = TextNormalizer.normalize(entry.term()).toLowerCase(java.util.Locale.ROOT);
        return terms.terms.subList(0, terms.focusTermCount).stream().anyMatch(t -> t.length() >= 2 && headword.contains(t));
    }

    /** A candidate as an explanation lists it: where it is, how much of the question it covers, its rank. */
    private static String describe(Knowledge k, Scored s) {
        String where;
        if (s.hit().type().equals(KnowledgeIndex.GLOSSARY)) {
            where = "用語集「" + k.corpus.glossary().get(s.hit().ord()).headword() + "」";
        } else {
            Passage p = k.corpus.passages().get(s.hit().ord());
            where = p.source().label() + " " + (p.sectionId() == null ? "" : p.sectionId() + " ") + (p.page() == null ? "" : p.page() + " ")
                    + snippet(p.text()).substring(0, Math.min(24, snippet(p.text()).length()));
        }
        return where + String.format(java.util.Locale.ROOT, " 網羅%.2f 順位%.2f", s.coverage(), s.rank());
    }

    private static boolean definesSubject(String passageText, String subject) {
        String text = TextNormalizer.normalize(passageText);
        return text.contains(subject + "」とは") || text.contains(subject + "とは") || text.contains(subject + "という「")
                || text.startsWith(subject + "は") || text.contains("「" + subject + "」とは");
    }

    /**
     * A passage answering a question that asks for a value, with the sentence stating the value first
     * (the one sharing most of the question's words, when several do), so the answer opens with what
     * was asked; the rest follows in its order.
     */
    private static String leadWithValue(String text, QuestionTerms terms) {
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            if (!m.group().isBlank()) {
                sentences.add(m.group());
            }
        }
        int best = -1;
        int bestShared = -1;
        for (int i = 0; i < sentences.size(); i++) {
            if (!terms.valueStatedIn(sentences.get(i))) {
                continue;
            }
            int shared = 0;
            String lower = sentences.get(i).toLowerCase(java.util.Locale.ROOT);
            for (String term : terms.terms) {
                if (lower.contains(term)) {
                    shared++;
                }
            }
            if (shared > bestShared) {
                best = i;
                bestShared = shared;
            }
        }
        if (best <= 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(sentences.get(best).strip());
        for (int i = 0; i < sentences.size(); i++) {
            if (i != best) {
                out.append(i == 0 ? "\n" : "").append(sentences.get(i));
            }
        }
        return out.toString().strip();
    }

    private static final Pattern SENTENCE = Pattern.compile("[^。\\n]*(?:。|\\n|$)");

    private Answer passageAnswer(Knowledge k, Scored best, List<Scored> scored, double confidence, QuestionTerms terms) {
        List<Passage> passages = k.corpus.passages();
        Passage main = passages.get(best.hit().ord());
        List<Passage> used = new ArrayList<>();
        used.add(main);
        StringBuilder text = new StringBuilder(main.text().strip());
        // A heading or a one-line bullet says too little alone: carry on with what follows it.
        int next = best.hit().ord() + 1;
        while (text.length() < 120 && next < passages.size() && sameSection(main, passages.get(next)) && used.size() < 3) {
            Passage p = passages.get(next++);
            text.append('\n').append(p.text().strip());
            used.add(p);
        }
        // A table's caption printed under it (「…の根拠とされる主な法律」 after the rows 会社法 — 330条 …):
        // what it names is the rows before it on the same slide or page.
        if (used.size() == 1 && isCaption(main)) {
            List<Passage> rows = new ArrayList<>();
            for (int before = best.hit().ord() - 1; before >= 0 && rows.size() < CAPTION_ROWS
                    && sameSection(main, passages.get(before)) && java.util.Objects.equals(main.page(), passages.get(before).page()); before--) {
                rows.add(0, passages.get(before));
            }
            for (Passage row : rows) {
                text.append('\n').append(row.text().strip());
                used.add(row);
            }
        }
        for (Scored s : scored) {
            if (used.size() >= 3 || text.length() > 400) {
                break;
            }
            if (!s.hit().type().equals(KnowledgeIndex.PASSAGE)) {
                continue;
            }
            Passage p = passages.get(s.hit().ord());
            if (!used.contains(p) && sameSection(main, p) && s.coverage() >= 0.8 * best.coverage() && p.source() == main.source()) {
                text.append('\n').append(p.text().strip());
                used.add(p);
            }
        }
        String composed = terms.answerType == null ? text.toString() : leadWithValue(text.toString(), terms);
        List<Citation> citations = new ArrayList<>();
        for (Passage p : used) {
            citations.add(passageCitation(p));
        }
        for (Scored s : scored) {
            if (citations.size() >= 3) {
                break;
            }
            if (s.hit().type().equals(KnowledgeIndex.PASSAGE) && s.coverage() >= 0.7 * best.coverage()) {
                Passage p = passages.get(s.hit().ord());
                if (!used.contains(p) && !sameSection(main, p)) {
                    citations.add(passageCitation(p));
                    used.add(p);
                }
            }
        }
        List<String> followUps = relatedQuestions(k, main);
        return new Answer(AnswerKind.PASSAGE, clip(composed, 700), dedupe(citations), confidence, followUps, List.of(), 0);
    }

    private static final int CAPTION_ROWS = 8;

    /** A short line with no sentence in it: a heading or a caption, which names what is next to it. */
    private static boolean isCaption(Passage p) {
        String t = p.text().strip();
        return t.length() <= 60 && t.indexOf('。') < 0;
    }

    /**
     * Text passages of one section belong together; slide passages only within one slide. A section
     * without a number (a heading of a PDF, Word or web page) is told apart by its heading.
     */
    private static boolean sameSection(Passage a, Passage b) {
        if (!a.doc().equals(b.doc()) || a.source() != b.source() || !java.util.Objects.equals(a.sectionId(), b.sectionId())) {
            return false;
        }
        if (a.sectionId() == null && !java.util.Objects.equals(a.title(), b.title())) {
            return false;
        }
        return a.source() != dev.kotae.corpus.SourceKind.SLIDES || java.util.Objects.equals(a.page(), b.page());
    }

    private static List<String> relatedQuestions(Knowledge k, Passage main) {
        List<String> followUps = new ArrayList<>();
        k.glossary.mentionedIn(main.text(), null).stream().limit(2).forEach(e -> followUps.add(e.headword() + "とは？"));
        if (main.sectionId() != null) {
            k.corpus.cases().stream().filter(c -> main.sectionId().equals(c.sectionId())).findFirst()
                    .ifPresent(c -> followUps.add(shortName(c) + "の事例を要約して"));
        }
        return followUps;
    }

    static Citation passageCitation(Passage p) {
        return new Citation(p.source().label(), p.doc(), p.sectionId(), p.title(), p.page(), null, snippet(p.text()));
    }

    // ---- help and none ----

    private Answer help(Knowledge k) {
        String text = """
                Kotae（答え）は社内資料から答えるQ&Aボットです。答えには必ず出典（セクション・ページ・用語集の項目）を付けます。
                ・用語の意味：「%sとは？」「%sって何？」
                ・資料の内容：「%s」
                ・事例の一覧と要約：「事例の一覧を見せて」「%sの事例をまとめて」
                資料に答えがないときは推測せず、そうお伝えして担当部署をご案内します。
                """.formatted(exampleTerm(k), exampleTerm2(k), exampleQuestion(k), k.corpus.cases().isEmpty() ? "○○" : shortName(k.corpus.cases().get(0)));
        List<Citation> citations = new ArrayList<>();
        for (Document d : k.corpus.documents()) {
            citations.add(new Citation(d.kind() == dev.kotae.corpus.DocumentKind.SLIDES ? "slides" : "text", d.name(), null,
                    d.title(), null, null, snippet(d.title())));
        }
        List<String> followUps = List.of(exampleTerm(k) + "とは？", "事例の一覧を見せて");
        return new Answer(AnswerKind.HELP, text.strip(), citations, 1.0, followUps, List.of(), 0);
    }

    private Answer noAnswer(Knowledge k, QuestionTerms terms, String subject, List<Scored> weak) {
        List<String> suggestions = new ArrayList<>();
        List<String> words = new ArrayList<>();
        if (subject != null) {
            words.add(subject);
        }
        Matcher m = WORDS.matcher(terms.prepared);
        while (m.find()) {
            words.add(m.group());
        }
        for (String word : words) {
            for (String s : k.glossary.closeTo(word, 3)) {
                if (!suggestions.contains(s) && suggestions.size() < 3) {
                    suggestions.add(s);
                }
            }
        }
        List<String> topics = new ArrayList<>();
        for (Scored s : weak) {
            if (s.coverage() < 0.25 || topics.size() >= 3) {
                continue;
            }
            if (s.hit().type().equals(KnowledgeIndex.PASSAGE)) {
                Passage p = k.corpus.passages().get(s.hit().ord());
                Section section = p.sectionId() == null ? null : k.sections.get(p.sectionId());
                String topic = section != null ? section.id() + " " + section.title() : p.title();
                if (topic != null && !topics.contains(topic)) {
                    topics.add(topic);
                }
            }
        }
        StringBuilder text = new StringBuilder("申し訳ありません。資料の中に、この質問への答えは見つかりませんでした。");
        if (!suggestions.isEmpty()) {
            text.append("\nもしかして：").append(String.join("、", suggestions));
        }
        if (!topics.isEmpty()) {
            text.append("\n資料にある近い話題：").append(String.join("／", topics));
        }
        return none(text.toString(), suggestions, suggestions.stream().map(s -> s + "とは？").toList(), topics);
    }

    /**
     * The documents speak of what was asked about but do not state the value asked for (the cost of
     * ISMS certification): say so in one sentence, give what they do say, and hand off. A guess — the
     * definition with no price in it — would be worse. Answered {@code none}, so it is logged for admins.
     */
    private Answer valueNotStated(Knowledge k, QuestionTerms terms, Answer near) {
        String what = terms.answerType.description();
        StringBuilder text = new StringBuilder("資料には、お尋ねの").append(what).append("は書かれていません。");
        if (!near.citations().isEmpty()) {
            Citation c = near.citations().get(0);
            text.append("\n資料にある関連する記述（").append(c.label()).append("）：").append(snippet(near.text()));
        }
        Answer none = none(text.toString(), List.of(), near.followUps(), List.of());
        return none;
    }

    /** What a question gets when answering it failed: no guess, just the hand-off. */
    Answer failed() {
        return none("申し訳ありません。この質問には答えられませんでした。", List.of(), List.of(), List.of());
    }

    private Answer none(String message, List<String> suggestions, List<String> followUps, List<String> topics) {
        String text = message + "\n" + settings.handoff();
        return new Answer(AnswerKind.NONE, text, List.of(), 0, followUps, suggestions, 0);
    }

    private static String exampleTerm(Knowledge k) {
        return k.corpus.glossary().isEmpty() ? "WAF" : k.corpus.glossary().stream()
                .filter(e -> e.headword().equals("WAF")).findFirst().orElse(k.corpus.glossary().get(0)).headword();
    }

    private static String exampleTerm2(Knowledge k) {
        return k.corpus.glossary().size() < 2 ? "ゼロトラスト" : k.corpus.glossary().stream()
                .filter(e -> e.headword().equals("ゼロトラスト")).findFirst().orElse(k.corpus.glossary().get(1)).headword();
    }

    private static String exampleQuestion(Knowledge k) {
        return k.corpus.faq().isEmpty() || k.corpus.faq().get(0).questions().isEmpty()
                ? "経営者がセキュリティ対策を主導すべき理由は？" : k.corpus.faq().get(0).questions().get(0);
    }

    // ---- helpers ----

    private static List<Citation> dedupe(List<Citation> citations) {
        Map<String, Citation> unique = new LinkedHashMap<>();
        for (Citation c : citations) {
            unique.putIfAbsent(c.source() + "|" + c.doc() + "|" + c.section() + "|" + c.page() + "|" + c.term(), c);
        }
        return List.copyOf(unique.values());
    }

    static String snippet(String text) {
        return clip(text == null ? "" : text.replace('\n', ' ').strip(), SNIPPET);
    }

    /** Cuts at a sentence end when one is near, so a quotation never stops mid-word if avoidable. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf('。', max - 1);
        if (cut >= max / 2) {
            return text.substring(0, cut + 1);
        }
        return text.substring(0, max - 1) + "…";
    }
}
