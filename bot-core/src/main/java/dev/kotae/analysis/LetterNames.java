package dev.kotae.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Latin letters spelt out in kana, as staff type acronyms with a Japanese IME: ブイピーエヌ (VPN),
 * イーディーアール (EDR), えすでぃーぴー (SDP). Only a reading of the whole span that gives an acronym
 * the corpus uses counts, so ordinary katakana words are never taken for letters.
 */
final class LetterNames {
    /** Folded readings ({@link KanaFolding#fold}: no long-vowel marks, large kana, ヴ as ブ) of each letter. */
    private static final String[][] NAMES = {
        {"a", "エ", "エイ"}, {"b", "ビ"}, {"c", "シ"}, {"d", "デイ", "デ"}, {"e", "イ"}, {"f", "エフ"},
        {"g", "ジ"}, {"h", "エイチ", "エツチ"}, {"i", "アイ"}, {"j", "ジエイ", "ジエ"}, {"k", "ケ", "ケイ"},
        {"l", "エル"}, {"m", "エム"}, {"n", "エヌ"}, {"o", "オ"}, {"p", "ピ"}, {"q", "キユ"}, {"r", "アル"},
        {"s", "エス"}, {"t", "テイ", "テ"}, {"u", "ユ"}, {"v", "ブイ"}, {"w", "ダブリユ", "ダブル"},
        {"x", "エツクス"}, {"y", "ワイ"}, {"z", "ゼツト", "ゼツド", "ズイ"},
    };

    private LetterNames() {}

    /** The upper-case acronym {@code kana} spells, if it is one of {@code known} (lower case); else null. */
    static String acronym(String kana, Set<String> known) {
        if (known.isEmpty()) {
            return null;
        }
        String key = KanaFolding.fold(kana);
        if (key.length() < 2 || key.length() > 24) {
            return null;
        }
        String found = read(key, 0, new StringBuilder(), known);
        return found == null ? null : found.toUpperCase(Locale.ROOT);
    }

    private static String read(String key, int at, StringBuilder letters, Set<String> known) {
        if (at == key.length()) {
            String word = letters.toString();
            return letters.length() >= 2 && known.contains(word) ? word : null;
        }
        if (letters.length() >= 8) {
            return null;
        }
        for (String[] letter : NAMES) {
            for (String name : List.of(letter).subList(1, letter.length)) {
                if (key.startsWith(name, at)) {
                    letters.append(letter[0]);
                    String found = read(key, at + name.length(), letters, known);
                    letters.setLength(letters.length() - 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
