package dev.kotae.testing;

import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The questions a load run asks, as staff would: dev-set-like questions, FAQ example phrasings,
 * glossary terms, phrases from the documents, questions the corpus cannot answer and a few hostile ones (markup, injection, control
 * characters, over-long text, blank). Each carries the kind of answer the core gives it.
 */
public final class LoadQuestions {
    /** One question of the mix: its text, where it comes from, and the kind of answer the core gives. */
    public record Question(String text, String category, AnswerKind kind) {}

    static final List<String> DEV_LIKE = List.of("VPNとは？", "EDRって何？", "シーサートとは何ですか", "2025年の崖って何？",
            "攻めのIT投資の事例をまとめて", "中小企業のセキュリティ対策は？", "ゼロトラストとは？", "WAFとは？", "UTMとは？",
            "ランサムウェアに感染したらどうすればいい？", "標的型攻撃メールの対策", "事例の一覧を見せて", "農業の事例",
            "パスワードはどう管理すればいいですか", "クラウドサービスを使うときの注意点", "DXとは？", "help");
    static final List<String> NONE = List.of("量子コンピュータで猫を飼う方法", "今日のランチのおすすめは？", "東京タワーの高さは",
            "経費精算の締め日はいつですか", "What is the capital of France?", "有給休暇の申請手順", "ピアノの弾き方");
    static final List<String> HOSTILE = List.of("<!channel> <!here> WAFとは？", "<script>alert(1)</script>とは？",
            "'; DROP TABLE users; -- とは", "WAF OR 1=1 AND text:*", "\u0000\u202e\u200bWAF\u0007とは？", "   ",
            "ｗａｆとは？？？？？？？？", "*_~`WAF`~_* &lt;b&gt; &amp;", "<@U0HOSTILE> <#C0HOSTILE|general> 😀 ゼロトラスト",
            "WAF".repeat(1500));

    /** category → share of the questions asked, in percent. */
    static final Map<String, Integer> WEIGHTS = weights();

    private final Map<String, List<Question>> byCategory;

    private LoadQuestions(Map<String, List<Question>> byCategory) {
        this.byCategory = byCategory;
    }

    private static Map<String, Integer> weights() {
        Map<String, Integer> w = new LinkedHashMap<>();
        w.put("dev", 25);
        w.put("faq", 20);
        w.put("glossary", 20);
        w.put("snippet", 15);
        w.put("none", 12);
        w.put("hostile", 8);
        return w;
    }

    /** The mix over this service's corpus; each question is asked once here to learn its kind. */
    public static LoadQuestions of(KotaeService service) {
        Corpus corpus = service.knowledge().corpus();
        Map<String, List<String>> texts = new LinkedHashMap<>();
        texts.put("dev", DEV_LIKE);
        List<String> faq = new ArrayList<>();
        for (FaqRule rule : corpus.faq()) {
            faq.addAll(rule.questions());
        }
        texts.put("faq", faq);
        List<String> glossary = new ArrayList<>();
        for (GlossaryEntry g : corpus.glossary()) {
            glossary.add(g.headword() + "とは？");
            glossary.add(g.term());
        }
        texts.put("glossary", glossary);
        List<String> snippets = new ArrayList<>(); // a phrase from the documents, as someone half-remembers it
        int i = 0;
        for (Passage p : corpus.passages()) {
            String t = p.text().replace('\n', ' ').strip();
            if (t.length() >= 24 && i++ % 4 == 0) {
                snippets.add(t.substring(4, Math.min(t.length(), 28)));
            }
        }
        texts.put("snippet", snippets);
        texts.put("none", NONE);
        texts.put("hostile", HOSTILE);
        Map<String, List<Question>> byCategory = new LinkedHashMap<>();
        texts.forEach((category, list) -> {
            if (!list.isEmpty()) {
                byCategory.put(category, list.stream().distinct()
                        .map(t -> new Question(t, category, service.answer(t).kind())).toList());
            }
        });
        return new LoadQuestions(byCategory);
    }

    /** A fixed mix, all of one category ({@code dev}): for testing the driver itself. */
    static LoadQuestions fixed(List<Question> questions) {
        Map<String, List<Question>> byCategory = new LinkedHashMap<>();
        byCategory.put("dev", List.copyOf(questions));
        return new LoadQuestions(byCategory);
    }

    /** A question drawn by the category weights, then uniformly within the category. */
    public Question next(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (Map.Entry<String, Integer> w : WEIGHTS.entrySet()) {
            roll -= w.getValue();
            if (roll < 0 && byCategory.containsKey(w.getKey())) {
                List<Question> list = byCategory.get(w.getKey());
                return list.get(random.nextInt(list.size()));
            }
        }
        List<Question> dev = byCategory.get("dev");
        return dev.get(random.nextInt(dev.size()));
    }

    public int size() {
        return byCategory.values().stream().mapToInt(List::size).sum();
    }
}
