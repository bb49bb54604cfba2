package dev.kotae.corpus.formats;

import dev.kotae.corpus.LineRepair;
import dev.kotae.corpus.ParsedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines of a PDF's pages into headings, paragraphs and lists. A PDF has no markup, so
 * structure is read from the outline when the document has one, else from numbering: {@code 第2章}
 * (level 1), {@code 第1節} (2), {@code 第3条} (3, with its caption {@code （目的）}), {@code 1.}
 * (1), {@code 2-1.} (2), {@code 2-1-3.} (3) — short lines that do not end a sentence. {@code （1）},
 * {@code ①} and bullets start list items (steps). A paragraph or list that runs over a page break
 * continues, cited by the page it starts on.
 */
final class PdfLayout {
    private static final String KANJI_NUMBER = "[0-9０-９一二三四五六七八九十百]+";
    private static final Pattern CHAPTER = Pattern.compile("^第" + KANJI_NUMBER + "[章編部](?:\\s.*|[^。]*)$");
    private static final Pattern SECTION = Pattern.compile("^第" + KANJI_NUMBER + "節(?:\\s.*|[^。]*)$");
    private static final Pattern ARTICLE = Pattern.compile("^(第" + KANJI_NUMBER + "条(?:の[0-9０-９一二三四五六七八九十]+)?)\\s*(?:([（(][^）)]{1,30}[）)]))?\\s*(.*)$");
    private static final Pattern CAPTION = Pattern.compile("^[（(][^）)0-9０-９]{1,30}[）)]$");
    private static final Pattern HYPHENATED = Pattern.compile("^([0-9]+(?:-[0-9]+)+)[.．]?\\s*\\S.*$");
    private static final Pattern DOTTED = Pattern.compile("^[0-9]{1,2}[.．]\\s*\\S.*$");
    private static final Pattern ITEM = Pattern.compile("^(?:[（(][0-9０-９]{1,3}[）)]|[①-⑳]|[0-9０-９]{1,2}[)）]|[・•●○■□◆◇▪\\-–])\\s*\\S.*$");
    private static final int HEADING_MAX = 60;

    private final OutlineBuilder out;
    private final boolean numberedHeadings;
    private final List<String> paragraph = new ArrayList<>();
    private int paragraphLine;
    private String paragraphPage;
    private final List<String> items = new ArrayList<>();
    private StringBuilder item;
    private int listLine;
    private String listPage;
    private String page;
    private int lineNo;
    /** The longest line so far, this page's included: a paragraph whose last line is nearly as long runs on overleaf. */
    private int widest;

    /** @param numberedHeadings false when the outline gives the headings */
    PdfLayout(OutlineBuilder out, boolean numberedHeadings) {
        this.out = out;
        this.numberedHeadings = numberedHeadings;
    }

    void page(String label, List<PdfReader.Bookmark> bookmarks, List<String> lines) {
        page = label;
        Map<Integer, PdfReader.Bookmark> headingAt = new HashMap<>();
        List<PdfReader.Bookmark> unplaced = new ArrayList<>();
        for (PdfReader.Bookmark b : bookmarks) {
            int at = find(lines, b.title(), headingAt);
            if (at >= 0) {
                headingAt.put(at, b);
            } else {
                unplaced.add(b);
            }
        }
        if (!unplaced.isEmpty()) {
            flush();
            out.page(page);
            for (PdfReader.Bookmark b : unplaced) {
                out.heading(b.level(), b.title(), lineNo + 1);
            }
        }
        for (String line : lines) {
            widest = Math.max(widest, line.strip().length());
        }
        if (!paragraph.isEmpty()) {
            String tail = paragraph.get(paragraph.size() - 1);
            // Only running text runs on overleaf: a sentence that ended, or a short line (a title), does not.
            if (LineRepair.endsSentence(tail) || tail.length() < 0.7 * widest) {
                flushParagraph();
            }
        }
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--; // the end of a page is no paragraph break: the sentence may continue overleaf
        }
        for (int i = 0; i <= last; i++) {
            lineNo++;
            String raw = OutlineBuilder.clean(lines.get(i));
            String t = JapaneseSpacing.tighten(raw);
            if (t.isEmpty()) {
                flush();
                continue;
            }
            PdfReader.Bookmark bookmark = headingAt.get(i);
            if (bookmark != null) {
                heading(bookmark.level(), bookmark.title());
                continue;
            }
            if (numberedHeadings && numbered(t, raw, next(lines, i))) {
                if (CAPTION.matcher(t).matches()) {
                    pendingCaption = t;
                }
                continue;
            }
            if (ITEM.matcher(t).matches()) {
                flushParagraph();
                startItem(t);
            } else if (item != null && !LineRepair.endsSentence(item.toString())) {
                LineRepair.appendLine(item, t);
            } else {
                flushList();
                if (paragraph.isEmpty()) {
                    paragraphLine = lineNo;
                    paragraphPage = page;
                }
                paragraph.add(t);
            }
        }
    }

    private String pendingCaption;

    /**
     * Handles a numbered heading line; true when the line was one (or the caption of the next one).
     * Headings keep the spaces as printed ({@code 第1章 総則}); body text is tightened.
     */
    private boolean numbered(String t, String raw, String next) {
        if (CAPTION.matcher(t).matches() && next != null && ARTICLE.matcher(next).matches()) {
            return true;
        }
        Matcher article = ARTICLE.matcher(raw);
        if (article.matches()) {
            String caption = article.group(2) != null ? article.group(2) : pendingCaption;
            pendingCaption = null;
            heading(3, article.group(1) + (caption == null ? "" : caption));
            String rest = JapaneseSpacing.tighten(article.group(3).strip());
            if (!rest.isEmpty()) {
                paragraphLine = lineNo;
                paragraphPage = page;
                paragraph.add(rest);
            }
            return true;
        }
        pendingCaption = null;
        if (t.length() > HEADING_MAX || LineRepair.endsSentence(t) || t.endsWith("、")) {
            return false;
        }
        if (CHAPTER.matcher(t).matches()) {
            heading(1, raw);
            return true;
        }
        if (SECTION.matcher(t).matches()) {
            heading(2, raw);
            return true;
        }
        Matcher hyphenated = HYPHENATED.matcher(t);
        if (hyphenated.matches()) {
            heading(Math.min(6, hyphenated.group(1).split("-").length), raw);
            return true;
        }
        if (DOTTED.matcher(t).matches()) {
            heading(1, raw);
            return true;
        }
        return false;
    }

    private void heading(int level, String text) {
        flush();
        out.page(page);
        out.heading(level, text, lineNo);
    }

    private void startItem(String t) {
        if (item != null) {
            items.add(item.toString());
        } else {
            listLine = lineNo;
            listPage = page;
        }
        item = new StringBuilder(t);
    }

    ParsedText finish() {
        flush();
        return out.build();
    }

    private void flush() {
        flushParagraph();
        flushList();
    }

    private void flushParagraph() {
        if (!paragraph.isEmpty()) {
            out.page(paragraphPage);
            out.paragraph(LineRepair.join(paragraph), paragraphLine);
            out.page(page);
            paragraph.clear();
        }
    }

    private void flushList() {
        if (item != null) {
            items.add(item.toString());
            item = null;
        }
        if (!items.isEmpty()) {
            out.page(listPage);
            out.list(List.copyOf(items), listLine);
            out.page(page);
            items.clear();
        }
    }

    private static String next(List<String> lines, int i) {
        for (int k = i + 1; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return JapaneseSpacing.tighten(lines.get(k).strip());
            }
        }
        return null;
    }

    /** The line a bookmark's title is printed on (spaces ignored), or -1. */
    private static int find(List<String> lines, String title, Map<Integer, PdfReader.Bookmark> taken) {
        String want = title.replaceAll("\\s+", "");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceAll("\\s+", "");
            if (!line.isEmpty() && !taken.containsKey(i) && (line.equals(want) || line.startsWith(want) && line.length() <= want.length() + 4)) {
                return i;
            }
        }
        return -1;
    }
}
