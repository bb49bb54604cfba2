package dev.kotae.analysis;

import java.text.Normalizer;

/**
 * The first step of every text pipeline, applied to corpus text and questions alike so both sides
 * meet: NFKC (full-width Latin and digits, half-width katakana), control characters removed,
 * dash-like characters after katakana read as the long-vowel mark, whitespace collapsed.
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (isInvisible(cp)) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (isDashLike(cp) && out.length() > 0 && KanaFolding.isKatakana(out.charAt(out.length() - 1))) {
                out.append('ー');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Control, format (bidi marks, zero-width joiners) and private-use characters carry no meaning here. */
    static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static boolean isDashLike(int cp) {
        return cp == '-' || cp == '‐' || cp == '‑' || cp == '–' || cp == '—' || cp == '―' || cp == '−' || cp == '〜' || cp == '~';
    }
}
