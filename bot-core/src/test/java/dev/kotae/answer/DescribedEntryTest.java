package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A story names a glossary entry only when enough telling words are shared and no other entry is close. */
class DescribedEntryTest {
    private static DescribedEntry.Candidate c(int ord, double coverage, boolean kind) {
        return new DescribedEntry.Candidate(ord, coverage, kind);
    }

    @Test
    void aClearLeaderWithEnoughSharedWordsIsNamed() {
        assertEquals(7, DescribedEntry.choose(List.of(c(7, 0.40, false), c(3, 0.20, false)), 30).orElseThrow().ord());
    }

    @Test
    void tooLittleSharedOrNoClearLeadIsNotNamed() {
        // 0.40 of a question weighing 10 is four units: less than three telling words
        assertTrue(DescribedEntry.choose(List.of(c(7, 0.40, false)), 10).isEmpty());
        assertTrue(DescribedEntry.choose(List.of(c(7, 0.20, false)), 60).isEmpty());
        assertTrue(DescribedEntry.choose(List.of(c(7, 0.40, false), c(3, 0.38, false)), 30).isEmpty());
        assertTrue(DescribedEntry.choose(List.of(), 30).isEmpty());
    }

    @Test
    void whenSomeEntriesAreOfTheKindAskedOnlyTheyCount() {
        // 「何という攻撃」: ファイアウォール may share words, but DDoS攻撃 is an attack
        assertEquals(1, DescribedEntry.choose(List.of(c(1, 0.35, true), c(2, 0.34, false), c(3, 0.25, true)), 30).orElseThrow().ord());
    }
}
