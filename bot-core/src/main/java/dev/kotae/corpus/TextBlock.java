package dev.kotae.corpus;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A run of content lines of one page and one section, cut at blank lines, furniture and headings.
 *
 * @param lines   repaired line texts (citations stripped, lost bullet glyphs restored as {@code ・})
 * @param numbers their 1-based file lines
 * @param page    index of the page
 * @param section   index of the section, or -1 before any
 * @param reference the block cited a URL (a literature reference); it stands alone
 */
record TextBlock(List<String> lines, List<Integer> numbers, int page, int section, boolean reference) {

    /** Numbered headings of steps, points and enumerations: {@code 手順１：…}, {@code ポイント①}, {@code STEP3 …}, {@code 1. …}. */
    private static final Pattern ENUMERATED = Pattern.compile(
            "^(?:(?:手順|ステップ|STEP|Step|ポイント)\\s*[0-9０-９①-⑳]+|[0-9０-９]{1,2}[.．]\\s+\\S).*");
    private static final Pattern CASE_HEADING = Pattern.compile("^事例\\s*[0-9０-９]*\\s*[：:\\s]\\s*\\S.*");
    private static final String BULLETS = "・•●○◆◇■□▪";

    String first() {
        return lines.get(0);
    }

    String last() {
        return lines.get(lines.size() - 1);
    }

    int maxWidth() {
        int w = 0;
        for (String l : lines) {
            w = Math.max(w, LineRepair.width(l));
        }
        return w;
    }

    String joined() {
        return join(lines);
    }

    /** Joins lines, separating list items by a space so that bullets stay readable. */
    static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            if (!out.isEmpty() && isBullet(l)) {
                out.append(' ');
            }
            LineRepair.appendLine(out, l);
        }
        return out.toString();
    }

    static boolean isBullet(String line) {
        String t = line.strip();
        return !t.isEmpty() && BULLETS.indexOf(t.charAt(0)) >= 0;
    }

    static boolean isEnumerated(String line) {
        return ENUMERATED.matcher(line.strip()).matches();
    }

    static boolean isCaseHeading(String line) {
        return CASE_HEADING.matcher(line.strip()).matches();
    }
}
