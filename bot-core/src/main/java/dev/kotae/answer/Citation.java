package dev.kotae.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a fact in an answer comes from.
 *
 * @param source  {@code text}, {@code slides} or {@code glossary}
 * @param doc     the corpus file name
 * @param section the text section id ({@code 4-2-2}) or null
 * @param title   the section title, slide heading or glossary term
 * @param page    {@code 第4章 – 07}, {@code スライド 12} or null
 * @param term    the glossary headword as printed ({@code WAF（ワフ）}) or null
 * @param snippet the cited words themselves
 */
@JsonPropertyOrder({"source", "doc", "section", "title", "page", "term", "snippet"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Citation(String source, String doc, String section, String title, String page, String term,
                       String snippet) {

    /**
     * How a person reads the citation: {@code 用語集「WAF（ワフ）」}, {@code テキスト 4-2-2 …（第4章 – 07）},
     * {@code スライド12「…」（テキスト 4-2-5 参照）}. A document that is not in the seminar's own form
     * is named by its file, so that two admin documents with the same section number can be told apart:
     * {@code policy.md 9-1-1 パスワードの管理}, {@code 用語集「VPN」（terms.md）}.
     */
    public String label() {
        String label = switch (source) {
            case "glossary" -> "用語集「" + term + "」" + (seminarForm() ? "" : "（" + doc + "）");
            case "slides" -> (seminarForm() ? "スライド" : doc + " スライド") + (page == null ? "" : page.replace("スライド", "").strip())
                    + (title == null ? "" : "「" + title + "」") + (section == null ? "" : "（テキスト " + section + " 参照）");
            default -> (seminarForm() ? "テキスト " : doc + " ") + (section == null ? "" : section + " ") + (title == null ? "" : title)
                    + (page == null ? "" : "（" + page + "）");
        };
        return label.strip();
    }

    /**
     * Whether the cited document is in the seminar's own form (the PDF-extracted text or slides the
     * corpus began with, kept as {@code .txt}), which "テキスト" and "スライド" name well enough on their
     * own; every other document (Markdown today, other formats later) is named by its file.
     */
    boolean seminarForm() {
        return doc == null || doc.toLowerCase(java.util.Locale.ROOT).endsWith(".txt");
    }
}
