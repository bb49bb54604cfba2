package dev.kotae.corpus.formats;

/**
 * Removes the spaces that layout puts into Japanese text: PDF extraction writes a space wherever
 * glyphs stand apart ({@code パ ス ワ ー ド}, {@code VPN 接続}), and a web page's source line breaks
 * inside a Japanese sentence become spaces. Japanese needs no space next to kana or kanji, and the
 * analyser splits {@code VPN接続} as it splits {@code VPN 接続}; spaces between Latin words stay.
 */
final class JapaneseSpacing {
    private JapaneseSpacing() {}

    static String tighten(String s) {
        if (s.indexOf(' ') < 0 && s.indexOf('\u3000') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\u3000') {
                int j = i;
                while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\u3000')) {
                    j++;
                }
                char before = out.isEmpty() ? ' ' : out.charAt(out.length() - 1);
                char after = j < n ? s.charAt(j) : ' ';
                boolean japaneseSide = isJapanese(before) || isJapanese(after);
                boolean bothSidesText = Character.isLetterOrDigit(before) || isJapanese(before);
                if (japaneseSide && bothSidesText && (Character.isLetterOrDigit(after) || isJapanese(after))) {
                    i = j - 1;
                    continue;
                }
                out.append(' ');
                i = j - 1;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Kana, kanji, the prolonged sound mark and Japanese punctuation. */
    static boolean isJapanese(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS;
    }
}
