package dev.kotae.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Splits a PDF-extracted slide deck into slides and quotable passages.
 *
 * <p>The extractor leaves no slide separator, so slides are found by their running title:
 * <ol>
 *   <li>A line whose next non-blank line is a {@code 【参照：…】} marker is a running title.</li>
 *   <li>The body starts at the first such line. Every later line that is exactly a running title
 *       starts a slide, unless it directly follows a marker: there it is the slide's heading
 *       ({@code 経営者が重要視すべき3つのポイント} is both a title and a heading).</li>
 *   <li>A body line repeating the deck's first line ({@code 令和5年度}) is the closing cover.</li>
 *   <li>Before the body is front matter (cover, agenda, chapter list), whose titles repeat only as
 *       list items. It is split where a line repeats within it ({@code セミナー内容} heads each agenda
 *       page) and after each table (an agenda table ends its page).</li>
 * </ol>
 * A slide without a marker takes the section of the preceding slide with the same title.
 *
 * <p>{@link Slide#text()} holds the slide's lines from its title on, cleaned: markers and
 * whitespace-only lines dropped, runs of blank lines kept as one empty line (the paragraph breaks
 * passages are cut at), {@code - item} bullets as {@code ・item}, bold markers removed, and table rows
 * as tab-separated cells with HTML lists as {@code • a • b}.
 */
public final class SlideDeckParser {
    private SlideDeckParser() {}

    /** Front-matter slides have content in place of a running title, and no heading or section. */
    private enum Kind { FRONT, TITLED }

    private record Start(int index, Kind kind) {}

    /** Table keys read with a space rather than a colon: {@code 第7回 …}, {@code 課題 1 …}. */
    private static final Pattern ORDINAL_KEY = Pattern.compile("^(第\\s*\\d+\\s*[回章節条項部]|[^\\d\\s]{0,6}\\s*\\d+)$");

    public static List<Slide> parse(String doc, List<String> lines) {
        List<String> source = lines == null ? List.of() : lines.stream().map(l -> l == null ? "" : l).toList();
        List<Start> starts = slideStarts(source);
        List<Slide> slides = new ArrayList<>();
        Map<String, String> sectionByTitle = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1).index() : source.size();
            Slide slide = buildSlide(doc, slides.size() + 1, source, starts.get(i), end, sectionByTitle);
            if (slide != null) {
                slides.add(slide);
            }
        }
        return List.copyOf(slides);
    }

    // ---- finding slide starts ----

    private static List<Start> slideStarts(List<String> lines) {
        Set<String> titles = runningTitles(lines);
        int body = bodyStart(lines, titles);
        List<Start> starts = new ArrayList<>();
        for (int i : frontMatterStarts(lines, body)) {
            starts.add(new Start(i, Kind.FRONT));
        }
        String cover = firstContentLine(lines, 0, lines.size());
        for (int i = body; i < lines.size(); i++) {
            String n = SlideText.norm(lines.get(i));
            if (i == body || (titles.contains(n) && !followsMarker(lines, i))) {
                starts.add(new Start(i, Kind.TITLED));
            } else if (i > body && !n.isEmpty() && n.equals(cover)) {
                starts.add(new Start(i, Kind.FRONT));
            }
        }
        return starts;
    }

    /** Lines (normalised) that are directly followed by a 【参照：…】 marker. */
    static Set<String> runningTitles(List<String> lines) {
        Set<String> titles = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!SlideText.isBlank(line) && !SlideText.isMarker(line) && !SlideText.isTableRow(line)) {
                int next = nextContent(lines, i + 1);
                if (next >= 0 && SlideText.isMarker(lines.get(next))) {
                    titles.add(SlideText.norm(line));
                }
            }
        }
        return titles;
    }

    /** The first running title that carries a marker; with no marker at all the whole deck is front matter. */
    private static int bodyStart(List<String> lines, Set<String> titles) {
        for (int i = 0; i < lines.size(); i++) {
            if (titles.contains(SlideText.norm(lines.get(i))) && !followsMarker(lines, i)) {
                int next = nextContent(lines, i + 1);
                if (next >= 0 && SlideText.isMarker(lines.get(next))) {
                    return i;
                }
            }
        }
        return lines.size();
    }

    /**
     * Front matter has no running titles, so it is split at its own structure: the first line, every
     * line that occurs more than once in it (a repeated page heading such as {@code セミナー内容}), and
     * the first line after a table (tables end the agenda pages).
     */
    private static Set<Integer> frontMatterStarts(List<String> lines, int end) {
        Set<Integer> starts = new TreeSet<>();
        int first = nextContent(lines, 0);
        if (first < 0 || first >= end) {
            return starts;
        }
        starts.add(first);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = first; i < end; i++) {
            if (!SlideText.isBlank(lines.get(i)) && !SlideText.isTableRow(lines.get(i))) {
                counts.merge(SlideText.norm(lines.get(i)), 1, Integer::sum);
            }
        }
        boolean afterTable = false;
        for (int i = first; i < end; i++) {
            String line = lines.get(i);
            if (SlideText.isBlank(line)) {
                continue;
            }
            if (SlideText.isTableRow(line)) {
                afterTable = true;
                continue;
            }
            boolean repeated = counts.getOrDefault(SlideText.norm(line), 0) > 1 && SlideText.length(line) >= 2;
            if (repeated || (afterTable && !SlideText.isCaption(line))) {
                starts.add(i);
            }
            afterTable = false;
        }
        return starts;
    }

    private static boolean followsMarker(List<String> lines, int i) {
        int previous = previousContent(lines, i - 1);
        return previous >= 0 && SlideText.isMarker(lines.get(previous));
    }

    private static int nextContent(List<String> lines, int from) {
        for (int i = Math.max(from, 0); i < lines.size(); i++) {
            if (!SlideText.isBlank(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int previousContent(List<String> lines, int from) {
        for (int i = Math.min(from, lines.size() - 1); i >= 0; i--) {
            if (!SlideText.isBlank(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String firstContentLine(List<String> lines, int from, int to) {
        int i = nextContent(lines, from);
        return i >= 0 && i < to ? SlideText.norm(lines.get(i)) : "";
    }

    // ---- building one slide ----

    private static Slide buildSlide(String doc, int number, List<String> lines, Start start, int end,
                                    Map<String, String> sectionByTitle) {
        int first = nextContent(lines, start.index());
        if (first < 0 || first >= end) {
            return null;
        }
        String title = displayLine(lines.get(first));
        String heading = null;
        String sectionId = null;
        if (start.kind() == Kind.TITLED) {
            heading = heading(lines, first + 1, end);
            sectionId = markedSection(lines, first + 1, end);
            String key = SlideText.norm(title);
            if (sectionId == null) {
                sectionId = sectionByTitle.get(key);
            }
            sectionByTitle.put(key, sectionId);
        }
        return new Slide(doc, number, title, heading, sectionId, text(lines, first, end), rows(lines, first, end), first + 1);
    }

    /** The first line after title and markers, unless it is a bullet, table row or caption. */
    private static String heading(List<String> lines, int from, int end) {
        for (int i = from; i < end; i++) {
            String line = lines.get(i);
            if (SlideText.isBlank(line) || SlideText.isMarker(line)) {
                continue;
            }
            boolean body = SlideText.isTableRow(line) || SlideText.isMarkdownBullet(line) || SlideText.isCaption(line);
            return body ? null : SlideText.cleanLine(line);
        }
        return null;
    }

    private static String markedSection(List<String> lines, int from, int end) {
        for (int i = from; i < end; i++) {
            if (SlideText.isMarker(lines.get(i))) {
                String id = SlideText.sectionId(lines.get(i));
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** Cleaned lines; markers and whitespace-only lines dropped, blank runs kept as one empty line. */
    private static String text(List<String> lines, int from, int end) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < end; i++) {
            String line = lines.get(i);
            if (SlideText.isBlank(line) || SlideText.isMarker(line)) {
                if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
                    out.add("");
                }
            } else {
                out.add(SlideText.isTableRow(line) ? SlideText.tableLine(line) : SlideText.cleanLine(line));
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    private static List<List<String>> rows(List<String> lines, int from, int end) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = from; i < end; i++) {
            if (SlideText.isTableRow(lines.get(i))) {
                rows.add(SlideText.cells(lines.get(i)));
            }
        }
        return rows;
    }

    private static String displayLine(String raw) {
        return SlideText.isTableRow(raw) ? String.join(" ", SlideText.cells(raw)).strip() : SlideText.cleanLine(raw);
    }

    // ---- passages ----

    /**
     * Quotable units of each slide: a paragraph or bullet group with the labels that lead into it
     * ({@code 【課題】 システム開発において…}), and one per table data row. Title, heading, markers,
     * {@code (出典)} lines and lone short labels are not passages. Slides are cited by slide
     * ({@code スライド N}) and {@link Slide#text()} no longer holds the file's blank-line layout, so a
     * passage's line is its slide's first line.
     */
    public static List<Passage> passages(List<Slide> slides) {
        List<Passage> passages = new ArrayList<>();
        if (slides == null) {
            return passages;
        }
        for (Slide slide : slides) {
            passages.addAll(passages(slide));
        }
        return List.copyOf(passages);
    }

    /** A passage before filtering; table rows are kept even when short ({@code 第10回 全体総括}). */
    private record Candidate(String text, boolean tableRow) {}

    private static List<Passage> passages(Slide slide) {
        List<Candidate> candidates = new ArrayList<>();
        List<String> leads = new ArrayList<>();
        List<SlideBody.Block> blocks = SlideBody.blocks(slide);
        for (int i = 0; i < blocks.size(); i++) {
            SlideBody.Block block = blocks.get(i);
            SlideBody.Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            if (block.kind() == SlideBody.Kind.TABLE) {
                flushLeads(candidates, leads);
                rowTexts(block.rows()).forEach(row -> candidates.add(new Candidate(row, true)));
            } else if (SlideBody.isLead(block, next)) {
                leads.add(block.lines().get(0));
            } else {
                leads.add(SlideBody.join(block.lines()));
                flushLeads(candidates, leads);
            }
        }
        flushLeads(candidates, leads);

        String title = slide.heading() != null ? slide.heading() : slide.title();
        Set<String> seen = new HashSet<>();
        List<Passage> passages = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (isQuotable(candidate, slide) && seen.add(candidate.text())) {
                passages.add(new Passage(SourceKind.SLIDES, slide.doc(), slide.sectionId(), title, slide.page(),
                        candidate.text(), slide.line()));
            }
        }
        if (passages.isEmpty() && slide.heading() != null) {
            figureSlide(slide).ifPresent(text -> passages.add(new Passage(SourceKind.SLIDES, slide.doc(), slide.sectionId(),
                    title, slide.page(), text, slide.line())));
        }
        return passages;
    }

    /**
     * A slide that is only a heading and a figure still answers 「DXの構造と実装STEPは？」: it is
     * quoted as its heading with the figure's caption and source, so staff learn where to look.
     */
    private static java.util.Optional<String> figureSlide(Slide slide) {
        List<String> lines = new ArrayList<>();
        for (String line : slide.text().split("\n")) {
            String n = SlideText.norm(line);
            if (!n.isEmpty() && !n.equals(SlideText.norm(slide.title())) && !SlideText.isMarker(line) && !lines.contains(line.strip())) {
                lines.add(line.strip());
            }
        }
        return lines.size() < 2 ? java.util.Optional.empty() : java.util.Optional.of(String.join(" ", lines));
    }

    /** Labels waiting for their block are emitted on their own when no block follows. */
    private static void flushLeads(List<Candidate> candidates, List<String> leads) {
        if (!leads.isEmpty()) {
            candidates.add(new Candidate(String.join(" ", leads), false));
            leads.clear();
        }
    }

    private static boolean isQuotable(Candidate candidate, Slide slide) {
        String text = candidate.text();
        String n = SlideText.norm(text);
        if (n.isEmpty() || SlideText.isMarker(text) || SlideText.isCaption(text)
                || n.equals(SlideText.norm(slide.title())) || n.equals(SlideText.norm(slide.heading()))) {
            return false;
        }
        boolean loneLabel = SlideText.length(n) <= SlideBody.MAX_SHORT_LABEL && !SlideBody.endsSentence(n);
        return candidate.tableRow() || (!loneLabel && !SlideBody.isBracketLabel(n));
    }

    /**
     * Table data rows as sentences, index columns such as {@code 項番} dropped, each value labelled
     * with its header:
     * {@code 民法 — 条項：415条… / 要約：…}. An empty first cell repeats the key above it, as a merged
     * cell in the PDF did.
     */
    static List<String> rowTexts(List<List<String>> table) {
        List<String> texts = new ArrayList<>();
        if (table.size() < 2) {
            return texts;
        }
        boolean index = SlideBody.hasIndexColumn(table);
        List<String> header = SlideBody.withoutIndex(table.get(0), index);
        String key = "";
        for (List<String> raw : table.subList(1, table.size())) {
            List<String> row = SlideBody.withoutIndex(raw, index);
            if (row.isEmpty()) {
                continue;
            }
            key = row.get(0).isBlank() ? key : row.get(0).strip();
            List<String> values = new ArrayList<>();
            for (int c = 1; c < row.size(); c++) {
                String value = row.get(c).strip();
                if (value.isEmpty()) {
                    continue;
                }
                String label = labelled(header, key) && c < header.size() ? header.get(c).strip() : "";
                values.add(label.isEmpty() ? value : label + "：" + value);
            }
            texts.add(rowText(key, values, labelled(header, key)));
        }
        return texts;
    }

    /**
     * A row carries its column headers, so that 「IoT機器のリスク対策」 finds the row whose header says
     * 一般的なリスク対策; ordinal keys (第7回, 課題 1) read naturally without them.
     */
    private static boolean labelled(List<String> header, String key) {
        return header.size() >= 2 && !ORDINAL_KEY.matcher(SlideText.norm(key)).matches()
                && header.stream().skip(1).anyMatch(h -> !h.isBlank());
    }

    private static String rowText(String key, List<String> values, boolean labelled) {
        if (values.isEmpty()) {
            return key;
        }
        if (key.isEmpty()) {
            return String.join(" / ", values);
        }
        if (labelled) {
            return key + " — " + String.join(" / ", values);
        }
        String separator = ORDINAL_KEY.matcher(SlideText.norm(key)).matches() ? " " : "：";
        return key + separator + String.join(" ", values);
    }
}
