package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Words described in other words share telling kanji; common kanji and numbered names do not join words. */
class SharedKanjiTest {
    @Test
    void aWordFindsTheTermsSharingATellingKanji() {
        TermIds ids = new TermIds();
        ids.add(List.of("継続", "安価", "計画", "2025年の崖"));
        SharedKanji kin = SharedKanji.of(ids);
        assertArrayEquals(new int[] {ids.id("継続")}, kin.kin("続ける", TermIds.UNKNOWN));
        assertArrayEquals(new int[] {ids.id("安価")}, kin.kin("安い", TermIds.UNKNOWN));
        // its own id is left out
        assertArrayEquals(new int[0], kin.kin("継続", ids.id("継続")));
        // a term with a number names one thing: 2026年の崖 is not a kind of 2025年の崖
        assertArrayEquals(new int[0], kin.kin("崖", TermIds.UNKNOWN));
    }

    @Test
    void aKanjiInManyTermsJoinsNothing() {
        TermIds ids = new TermIds();
        List<String> many = new ArrayList<>();
        IntStream.range(0, SharedKanji.MAX_TERMS_PER_KANJI + 1).forEach(i -> many.add("情報" + (char) ('あ' + i)));
        ids.add(many);
        ids.add(List.of("漏洩"));
        SharedKanji kin = SharedKanji.of(ids);
        assertEquals(0, kin.kin("情熱", TermIds.UNKNOWN).length);
        assertTrue(kin.kin("漏れる", TermIds.UNKNOWN).length == 1);
    }

    @Test
    void sortedIdArraysIntersect() {
        assertTrue(TermIds.intersects(new int[] {1, 4, 9}, new int[] {2, 9}));
        assertTrue(!TermIds.intersects(new int[] {1, 4}, new int[] {2, 3, 5}));
        assertTrue(!TermIds.intersects(new int[0], new int[] {1}));
    }
}
