package dev.kotae.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level rules for PDF-extracted slide text: how to compare lines, recognise markers,
 * captions and table rows, and how to clean the markdown and HTML left over by the extractor.
 * Stored text keeps its original width (full-width brackets and digits stay as written); only
 * comparisons go through {@link #norm(String)}.
 */
final class SlideText {
    private SlideText() {}

    /** The bullet a cleaned markdown bullet line starts with in {@link Slide#text()}. */
    static final String BULLET = "・";
    /** The bullet an HTML list item starts with inside a table cell of {@link Slide#text()}. */
    static final String CELL_BULLET = "•";

    /** Section ids in a marker: {@code 4-2-5}, any dash the PDF used. Applied after NFKC. */
    private static final Pattern SECTION_ID = Pattern.compile("(\\d+(?:\\s*[-‐‑–—―−ー]\\s*\\d+)+)");
    private static final Pattern DASHES = Pattern.compile("\\s*[-‐‑–—―−ー]\\s*");
    /** {@code - item}, {@code  - sub item}, {@code * item}; the extractor's markdown bullets. */
    private static final Pattern MD_BULLET = Pattern.compile("^\\s*[-*+]\\s+(?:[・•]\\s*)?");
    private static final Pattern HTML_ITEM = Pattern.compile("(?i)<li\\b[^>]*>|<br\\s*/?>");
    private static final Pattern HTML_TAG = Pattern.compile("(?i)</?(?:ul|ol|li|span|div|p|b|strong|i|em)\\b[^>]*>");
    private static final Pattern HTML_LIST = Pattern.compile("(?i)<(?:ul|ol|li)\\b");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");

    /** NFKC, bold markers removed, whitespace collapsed and trimmed: the form lines are compared in. */
    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).replace("**", "");
        return WHITESPACE.matcher(n).replaceAll(" ").trim();
    }

    static boolean isBlank(String raw) {
        return raw == null || norm(raw).isEmpty();
    }

    /** {@code 【参照：セミナーテキスト4-1-1.】} in any width. */
    static boolean isMarker(String raw) {
        String n = norm(raw);
        return n.startsWith("【参照") && n.endsWith("】");
    }

    /** The first section id a marker names ({@code "4-2-5"}), or null. */
    static String sectionId(String marker) {
        Matcher m = SECTION_ID.matcher(norm(marker));
        return m.find() ? DASHES.matcher(m.group(1)).replaceAll("-") : null;
    }

    /** Figure source lines such as {@code (出典) 総務省「通信利用動向調査」を基に作成}. */
    static boolean isCaption(String raw) {
        return norm(raw).startsWith("(出典)");
    }

    /** The extractor writes table rows as tab-separated cells, and nothing else has tabs. */
    static boolean isTableRow(String raw) {
        return raw != null && raw.indexOf('\t') >= 0 && !isBlank(raw);
    }

    static boolean isMarkdownBullet(String raw) {
        return raw != null && MD_BULLET.matcher(raw).find();
    }

    /**
     * A non-table line as {@link Slide#text()} keeps it: bold markers gone, trimmed, and a
     * markdown bullet ({@code - item}, {@code - ・item}) rewritten as {@code ・item}.
     */
    static String cleanLine(String raw) {
        String s = raw.replace("**", "");
        Matcher bullet = MD_BULLET.matcher(s);
        if (bullet.find()) {
            return BULLET + s.substring(bullet.end()).strip();
        }
        return s.strip();
    }

    /** A table row split at tabs, each cell cleaned into its list items (usually one). */
    static List<List<String>> cellItems(String raw) {
        List<List<String>> cells = new ArrayList<>();
        for (String cell : raw.split("\t", -1)) {
            cells.add(items(cell));
        }
        return cells;
    }

    /** A table row as {@link Slide#rows()} keeps it: list items of a cell joined with 、. */
    static List<String> cells(String raw) {
        return cellItems(raw).stream().map(items -> String.join("、", items)).toList();
    }

    /** A table row as {@link Slide#text()} keeps it: tabs kept, list cells as {@code • a • b}. */
    static String tableLine(String raw) {
        List<String> out = new ArrayList<>();
        for (List<String> items : cellItems(raw)) {
            out.add(items.size() > 1
                    ? CELL_BULLET + " " + String.join(" " + CELL_BULLET + " ", items)
                    : String.join("", items));
        }
        return String.join("\t", out);
    }

    /**
     * The items of one table cell. Plain cells are one item. Cells holding an HTML list are split at
     * {@code <li>} or {@code •}; when the extractor dropped the {@code <li>} tags and left only
     * spaces between the items, they are split at the spaces that separate Japanese phrases.
     */
    static List<String> items(String cell) {
        String s = cell.replace("**", "");
        boolean htmlList = HTML_LIST.matcher(s).find();
        s = HTML_ITEM.matcher(s).replaceAll(" " + CELL_BULLET + " ");
        s = HTML_TAG.matcher(s).replaceAll(" ");
        s = WHITESPACE.matcher(s).replaceAll(" ").strip();
        List<String> items = new ArrayList<>();
        if (s.contains(CELL_BULLET)) {
            for (String item : s.split(Pattern.quote(CELL_BULLET))) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        } else if (htmlList) {
            items.addAll(splitAtPhraseSpaces(s));
        } else {
            items.add(s);
        }
        return items.isEmpty() ? List.of("") : items;
    }

    /**
     * Splits {@code ファイアウォールの適切な設定 接続アカウントの設定 WPA2以上を使用} into items. A space
     * separates items when it follows Japanese text (or a parenthesis holding Japanese, which ends an
     * item as an annotation) and does not lead into {@code (…)} or {@code +}; spaces inside Latin
     * phrases such as {@code Web Application Firewall (WAF) サービスの導入} never split.
     */
    static List<String> splitAtPhraseSpaces(String s) {
        List<String> items = new ArrayList<>();
        int start = 0;
        for (int i = 1; i + 1 < s.length(); i++) {
            if (s.charAt(i) == ' ' && endsItem(s, i - 1) && !joinsNext(s.charAt(i + 1))) {
                items.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(s.substring(start).strip());
        items.removeIf(String::isEmpty);
        return items;
    }

    private static boolean endsItem(String s, int i) {
        char c = s.charAt(i);
        if (c == ')' || c == '）') {
            int open = Math.max(s.lastIndexOf('(', i), s.lastIndexOf('（', i));
            return open >= 0 && s.substring(open, i).codePoints().anyMatch(SlideText::isJapanese);
        }
        return isJapanese(c);
    }

    private static boolean joinsNext(char c) {
        return c == '(' || c == '（' || c == '+' || c == '＋' || c == '&' || c == '/';
    }

    static boolean isJapanese(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || cp == 'ー' || cp == '々';
    }

    /** Length in code points of the normalised text; labels and headings are judged by it. */
    static int length(String s) {
        String n = norm(s);
        return n.codePointCount(0, n.length());
    }
}
