package dev.kotae.bench;

import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.Passage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The seed corpus and questions sorted by the kind of answer they actually get. */
public final class Seed {
    /** Questions that get no answer from the seed corpus. */
    static final List<String> OFF_TOPIC = List.of("量子コンピュータで猫を飼う方法", "天気は？", "今日のランチのおすすめは？",
            "社員食堂のメニューを教えて", "東京タワーの高さは", "来週の会議室の予約方法", "経費精算の締め日はいつですか",
            "What is the capital of France?", "ピアノの弾き方", "有給休暇の申請手順");
    static final List<String> CASES = List.of("攻めのIT投資の事例をまとめて", "農業の事例", "FAXの事例を要約して",
            "守りのIT投資の事例を教えて", "次世代技術の事例をまとめて", "インシデントの事例を要約して", "製造業の事例",
            "クラウドの導入事例を教えて");

    private Seed() {}

    public static Corpus corpus() throws Exception {
        return CorpusLoader.load(EmbeddedCorpus.root());
    }

    public static Path root() throws Exception {
        return EmbeddedCorpus.root();
    }

    /** Candidate questions: glossary names, FAQ examples, corpus snippets, case requests and off-topic ones. */
    static List<String> candidates(Corpus corpus) {
        Set<String> all = new LinkedHashSet<>();
        corpus.glossary().forEach(g -> all.add(g.headword() + "とは？"));
        for (FaqRule rule : corpus.faq()) {
            all.addAll(rule.questions());
        }
        all.addAll(CASES);
        int i = 0;
        for (Passage p : corpus.passages()) {
            String t = p.text().replace('\n', ' ').strip();
            if (t.length() >= 24 && i++ % 3 == 0) {
                all.add(t.substring(4, Math.min(t.length(), 28)));
            }
        }
        all.addAll(OFF_TOPIC);
        return List.copyOf(all);
    }

    /** Up to {@code perKind} questions for each kind of answer, checked by asking them. */
    public static Map<AnswerKind, List<String>> byKind(Knowledge knowledge, int perKind) {
        KotaeService service = new KotaeService(knowledge, AnswerSettings.defaults());
        Map<AnswerKind, List<String>> byKind = new EnumMap<>(AnswerKind.class);
        for (String q : candidates(knowledge.corpus())) {
            AnswerKind kind = service.answer(q).kind();
            List<String> list = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
            if (list.size() < perKind) {
                list.add(q);
            }
        }
        return byKind;
    }

    /** A mixed workload: every candidate question once. */
    public static List<String> mixed(Corpus corpus) {
        return candidates(corpus);
    }
}
