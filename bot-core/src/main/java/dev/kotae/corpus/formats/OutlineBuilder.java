package dev.kotae.corpus.formats;

import dev.kotae.corpus.LineRepair;
import dev.kotae.corpus.ParsedText;
import dev.kotae.corpus.Passage;
import dev.kotae.corpus.PassageBuilder;
import dev.kotae.corpus.Section;
import dev.kotae.corpus.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a reader finds in a document — headings, paragraphs, lists, table rows, on which page —
 * into sections and quotable passages, the same way for every format.
 *
 * <p>A heading that starts with a hyphenated number ({@code 9-1-1. 新しい制度}) keeps it as the section
 * id, so FAQ rules can cite it like a seminar section; other headings have id {@code null} and are
 * cited by file, heading and page. Paragraphs are cut into sentence groups like the seminar text; a
 * list stays one passage (its items make sense together); a table row is written with its column
 * headers ({@code 項目：値}).
 */
public final class OutlineBuilder {
    private static final Pattern NUMBERED = Pattern.compile("^([0-9]+(?:-[0-9]+)+)[.．]?\\s*(.*)$");
    private static final String PATH_SEPARATOR = " › ";

    private final String doc;
    private final SourceKind source;
    private final String fallbackTitle;
    private final boolean pathTitles;
    private final ReadBudget budget;
    private final List<Section> sections = new ArrayList<>();
    private final List<Passage> passages = new ArrayList<>();
    private final String[] path = new String[7];
    private String sectionId;
    private String title;
    private String page;

    /**
     * @param fallbackTitle the title of passages before any heading (the document's title or file name)
     * @param pathTitles    a section's title is its heading path ({@code 規程 › 第3条 パスワード}), not only its heading
     */
    public OutlineBuilder(String doc, SourceKind source, String fallbackTitle, boolean pathTitles, ReadBudget budget) {
        this.doc = doc;
        this.source = source;
        this.fallbackTitle = fallbackTitle;
        this.pathTitles = pathTitles;
        this.budget = budget;
        this.title = fallbackTitle;
    }

    /** Passages from now on are on this page ({@code p. 3}, {@code スライド 3}, or null). */
    public void page(String label) {
        this.page = label;
    }

    public void heading(int level, String text, int line) {
        String t = clean(text);
        if (t.isEmpty()) {
            return;
        }
        budget.charge(t);
        int l = Math.max(1, Math.min(6, level));
        path[l] = t;
        for (int k = l + 1; k < path.length; k++) {
            path[k] = null;
        }
        Matcher n = NUMBERED.matcher(t);
        String own = t;
        sectionId = null;
        if (n.matches() && !n.group(2).isBlank()) {
            sectionId = n.group(1);
            own = n.group(2).strip();
        }
        title = pathTitles ? ancestors(l) + own : own;
        String chapter = sectionId == null ? null : "第" + sectionId.substring(0, sectionId.indexOf('-')) + "章";
        sections.add(new Section(doc, sectionId, title, chapter, page, line));
    }

    /** Running text: cut into groups of at most three sentences, never inside one. */
    public void paragraph(String text, int line) {
        String body = clean(text);
        if (body.isEmpty()) {
            return;
        }
        budget.charge(body);
        for (int[] group : PassageBuilder.groups(body)) {
            add(body.substring(group[0], group[1]), line);
        }
    }

    /** A list, its items already marked ({@code 1. …}, {@code ・…}): one passage. */
    public void list(List<String> items, int line) {
        List<String> kept = items.stream().map(OutlineBuilder::clean).filter(s -> !s.isEmpty()).toList();
        if (kept.isEmpty()) {
            return;
        }
        String text = String.join(" ", kept);
        budget.charge(text);
        add(text, line);
    }

    /** A table row, each cell with its column header. */
    public void row(List<String> headers, List<String> cells, int line) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String cell = clean(cells.get(c));
            if (cell.isEmpty()) {
                continue;
            }
            String header = c < headers.size() ? clean(headers.get(c)) : "";
            parts.add(header.isEmpty() || header.equals(cell) ? cell : header + "：" + cell);
        }
        if (!parts.isEmpty()) {
            String text = String.join(" ", parts);
            budget.charge(text);
            add(text, line);
        }
    }

    /** Text that stays one passage as it is (a slide, a code block). */
    public void whole(String text, int line) {
        String t = clean(text);
        if (!t.isEmpty()) {
            budget.charge(t);
            add(t, line);
        }
    }

    /** Whether any heading has been seen. */
    public boolean hasSections() {
        return !sections.isEmpty();
    }

    public int passageCount() {
        return passages.size();
    }

    public ParsedText build() {
        return new ParsedText(sections, passages, List.of(), List.of());
    }

    private void add(String text, int line) {
        String t = text.strip();
        if (!t.isEmpty()) {
            passages.add(new Passage(source, doc, sectionId, title == null ? fallbackTitle : title, page, t, line));
        }
    }

    private String ancestors(int level) {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k < level; k++) {
            if (path[k] != null) {
                b.append(path[k]).append(PATH_SEPARATOR);
            }
        }
        return b.toString();
    }

    /** One line, single spaces, no spaces next to Japanese punctuation. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        return LineRepair.cleanSpaces(s.replaceAll("[\\s\\u00A0\\u3000]+", " ")).strip();
    }
}
