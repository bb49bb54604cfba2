package dev.kotae.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KanjiNumbersTest {
    @ParameterizedTest
    @CsvSource({
            "二〇二五年の崖とは, 2025年の崖とは",
            "三十分以内, 30分以内",
            "百万人以上の顧客, 1000000人以上の顧客",
            // units after 何 or 数 are no number; words with 一 in them are no number
            "何万人不足する, 何万人不足する",
            "数百社, 数百社",
            "一部の企業を統一する, 一部の企業を統一する",
            "2025年の崖, 2025年の崖",
    })
    void kanjiNumeralsBecomeDigits(String in, String out) {
        assertEquals(out, KanjiNumbers.toDigits(in));
    }
}
