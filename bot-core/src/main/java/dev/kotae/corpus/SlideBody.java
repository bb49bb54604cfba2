package dev.kotae.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A slide's body read back from {@link Slide#text()} as blocks: runs of text lines separated by
 * blank lines, and tables. Passages and case parts are both built from these blocks, so the two
 * agree on what a paragraph, a bullet group and a label are.
 */
final class SlideBody {
    private SlideBody() {}

    enum Kind { TEXT, TABLE }

    /** Text lines as cleaned by {@link SlideText}, or table rows with the header first. */
    record Block(Kind kind, List<String> lines, List<List<String>> rows) {
        Block {
            lines = List.copyOf(lines);
            rows = rows.stream().map(List::copyOf).toList();
        }

        boolean isSingleLine() {
            return kind == Kind.TEXT && lines.size() == 1;
        }

        boolean startsWithBullet() {
            return kind == Kind.TEXT && !lines.isEmpty() && isBullet(lines.get(0));
        }
    }

    private static final Pattern BRACKET_LABEL = Pattern.compile("^【[^】]{1,24}】$");
    private static final Pattern INDEX_CELL = Pattern.compile("^[(（]?\\d+[.)）]?$");
    private static final String SENTENCE_END = "。！？!?";
    /** Leads are label-like lines; anything longer is a statement of its own. */
    private static final int MAX_LEAD = 30;
    /** A lone line this short without a sentence end is a label or figure title, not worth quoting. */
    static final int MAX_SHORT_LABEL = 12;

    /** The body of a slide without its running title and heading, which are cited separately. */
    static List<Block> blocks(Slide slide) {
        List<String> lines = new ArrayList<>(List.of(slide.text() == null ? new String[0] : slide.text().split("\n", -1)));
        dropLeading(lines, slide.title());
        dropLeading(lines, slide.heading());
        Iterator<List<String>> rows = slide.rows().iterator();

        List<Block> blocks = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || SlideText.isCaption(line) || SlideText.isMarker(line)) {
                flush(blocks, text, table);
            } else if (line.indexOf('\t') >= 0) {
                flushText(blocks, text);
                // Slide.rows is the truth for cells; the text line is only a fallback for hand-built slides.
                table.add(rows.hasNext() ? rows.next() : SlideText.cells(line));
            } else {
                flushTable(blocks, table);
                text.add(line);
            }
        }
        flush(blocks, text, table);
        return blocks;
    }

    private static void dropLeading(List<String> lines, String expected) {
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        if (expected != null && !lines.isEmpty() && SlideText.norm(lines.get(0)).equals(SlideText.norm(expected))) {
            lines.remove(0);
        }
    }

    private static void flush(List<Block> blocks, List<String> text, List<List<String>> table) {
        flushText(blocks, text);
        flushTable(blocks, table);
    }

    private static void flushText(List<Block> blocks, List<String> text) {
        if (!text.isEmpty()) {
            blocks.add(new Block(Kind.TEXT, text, List.of()));
            text.clear();
        }
    }

    private static void flushTable(List<Block> blocks, List<List<String>> table) {
        if (!table.isEmpty()) {
            blocks.add(new Block(Kind.TABLE, List.of(), table));
            table.clear();
        }
    }

    static boolean isBullet(String line) {
        return line.startsWith(SlideText.BULLET) || line.startsWith(SlideText.CELL_BULLET);
    }

    /** A bullet line without its bullet. */
    static String item(String line) {
        return isBullet(line) ? line.substring(1).strip() : line.strip();
    }

    /** {@code 【課題】}, {@code 【進め方】}: always a label for what follows. */
    static boolean isBracketLabel(String line) {
        return BRACKET_LABEL.matcher(SlideText.norm(line)).matches();
    }

    /**
     * Whether a one-line block introduces the next block rather than standing alone: bracketed labels
     * always do; other short lines without a sentence end do when a bullet group or a longer text
     * follows ({@code 課題} before its bullets, {@code 手順1：…} before its explanation).
     */
    static boolean isLead(Block block, Block next) {
        if (!block.isSingleLine() || block.startsWithBullet()) {
            return false;
        }
        String line = block.lines().get(0);
        if (isBracketLabel(line)) {
            return true;
        }
        if (next == null || next.kind() != Kind.TEXT || SlideText.length(line) > MAX_LEAD || endsSentence(line)) {
            return false;
        }
        return next.startsWithBullet() || SlideText.length(join(next.lines())) > SlideText.length(line);
    }

    static boolean endsSentence(String s) {
        String t = s.strip();
        return !t.isEmpty() && SENTENCE_END.indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /**
     * One block's lines as one line of text. Bullet items are joined with 、 unless an item already
     * ends a sentence; wrapped text lines are joined with a space, or directly after 、 where the PDF
     * broke a sentence.
     */
    static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        boolean previousBullet = false;
        for (String line : lines) {
            boolean bullet = isBullet(line);
            String text = item(line);
            if (text.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                String before = sb.toString();
                if (before.endsWith("、")) {
                    // the sentence simply continues
                } else if (bullet && previousBullet && !endsSentence(before)) {
                    sb.append("、");
                } else {
                    sb.append(' ');
                }
            }
            sb.append(text);
            previousBullet = bullet;
        }
        return sb.toString();
    }

    /** The bullet items of a block, or its joined text as one item when it has no bullets. */
    static List<String> items(Block block) {
        if (!block.startsWithBullet()) {
            return List.of(join(block.lines()));
        }
        List<String> items = new ArrayList<>();
        for (String line : block.lines()) {
            if (isBullet(line) || items.isEmpty()) {
                items.add(item(line));
            } else {
                // a continuation such as ※… belongs to the item above it
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
            }
        }
        return items;
    }

    /**
     * Whether the first column of a table only numbers its rows ({@code 項番} with 1, 2, 3…) and says
     * nothing a reader needs. Labels such as {@code 課題 1} are kept.
     */
    static boolean hasIndexColumn(List<List<String>> rows) {
        return rows.size() >= 2 && rows.stream().skip(1)
                .allMatch(r -> !r.isEmpty() && INDEX_CELL.matcher(SlideText.norm(r.get(0))).matches());
    }

    /** A row without its index column. */
    static List<String> withoutIndex(List<String> row, boolean indexColumn) {
        return indexColumn && !row.isEmpty() ? row.subList(1, row.size()) : row;
    }

    /** Text compared for sameness: NFKC with spaces and punctuation removed. */
    static String comparable(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
        return n.replaceAll("[\\s\\p{P}\\p{S}]+", "");
    }
}
