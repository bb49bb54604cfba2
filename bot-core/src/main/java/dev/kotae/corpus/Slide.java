package dev.kotae.corpus;

import java.util.List;

/**
 * One slide of a deck.
 *
 * @param number    1-based position in the deck; slide citations are {@code slide:NUMBER}
 * @param title     the running title repeated on the deck's slides ({@code 2025年の崖})
 * @param heading   the slide's own heading, the first line after title and marker, or null
 * @param sectionId the text section named by its {@code 【参照：セミナーテキスト4-1-1.】} marker,
 *                  else inherited from the preceding slide of the same title, or null
 * @param text      the slide's text with table rows kept as tab-separated lines
 * @param rows      the table rows, each a list of cells
 */
public record Slide(String doc, int number, String title, String heading, String sectionId,
                    String text, List<List<String>> rows, int line) {
    public Slide {
        rows = rows.stream().map(List::copyOf).toList();
    }

    public String page() {
        return "スライド " + number;
    }
}
