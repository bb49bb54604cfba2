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
    void anEverydayEnglishWordWeighsLittleAndANameInFull() {
        double everyday = TermRoles.weight("propose", null, k.index, "Who proposed it, and when was that?");
        double name = TermRoles.weight("slack", null, k.index, "How much does Slack cost per user?");
        assertTrue(name > 3 * everyday, name + " vs " + everyday);
        // capitalised inside the sentence, it is a name; a short phrase is not a sentence to judge by
        assertFalse(TermRoles.isEverydayEnglish("zoom", "Can we use Zoom for meetings?"));
        assertFalse(TermRoles.isEverydayEnglish("propose", "propose"));
        assertTrue(TermRoles.isEverydayEnglish("change", "How has the rate changed since then?"));
        assertTrue(TermRoles.isEverydayEnglish("leave", "Why not leave it to the team by leaving early?"));
        assertTrue(TermRoles.isEverydayEnglish("leave", "Why lead it instead of leaving it to the IT team?"));
        // a stray letter (what is left of people's) names nothing
        assertFalse(TermRoles.meaningful("s", null));
    }

    @Test
    void aLoneKanjiWeighsLessThanItsRarity() {
        assertTrue(TermRoles.isLoneKanji("外"));
        assertFalse(TermRoles.isLoneKanji("外部"));
        assertEquals(TermRoles.LONE_KANJI * k.index.idf("外"), TermRoles.weight("外", "名詞-一般", k.index), 1e-9);
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
