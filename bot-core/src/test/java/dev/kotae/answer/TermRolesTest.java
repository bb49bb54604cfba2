package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Unknown words lower confidence by what they name: nouns nearly in full, talk hardly at all. */
class TermRolesTest {
    private static Knowledge k;

    @BeforeAll
    static void load() throws Exception {
        k = Knowledge.build(CorpusLoader.load(EmbeddedCorpus.root()));
    }

    @Test
    void aKnownWordWeighsItsRarity() {
        assertEquals(k.index.idf("ゼロトラスト"), TermRoles.weight("ゼロトラスト", "カスタム名詞", k.index));
    }

    @Test
    void anUnknownNounWeighsNearlyInFullAndAnUnknownAdjectiveHardly() {
        double noun = TermRoles.weight("有給休暇", "名詞-一般", k.index);
        double adjective = TermRoles.weight("やばい", "形容詞-自立", k.index);
        double hiragana = TermRoles.weight("とこ", "名詞-一般", k.index);
        assertTrue(noun > 5 * adjective, noun + " vs " + adjective);
        assertEquals(adjective, hiragana, 1e-9);
        // a product name in Latin letters the documents never use counts in full
        assertTrue(TermRoles.weight("slack", "名詞-固有名詞-組織", k.index) > noun);
    }

    @Test
    void wordsOfAskingAndGrammarAreNotTopics() {
        assertTrue(TermRoles.isManner("具体的"));
        assertTrue(TermRoles.isManner("教示"));
        assertTrue(TermRoles.isFunctional("動詞-非自立"));
        assertFalse(TermRoles.isManner("ゼロトラスト"));
        assertFalse(TermRoles.isFunctional("名詞-一般"));
    }
}
