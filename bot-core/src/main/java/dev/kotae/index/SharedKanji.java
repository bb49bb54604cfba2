package dev.kotae.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Terms of a generation that share a kanji with a word: 継続 for 続ける, 安価 for 安い, 操作 for 操る.
 * A kanji carries meaning on its own, so a question described in other words than the documents
 * use still shares characters with them. Only telling kanji count: one in many terms (情, 報, 的, 化)
 * says nothing about which.
 */
public final class SharedKanji {
    /** A kanji in more terms than this joins words too loosely to count. */
    static final int MAX_TERMS_PER_KANJI = 12;

    private final Map<Integer, int[]> termsByKanji;

    private SharedKanji(Map<Integer, int[]> termsByKanji) {
        this.termsByKanji = termsByKanji;
    }

    static SharedKanji of(TermIds ids) {
        Map<Integer, List<Integer>> byKanji = new HashMap<>();
        ids.forEach((term, id) -> {
            // A term with a number in it names one thing (2025年の崖): 2026年の崖 is not a kind of it.
            if (term.chars().noneMatch(Character::isDigit)) {
                term.codePoints().filter(SharedKanji::isKanji).distinct()
                        .forEach(c -> byKanji.computeIfAbsent(c, x -> new ArrayList<>()).add(id));
            }
        });
        Map<Integer, int[]> telling = new HashMap<>();
        byKanji.forEach((c, list) -> {
            if (list.size() <= MAX_TERMS_PER_KANJI) {
                telling.put(c, list.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        });
        return new SharedKanji(telling);
    }

    /** The sorted ids of the terms sharing a telling kanji with {@code word}, its own id left out. */
    public int[] kin(String word, int ownId) {
        TreeSet<Integer> kin = new TreeSet<>();
        word.codePoints().filter(SharedKanji::isKanji).distinct().forEach(c -> {
            int[] ids = termsByKanji.get(c);
            if (ids != null) {
                for (int id : ids) {
                    if (id != ownId) {
                        kin.add(id);
                    }
                }
            }
        });
        return kin.stream().mapToInt(Integer::intValue).toArray();
    }

    static boolean isKanji(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
