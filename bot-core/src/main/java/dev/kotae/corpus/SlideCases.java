package dev.kotae.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 事例 told on slides: a slide whose heading names a case ({@code 守りのIT投資事例},
 * {@code 次世代技術の活用事例 1}) and its continuation slides ({@code 次世代技術の活用事例2（リスク対策）}),
 * split into labelled parts.
 */
final class SlideCases {
    private SlideCases() {}

    /**
     * One case as the slides tell it.
     *
     * @param base    the heading up to 事例 ({@code 次世代技術の活用事例})
     * @param ordinal the case number from the heading, or null for an unnumbered case
     * @param first   the slide that opens the case; its heading, section and page identify it
     */
    record SlideCase(String base, Integer ordinal, Slide first, List<CasePart> parts) {
        String sectionId() {
            return first.sectionId();
        }
    }

    /**
     * A case heading after NFKC: anything ending in 事例, an optional number, an optional note in
     * parentheses marking a continuation. {@code 守りのIT投資事例とフレームワーク} does not match: it
     * shows a figure about the case, not the case.
     */
    private static final Pattern CASE_HEADING =
            Pattern.compile("^(?<base>.*事例)\\s*(?<n>\\d+)?\\s*(?:\\((?<note>[^)]*)\\))?$");
    /** {@code 手順1：業務内容・業務フローの可視化}. */
    private static final Pattern STEP = Pattern.compile("^手順\\s*(\\d+)\\s*[:：]?\\s*(.*)$");

    static List<SlideCase> read(List<Slide> slides) {
        List<SlideCase> cases = new ArrayList<>();
        for (Slide slide : slides) {
            Matcher m = CASE_HEADING.matcher(SlideText.norm(slide.heading()));
            if (slide.heading() == null || !m.matches()) {
                continue;
            }
            String base = m.group("base");
            Integer ordinal = m.group("n") == null ? null : Integer.valueOf(m.group("n"));
            List<CasePart> parts = parts(slide);
            SlideCase open = m.group("note") == null ? null : lastCase(cases, base, ordinal);
            if (open != null) {
                open.parts().addAll(parts);
            } else if (!parts.isEmpty()) {
                cases.add(new SlideCase(base, ordinal, slide, new ArrayList<>(parts)));
            }
        }
        return cases;
    }

    private static SlideCase lastCase(List<SlideCase> cases, String base, Integer ordinal) {
        for (int i = cases.size() - 1; i >= 0; i--) {
            SlideCase c = cases.get(i);
            if (c.base().equals(base) && java.util.Objects.equals(c.ordinal(), ordinal)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The labelled parts of one case slide. A label line ({@code 【課題】}, {@code 課題},
     * {@code 想定すべきセキュリティリスク}) names the blocks after it until the next label; a step line
     * ({@code 手順1：…}) names the block right after it; a table with a 対策 column gives one 対策 part per row.
     */
    static List<CasePart> parts(Slide slide) {
        List<CasePart> parts = new ArrayList<>();
        List<SlideBody.Block> blocks = SlideBody.blocks(slide);
        String label = null;
        String step = null;
        String stepTitle = null;
        for (int i = 0; i < blocks.size(); i++) {
            SlideBody.Block block = blocks.get(i);
            SlideBody.Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            if (block.kind() == SlideBody.Kind.TABLE) {
                countermeasures(block.rows()).forEach(text -> parts.add(part(slide, "対策", text)));
                continue;
            }
            Matcher stepLine = STEP.matcher(SlideText.norm(block.lines().get(0)));
            if (stepLine.matches()) {
                if (step != null) {
                    parts.add(part(slide, step, stepTitle));
                }
                step = "手順" + stepLine.group(1);
                stepTitle = stepLine.group(2);
                if (block.lines().size() == 1) {
                    continue;
                }
                // the explanation shares the block with its step line
                block = new SlideBody.Block(SlideBody.Kind.TEXT, block.lines().subList(1, block.lines().size()), List.of());
            } else if (SlideBody.isBracketLabel(block.lines().get(0)) || SlideBody.isLead(block, next)) {
                label = label(block.lines().get(0));
                continue;
            }
            if (step != null) {
                String body = SlideBody.join(block.lines());
                parts.add(part(slide, step, stepTitle.isEmpty() ? body : stepTitle + "：" + body));
                step = null;
            } else if ("リスク".equals(label)) {
                SlideBody.items(block).forEach(item -> parts.add(part(slide, "リスク", item)));
            } else if (label != null && !"進め方".equals(label)) {
                parts.add(part(slide, label, SlideBody.join(block.lines())));
            }
        }
        if (step != null && !stepTitle.isEmpty()) {
            parts.add(part(slide, step, stepTitle));
        }
        return parts;
    }

    /**
     * The case-part label a label line stands for, or null for labels a case summary does not print
     * ({@code 【投資目的】}). {@code 進め方} is kept so that its content is not taken for another label's.
     */
    static String label(String line) {
        String n = SlideText.norm(line).replaceAll("^【|】$|[:：]$", "").strip();
        if (n.contains("取組") || n.contains("取り組")) {
            return "取組み";
        }
        if (n.equalsIgnoreCase("+a")) {
            return "+a";
        }
        if (n.contains("リスク") && !n.contains("対策")) {
            return "リスク";
        }
        if (n.contains("進め方")) {
            return "進め方";
        }
        if (n.length() <= 8 && n.endsWith("課題")) {
            return "課題";
        }
        if (n.length() <= 8 && n.contains("結果")) {
            return "結果";
        }
        return null;
    }

    /** {@code risk：countermeasure、countermeasure} for each data row of a table with a 対策 column. */
    static List<String> countermeasures(List<List<String>> table) {
        List<String> texts = new ArrayList<>();
        if (table.size() < 2) {
            return texts;
        }
        boolean index = SlideBody.hasIndexColumn(table);
        List<String> header = SlideBody.withoutIndex(table.get(0), index);
        int column = -1;
        for (int c = 1; c < header.size(); c++) {
            if (SlideText.norm(header.get(c)).contains("対策")) {
                column = c;
                break;
            }
        }
        if (column < 0) {
            return texts;
        }
        for (List<String> raw : table.subList(1, table.size())) {
            List<String> row = SlideBody.withoutIndex(raw, index);
            if (row.size() > column && !row.get(0).isBlank() && !row.get(column).isBlank()) {
                texts.add(row.get(0).strip() + "：" + row.get(column).strip());
            }
        }
        return texts;
    }

    /** Parts cite their slide; like slide passages they carry the slide's first line. */
    private static CasePart part(Slide slide, String label, String text) {
        return new CasePart(label, text, SourceKind.SLIDES, slide.doc(), slide.sectionId(), slide.page(), slide.line());
    }
}
