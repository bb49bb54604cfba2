package dev.kotae.teams;

import java.util.regex.Pattern;

/**
 * An answer's plain text as an Adaptive Card TextBlock shows it. A TextBlock reads a small Markdown:
 * there a single line break is no break at all, except between the items of a list ({@code 1. …},
 * {@code - …}); so lines stay lines only as paragraphs ({@code \n\n}), while consecutive list items
 * keep a single {@code \n}, which keeps them one list, numbered as written.
 */
final class CardText {
    /**
     * An item of a Markdown list, as the core numbers steps, lists and cases: {@code 1. …}, {@code - …}.
     * Other lines ({@code ・…} included, which Markdown does not read as a list) are paragraphs.
     */
    private static final Pattern ITEM = Pattern.compile("\\s*(?:\\d{1,3}\\.|[-*])\\s.*");

    private CardText() {}

    static String of(String text) {
        if (text == null || text.indexOf('\n') < 0) {
            return text;
        }
        String[] lines = text.strip().split("\\R");
        StringBuilder out = new StringBuilder(lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean sameList = ITEM.matcher(lines[i - 1]).matches() && ITEM.matcher(line).matches();
            out.append(sameList ? "\n" : "\n\n").append(line);
        }
        return out.toString();
    }
}
