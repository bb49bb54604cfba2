package dev.kotae.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text blocks into paragraphs: re-joins sentences the layout cut apart, attaches short
 * headings to the text they head, and drops figure text.
 *
 * <p>The PDF gives no markup, only line lengths and punctuation, so blocks are judged by those:
 * a block with a 。 or a line as wide as the body column is text; anything else is a label — a
 * heading, or the words of a figure. A label is kept only when it heads text: at most two labels
 * in a row followed by text or a list. Longer runs of labels, and labels followed by a caption, a
 * page break or nothing, are the inside of a figure and are dropped.
 */
final class ParagraphAssembler {

    enum Kind { TEXT, LIST, ROW }

    /**
     * A paragraph. {@code labels} are the headings printed above it; {@code anchors} map offsets in
     * {@code body} to 1-based file lines.
     */
    record Para(Kind kind, List<String> labels, List<Integer> labelLines, String body, List<int[]> anchors,
                int page, int section) {
        String prefix() {
            return String.join(" ", labels);
        }

        int line() {
            return labelLines.isEmpty() ? lineAt(0) : labelLines.get(0);
        }

        int lineAt(int offset) {
            int line = anchors.isEmpty() ? 0 : anchors.get(0)[1];
            for (int[] a : anchors) {
                if (a[0] <= offset) {
                    line = a[1];
                }
            }
            return line;
        }

        String text() {
            return labels.isEmpty() ? body : (prefix() + " " + body).strip();
        }
    }

    /** Something between two blocks that no sentence continues across without care. */
    enum Break { FURNITURE, PAGE, SECTION }

    private enum BlockClass { TEXT, LIST, LABEL }

    private final List<Object> items;
    private final int fullWidth;
    private final List<Para> out = new ArrayList<>();

    private final List<String> pending = new ArrayList<>();
    private final List<Integer> pendingLines = new ArrayList<>();
    private boolean figureRun;
    /** The last label block of the pending run: where a figure with values is cited. */
    private TextBlock lastLabel;

    private Builder current;

    private ParagraphAssembler(List<Object> items, int fullWidth) {
        this.items = items;
        this.fullWidth = fullWidth;
    }

    /**
     * @param items     {@link TextBlock}s and {@link Break}s in reading order
     * @param fullWidth the width (half-width columns) from which a line counts as a full body line
     */
    static List<Para> assemble(List<Object> items, int fullWidth) {
        ParagraphAssembler a = new ParagraphAssembler(items, fullWidth);
        a.run();
        return a.out;
    }

    private void run() {
        for (int k = 0; k < items.size(); k++) {
            Object item = items.get(k);
            if (item instanceof Break br) {
                clearPending();
                if (br == Break.SECTION) {
                    finish();
                }
                continue;
            }
            TextBlock block = (TextBlock) item;
            TextBlock next = nextBlock(k);
            for (TextBlock part : splitLeadingHeading(block)) {
                accept(part, next);
            }
        }
        finish();
    }

    private void accept(TextBlock block, TextBlock next) {
        BlockClass cls = classify(block);
        boolean startsHeading = TextBlock.isEnumerated(block.first()) || TextBlock.isCaseHeading(block.first());
        if (current != null && !startsHeading && current.section == block.section()) {
            if (current.open && cls == BlockClass.TEXT && (!current.endsInListItem || finishesItem(block))) {
                current.append(block, next);
                return;
            }
            if (cls == BlockClass.LIST && pending.isEmpty()
                    && (current.kind == Kind.LIST || current.introducesList())) {
                current.append(block, next);
                current.kind = Kind.LIST;
                return;
            }
        }
        finish();
        if (block.reference()) {
            // A literature reference: quotable on its own, never the start of the next paragraph.
            List<String> parts = new ArrayList<>(figureRun ? List.of() : pending);
            List<Integer> lines = new ArrayList<>(figureRun ? List.of() : pendingLines);
            parts.add(block.joined());
            lines.add(block.numbers().get(0));
            emitRow(parts, lines, block);
            clearPending();
            return;
        }
        switch (cls) {
            case LABEL -> label(block);
            case TEXT, LIST -> {
                current = new Builder(cls == BlockClass.LIST ? Kind.LIST : Kind.TEXT, block.page(), block.section());
                if (!figureRun) {
                    current.labels.addAll(pending);
                    current.labelLines.addAll(pendingLines);
                }
                clearPending();
                current.append(block, next);
            }
        }
    }

    private void label(TextBlock block) {
        String text = block.joined();
        int line = block.numbers().get(0);
        if (isTableHeader(text)) {
            return;
        }
        if (TextBlock.isEnumerated(text) || TextBlock.isCaseHeading(text)) {
            clearPending();
            addPending(text, line);
            return;
        }
        if (pending.size() == 1 && TextBlock.isEnumerated(pending.get(0)) && !figureRun) {
            // A numbered step or point whose explanation is a phrase, not a sentence (a figure of steps).
            emitRow(List.of(pending.get(0), text), List.of(pendingLines.get(0), line), block);
            clearPending();
            return;
        }
        if (isTableRow(text)) {
            emitRow(List.of(text), List.of(line), block);
            return;
        }
        addPending(text, line);
        lastLabel = block;
        if (pending.size() > 2 || block.lines().size() > 2) {
            figureRun = true;
        }
    }

    private void addPending(String text, int line) {
        if (pending.isEmpty()) {
            lastLabel = null;
        }
        pending.add(text);
        pendingLines.add(line);
    }

    /** A figure that states values (約43万人, 12兆円, 84.9%) is kept: a chart's numbers are often said nowhere else. */
    private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile(
            "\\d[\\d,.]*\\s*(?:万|億|兆)?\\s*(?:人|円|%|％|社|件|倍)");

    private void clearPending() {
        if (figureRun && lastLabel != null && pending.stream().anyMatch(p -> VALUE.matcher(p).find())) {
            List<String> run = new ArrayList<>(pending);
            List<Integer> runLines = new ArrayList<>(pendingLines);
            String figure = String.join(" ", run);
            out.add(new Para(Kind.ROW, List.of(), List.of(), figure, List.<int[]>of(new int[] {0, runLines.get(0)}),
                    lastLabel.page(), lastLabel.section()));
        }
        lastLabel = null;
        pending.clear();
        pendingLines.clear();
        figureRun = false;
    }

    private void emitRow(List<String> parts, List<Integer> lines, TextBlock block) {
        List<String> labels = new ArrayList<>(parts.subList(0, parts.size() - 1));
        List<Integer> labelLines = new ArrayList<>(lines.subList(0, lines.size() - 1));
        String body = parts.get(parts.size() - 1);
        List<int[]> anchors = List.<int[]>of(new int[] {0, lines.get(lines.size() - 1)});
        out.add(new Para(Kind.ROW, labels, labelLines, body, anchors, block.page(), block.section()));
    }

    private void finish() {
        if (current != null && !current.body.isEmpty()) {
            out.add(new Para(current.kind, List.copyOf(current.labels), List.copyOf(current.labelLines),
                    current.body.toString(), List.copyOf(current.anchors), current.page, current.section));
        }
        current = null;
    }

    private BlockClass classify(TextBlock block) {
        if (TextBlock.isBullet(block.first())) {
            return BlockClass.LIST;
        }
        boolean heading = TextBlock.isEnumerated(block.first()) || TextBlock.isCaseHeading(block.first());
        if (heading && block.lines().size() == 1 && block.first().indexOf('。') < 0) {
            return BlockClass.LABEL; // a long step title is still a title
        }
        for (String l : block.lines()) {
            if (l.indexOf('。') >= 0 || LineRepair.width(l) >= fullWidth) {
                return BlockClass.TEXT;
            }
        }
        return BlockClass.LABEL;
    }

    /**
     * A short first line over a much longer one is a heading printed on the line above its text
     * ({@code 生成AIの登場} over {@code 生成AIとは…}); it becomes a label of its own.
     */
    private List<TextBlock> splitLeadingHeading(TextBlock b) {
        if (b.lines().size() < 2 || b.reference()) {
            return List.of(b);
        }
        String first = b.first();
        String second = b.lines().get(1);
        boolean heading = !TextBlock.isBullet(first) && !first.endsWith("、") && !LineRepair.endsSentence(first)
                && LineRepair.width(first) * 10 <= LineRepair.width(second) * 6;
        if (!heading) {
            return List.of(b);
        }
        int n = b.lines().size();
        TextBlock rest = new TextBlock(b.lines().subList(1, n), b.numbers().subList(1, n), b.page(), b.section(), false);
        if (classify(rest) != BlockClass.TEXT) {
            return List.of(b); // a phrase under a phrase is one label ("ITを導入していない" / "（例）…")
        }
        return List.of(new TextBlock(b.lines().subList(0, 1), b.numbers().subList(0, 1), b.page(), b.section(), false),
                rest);
    }

    private TextBlock nextBlock(int k) {
        for (int j = k + 1; j < items.size(); j++) {
            if (items.get(j) instanceof TextBlock b) {
                return b;
            }
        }
        return null;
    }

    /**
     * A list item cut by the layout is finished by a short fragment ({@code 自動化。近年…}); a
     * block that starts with a whole sentence is a new paragraph after the list.
     */
    private static boolean finishesItem(TextBlock block) {
        int stop = block.joined().indexOf('。');
        return stop >= 0 && stop <= 12;
    }

    /** Column titles of a table or figure ({@code 項目 概要 活用方法例}): several short words. */
    private static boolean isTableHeader(String text) {
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length < 2 || TextBlock.isEnumerated(text)) {
            return false;
        }
        for (String t : tokens) {
            if (t.codePointCount(0, t.length()) >= 8) {
                return false;
            }
        }
        return true;
    }

    /** A table row without a sentence ({@code 423条 1項 任務懈怠による損害賠償責任}): worth quoting as is. */
    private static boolean isTableRow(String text) {
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length < 3) {
            return false;
        }
        for (String t : tokens) {
            if (t.codePointCount(0, t.length()) >= 8) {
                return true;
            }
        }
        return false;
    }

    /** A paragraph being built; it stays open while its last line runs to the column edge mid-sentence. */
    private static final class Builder {
        Kind kind;
        final int page;
        final int section;
        final List<String> labels = new ArrayList<>();
        final List<Integer> labelLines = new ArrayList<>();
        final StringBuilder body = new StringBuilder();
        final List<int[]> anchors = new ArrayList<>();
        boolean open;
        boolean endsInListItem;

        Builder(Kind kind, int page, int section) {
            this.kind = kind;
            this.page = page;
            this.section = section;
        }

        void append(TextBlock block, TextBlock next) {
            for (int i = 0; i < block.lines().size(); i++) {
                String l = block.lines().get(i);
                if (!body.isEmpty() && TextBlock.isBullet(l)) {
                    body.append(' ');
                }
                int before = body.length();
                LineRepair.appendLine(body, l);
                int start = before < body.length() && body.charAt(before) == ' ' ? before + 1 : before;
                anchors.add(new int[] {start, block.numbers().get(i)});
            }
            String last = block.last();
            endsInListItem = TextBlock.isBullet(last);
            int column = block.maxWidth();
            if (next != null && next.section() == block.section()) {
                column = Math.max(column, next.maxWidth());
            }
            open = !LineRepair.endsSentence(last) && !last.endsWith("：") && !last.endsWith(":")
                    && (last.endsWith("、") || last.endsWith("，") || LineRepair.width(last) * 10 >= column * 9);
            if (open && next != null && TextBlock.isBullet(next.first())) {
                open = false; // a list after a cut line is a new list, not the sentence's end
            }
        }

        /** Text that announces a list ({@code 以下のようなものがあります。}, {@code …：}) owns the list after it. */
        boolean introducesList() {
            String s = body.toString().strip();
            if (s.endsWith("：") || s.endsWith(":")) {
                return true;
            }
            List<int[]> spans = LineRepair.sentenceSpans(s);
            if (spans.isEmpty()) {
                return false;
            }
            int[] lastSpan = spans.get(spans.size() - 1);
            return s.substring(lastSpan[0], lastSpan[1]).contains("以下");
        }
    }
}
