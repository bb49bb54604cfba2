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

    /** How a person reads the citation: {@code 用語集「WAF（ワフ）」}, {@code テキスト 4-2-2 …（第4章 – 07）}. */
    public String label() {
        return switch (source) {
            case "glossary" -> "用語集「" + term + "」";
            case "slides" -> "スライド" + (page == null ? "" : page.replace("スライド", "").strip())
                    + (title == null ? "" : "「" + title + "」") + (section == null ? "" : "（テキスト " + section + " 参照）");
            default -> "テキスト " + (section == null ? "" : section + " ") + (title == null ? "" : title)
                    + (page == null ? "" : "（" + page + "）");
        };
    }
}
