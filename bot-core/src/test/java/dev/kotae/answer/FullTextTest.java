package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KotaeService#fullText}: what an adapter's "show the source" button shows. */
class FullTextTest {
    private static KotaeService kotae;

    @BeforeAll
    static void load() throws Exception {
        kotae = new KotaeService(Knowledge.build(CorpusLoader.load(EmbeddedCorpus.root())), AnswerSettings.defaults());
    }

    @Test
    void everyCitationOfTheseAnswersHasItsFullText() {
        for (String q : new String[] {"WAFとは？", "2025年の崖って何？", "攻めのIT投資の事例をまとめて", "中小企業のセキュリティ対策は？"}) {
            Answer a = kotae.answer(q);
            for (Citation c : a.citations()) {
                String full = kotae.fullText(c).orElseThrow(() -> new AssertionError(q + ": no full text for " + c.label()));
                // A case part's snippet reads "手順の名前：本文"; either side is quoted from the full text.
                String snippet = c.snippet().replace("…", "").replace(" ", "");
                String body = snippet.contains("：") ? snippet.substring(snippet.indexOf('：') + 1) : snippet;
                String flat = full.replace("\n", "").replace(" ", "");
                assertTrue(flat.contains(snippet.substring(0, Math.min(12, snippet.length())))
                                || flat.contains(body.substring(0, Math.min(12, body.length()))),
                        q + ": " + c.label() + " quotes from its full text");
            }
        }
    }

    @Test
    void glossaryCitationGivesTheDefinitionAndUnknownGivesNothing() {
        Citation waf = kotae.answer("WAFとは？").citations().get(0);
        assertEquals("glossary", waf.source());
        assertTrue(kotae.fullText(waf).orElseThrow().startsWith(waf.term() + "："));
        assertFalse(kotae.fullText(new Citation("text", "nowhere.txt", "9-9-9", "x", null, null, "x")).isPresent());
    }
}
