package dev.kotae.corpus;

import java.util.ArrayList;
import java.util.List;

/** What validate and the reindex report say about each file: its type and counts, and the files skipped. */
public final class CorpusSummary {
    private CorpusSummary() {}

    /** {@code 規程.docx（Word、3 ページ）: セクション 8、パッセージ 40}, one line per document. */
    public static List<String> documents(Corpus c) {
        List<String> lines = new ArrayList<>();
        for (Document d : c.documents()) {
            long sections = c.sections().stream().filter(s -> s.doc().equals(d.name())).count();
            long passages = c.passages().stream().filter(p -> p.doc().equals(d.name())).count();
            long terms = c.glossary().stream().filter(g -> d.name().equals(g.doc())).count();
            long slides = c.slides().stream().filter(s -> s.doc().equals(d.name())).count();
            String pages = switch (d.kind()) {
                case PDF, WORD -> d.pages() > 0 ? "、" + d.pages() + " ページ" : "";
                case POWERPOINT -> "、" + d.pages() + " スライド";
                case EXCEL -> "、" + d.pages() + " シート";
                case SLIDES -> "、" + slides + " スライド";
                default -> "";
            };
            lines.add(d.name() + "（" + d.kind().label() + pages + "）: セクション " + sections + "、パッセージ " + passages
                    + (terms > 0 ? "、用語 " + terms : ""));
        }
        return lines;
    }

    /** {@code photo.png（image/png）: 読まない形式です}, one line per skipped file. */
    public static List<String> skipped(Corpus c) {
        return c.skipped().stream().map(s -> s.name() + "（" + s.mediaType() + "）: " + s.reason()).toList();
    }

    /** Lines shown per list: a chat message stays within Slack's and Teams' limits whatever the corpus. */
    static final int SHOWN = 200;

    /** Both lists under their headings, for a console or a chat message. */
    public static String describe(List<String> documents, List<String> skipped) {
        StringBuilder b = new StringBuilder();
        list(b, "文書：", documents);
        list(b, "読み飛ばしたファイル（読まない形式）：", skipped);
        return b.toString();
    }

    private static void list(StringBuilder b, String heading, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        b.append('\n').append(heading);
        lines.stream().limit(SHOWN).forEach(line -> b.append("\n  ").append(line));
        if (lines.size() > SHOWN) {
            b.append("\n  …ほか ").append(lines.size() - SHOWN).append(" 件");
        }
    }
}
