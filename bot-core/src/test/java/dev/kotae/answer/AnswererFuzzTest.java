package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Property-based fuzzing of the answerer with hostile text: arbitrary UTF-16 (unpaired surrogates
 * included), control and bidi characters, emoji, Lucene query syntax, Slack mention markup and very
 * long strings. Every input gets an answer of a valid kind, never an exception, within a time bound,
 * and nothing of the question's markup is echoed back.
 */
class AnswererFuzzTest {
    /** Generous for a loaded 2-core CI machine; a typical answer takes well under a millisecond. */
    private static final long BOUND_MILLIS = 2_000;
    private static final List<String> FRAGMENTS = List.of("*:*", " AND ", " OR ", "NOT ", "((((", "))", "title:x^9",
            "body:\"", "~2", "\\", "<!channel>", "<!here>", "<!everyone>", "<@U123ABC>", "<#C999|general>",
            "<https://evil.example|click>", "@channel", "\u202e", "\u202c", "\u200f", "\u200b", "\ufeff", "\u0000",
            "\u0007", "\u001b[31m", "\r", "\t", "🙂", "👨‍👩‍👧", "🔥", "\ud800", "\udfff", "WAF", "とは？", "って何？",
            "事例", "一覧", "ヘルプ", "ゼロトラスト", "2025年の崖", "ランサムウェア", "ｗａｆ", "ﾜﾌ", "ぜろとらすと",
            "<script>alert(1)</script>", "**bold**", "```", "# ", "- ", "|a|b|", "%s%n", "${jndi:ldap://x}", "'; DROP TABLE");

    private static KotaeService kotae;

    private static synchronized KotaeService kotae() throws Exception {
        if (kotae == null) {
            kotae = new KotaeService(Knowledge.build(CorpusLoader.load(EmbeddedCorpus.root())), AnswerSettings.defaults());
        }
        return kotae;
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u3040', '\u30ff').withCharRange('\u4e00', '\u4fff').ofMaxLength(10));
        Arbitrary<String> composed = fragment.list().ofMaxSize(20).map(parts -> String.join("", parts));
        Arbitrary<String> huge = Arbitraries.of(FRAGMENTS).list().ofMinSize(200).ofMaxSize(900).map(parts -> String.join("", parts));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, composed),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(200)),
                net.jqwik.api.Tuple.of(1, huge));
    }

    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void everyQuestionGetsAValidAnswerInTime(@ForAll("hostile") String question) throws Exception {
        long start = System.nanoTime();
        Answer answer = kotae().answer(new Question(question, "fuzz", null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < BOUND_MILLIS, "took " + millis + " ms");
        assertNotNull(answer.kind());
        assertNotNull(answer.text());
        assertFalse(answer.text().isBlank());
        if (answer.kind() != AnswerKind.NONE) {
            assertFalse(answer.citations().isEmpty(), "a " + answer.kind() + " answer cites a source");
        }
        assertTrue(answer.confidence() >= 0 && answer.confidence() <= 1);
        if (question.length() > AnswerSettings.defaults().maxQuestionLength()) {
            assertEquals(AnswerKind.NONE, answer.kind());
            assertTrue(answer.text().contains("長すぎ"), answer.text());
        }
        for (String said : said(answer)) {
            // No live mention or link markup ever comes out, whatever came in.
            assertFalse(said.contains("<!"), said);
            assertFalse(said.contains("<@"), said);
            assertFalse(said.contains("<#"), said);
            assertFalse(said.contains("<https:"), said);
            assertFalse(said.contains("<script"), said);
        }
    }

    private static List<String> said(Answer answer) {
        List<String> all = new java.util.ArrayList<>();
        all.add(answer.text());
        all.addAll(answer.followUps());
        all.addAll(answer.suggestions());
        answer.citations().forEach(c -> {
            all.add(String.valueOf(c.title()));
            all.add(String.valueOf(c.snippet()));
            all.add(String.valueOf(c.term()));
        });
        return all;
    }

    @Property(tries = 40)
    void querySyntaxIsJustText(@ForAll("syntax") String question) throws Exception {
        Answer answer = kotae().answer(question);
        assertNotNull(answer.kind());
    }

    @Provide
    Arbitrary<String> syntax() {
        return Arbitraries.of("*:*", "AND OR", "((((", "title:x^9", "body:WAF AND title:*", "WAF~", "\"WAF", "+-&&||!(){}[]^\"~*?:\\/",
                "WAF AND (ゼロトラスト OR", "*", "?", "title:", ":").list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(" ", l));
    }
}
