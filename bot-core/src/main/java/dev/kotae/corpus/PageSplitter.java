package dev.kotae.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Cuts PDF-extracted text into pages and gives each page its printed number.
 *
 * <p>The extraction starts every page with a line indented by exactly one space, but it also
 * writes footnotes, figure captions and list items whose bullet glyph was lost with that same
 * indent, and it prints a page's furniture (running headers, heading, page number) at its top or
 * its bottom. So a one-space line opens a page only when it is not footnote/caption furniture
 * (those stay with the page they were printed on) and not a list item. A list item is recognised
 * because the next non-blank line is indented the same way: a page never consists of one line.
 *
 * <p>Page numbers are printed on a few pages only. A chunk with its own number gets it; a chunk
 * without one gets the next number, unless the next numbered chunk already needs that number: then
 * the extraction split one page (e.g. a boxed text printed before the page body) and the chunk is
 * merged into that page. This keeps explicit numbers authoritative and lets counting carry on
 * after the last printed number.
 */
final class PageSplitter {

    /** One page: its printed or inferred label ({@code 第4章 – 07}, or null when unknown) and its 0-based line range. */
    record Page(int index, String label, int from, int to) {}

    private PageSplitter() {}

    /**
     * @param glyphlessBullets filled with the list items found (indexes of lines whose bullet glyph was lost)
     */
    static List<Page> split(List<String> lines, int end, boolean[] glyphlessBullets) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 1; i < end; i++) {
            if (!isIndentedOnce(lines.get(i))) {
                continue;
            }
            LineKind kind = LineKind.of(lines.get(i));
            if (kind == LineKind.FOOTNOTE || kind == LineKind.FIGURE_CAPTION || kind == LineKind.SOURCE
                    || kind == LineKind.URL || kind == LineKind.PAGE_NUMBER) {
                continue;
            }
            if (kind == LineKind.CONTENT && nextNonBlankIndentedOnce(lines, i, end)) {
                glyphlessBullets[i] = true;
                continue;
            }
            starts.add(i);
        }
        int chunks = starts.size();
        int[] from = new int[chunks];
        int[] to = new int[chunks];
        int[] explicit = new int[chunks];
        String prefix = null;
        int digits = 2;
        for (int c = 0; c < chunks; c++) {
            from[c] = starts.get(c);
            to[c] = c + 1 < chunks ? starts.get(c + 1) : end;
            explicit[c] = -1;
            for (int i = from[c]; i < to[c]; i++) {
                Matcher m = LineKind.PAGE_NUMBER_RE.matcher(lines.get(i));
                if (m.matches()) {
                    if (prefix == null) {
                        prefix = m.group(1);
                        digits = m.group(2).length();
                    }
                    explicit[c] = toInt(m.group(2));
                    break;
                }
            }
        }
        int[] number = numberChunks(explicit);
        List<Page> pages = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            if (from[c] >= to[c]) {
                continue;
            }
            Page last = pages.isEmpty() ? null : pages.get(pages.size() - 1);
            String label = prefix == null || number[c] < 1 ? null : normalisePrefix(prefix) + pad(number[c], digits);
            if (last != null && number[c] > 0 && label != null && label.equals(last.label())) {
                pages.set(pages.size() - 1, new Page(last.index(), last.label(), last.from(), to[c]));
            } else {
                pages.add(new Page(pages.size(), label, from[c], to[c]));
            }
        }
        return pages;
    }

    /** Explicit numbers win; unnumbered chunks count on, or join the next page when it leaves no room. */
    private static int[] numberChunks(int[] explicit) {
        int n = explicit.length;
        int[] number = new int[n];
        int prev = 0;
        for (int c = 0; c < n; c++) {
            if (explicit[c] > 0) {
                number[c] = explicit[c];
            } else {
                int next = -1;
                int gap = 0;
                for (int d = c + 1; d < n; d++) {
                    if (explicit[d] > 0) {
                        next = explicit[d];
                        gap = d - c;
                        break;
                    }
                }
                if (prev == 0 && next > 0) {
                    number[c] = Math.max(1, next - gap);
                } else if (next > 0 && next <= prev + 1) {
                    number[c] = next;
                } else {
                    number[c] = prev + 1;
                }
            }
            prev = number[c];
        }
        return number;
    }

    /** Keeps the document's own form of the prefix ({@code 第4章 – }), spaces normalised to the printed single ones. */
    private static String normalisePrefix(String prefix) {
        return prefix.strip() + " ";
    }

    private static String pad(int n, int digits) {
        String s = Integer.toString(n);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }

    private static int toInt(String digits) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            v = v * 10 + Character.digit(digits.charAt(i), 10);
        }
        return v;
    }

    static boolean isIndentedOnce(String line) {
        return line.length() >= 2 && line.charAt(0) == ' ' && !Character.isWhitespace(line.charAt(1));
    }

    private static boolean nextNonBlankIndentedOnce(List<String> lines, int i, int end) {
        for (int j = i + 1; j < end; j++) {
            if (!lines.get(j).isBlank()) {
                return isIndentedOnce(lines.get(j));
            }
        }
        return false;
    }
}
