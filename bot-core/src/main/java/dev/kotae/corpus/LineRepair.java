package dev.kotae.corpus;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Undoes what PDF extraction does to running text: hard line breaks inside sentences, stray
 * spaces next to Japanese punctuation, inline footnote marks and URLs.
 */
public final class LineRepair {
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("\\[\\d{1,3}]");
    private static final String CLOSERS = "）」』】〕］｝〉》\"”’";
    private static final String SENTENCE_END = "。！？";

    private LineRepair() {}

    /**
     * Joins PDF lines into one string. Japanese has no spaces between words, so a break inside a
     * sentence is simply removed; a break between two Latin words or numbers was a real space.
     */
    public static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String raw : lines) {
            appendLine(out, raw);
        }
        return cleanSpaces(out.toString());
    }

    /** Appends one more PDF line to {@code out} under the same rule as {@link #join}. */
    public static void appendLine(StringBuilder out, String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            char last = out.charAt(out.length() - 1);
            boolean latinBefore = isLatin(last) || ",;%".indexOf(last) >= 0;
            if (latinBefore && isLatin(line.charAt(0))) {
                out.append(' ');
            }
        }
        out.append(line);
    }

    /**
     * Removes the spaces the extraction put next to Japanese punctuation ({@code 略。 従来},
     * {@code （Integrity） 、}). Other spaces are kept: between Latin words, between Latin and
     * Japanese ({@code NIST サイバー}) the author wrote them, and between two Japanese words they
     * separate table cells ({@code 民法 415条 債務不履行…}).
     */
    public static String cleanSpaces(String s) {
        String t = s.replace('\u3000', ' ').replaceAll("[\\t ]+", " ").strip();
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' && i > 0 && i + 1 < t.length()) {
                char prev = t.charAt(i - 1);
                char next = t.charAt(i + 1);
                boolean afterPunct = "。、，．：）」』】".indexOf(prev) >= 0;
                boolean beforePunct = "。、，．）」』】".indexOf(next) >= 0;
                if (afterPunct || beforePunct) {
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Removes URLs and footnote marks such as {@code [9]}: they are citations, not content. */
    static String stripCitations(String s) {
        String t = URL.matcher(s).replaceAll("");
        t = FOOTNOTE_MARK.matcher(t).replaceAll("");
        return cleanSpaces(t);
    }

    static boolean containsUrl(String s) {
        return URL.matcher(s).find();
    }

    static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /** Full-width (two columns in a Japanese layout). */
    static boolean isWide(char c) {
        return c >= 0x1100 && !(c >= 0xFF61 && c <= 0xFF9F);
    }

    /** Width in half-width columns: ASCII counts 1, Japanese counts 2. */
    static int width(String s) {
        String t = s.strip();
        int w = 0;
        for (int i = 0; i < t.length(); i++) {
            w += isWide(t.charAt(i)) ? 2 : 1;
        }
        return w;
    }

    /** True when {@code s} ends a sentence: 。！？ possibly followed by closing brackets or a footnote mark. */
    public static boolean endsSentence(String s) {
        String t = FOOTNOTE_MARK.matcher(s.strip()).replaceAll("").strip();
        int i = t.length() - 1;
        while (i >= 0 && CLOSERS.indexOf(t.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && SENTENCE_END.indexOf(t.charAt(i)) >= 0;
    }

    /**
     * Splits at 。 outside brackets, keeping closing brackets with the sentence they close, so that a
     * quoted 「…。」 is not cut in two.
     */
    static List<int[]> sentenceSpans(String s) {
        List<int[]> spans = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("（「『【〔［(".indexOf(c) >= 0) {
                depth++;
            } else if ("）」』】〕］)".indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (SENTENCE_END.indexOf(c) >= 0 && depth == 0) {
                int end = i + 1;
                while (end < s.length() && CLOSERS.indexOf(s.charAt(end)) >= 0) {
                    end++;
                }
                while (end < s.length() && s.charAt(end) == ' ') {
                    end++;
                }
                spans.add(new int[] {start, end});
                start = end;
                i = end - 1;
            }
        }
        if (start < s.length()) {
            spans.add(new int[] {start, s.length()});
        }
        return spans;
    }
}
