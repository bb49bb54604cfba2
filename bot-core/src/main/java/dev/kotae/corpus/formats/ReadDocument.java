package dev.kotae.corpus.formats;

import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.ParsedText;
import dev.kotae.corpus.Slide;
import java.util.List;

/**
 * What one file gave.
 *
 * @param pages  pages of a PDF, slides of a deck, sheets of a workbook; 0 where the format has none
 * @param lines  lines of a text file, 0 for the others
 * @param slides the slides of a seminar deck in text form (their passages are made with the deck's cases), else empty
 */
public record ReadDocument(DocumentKind kind, String mediaType, String title, int pages, int lines, ParsedText text,
                           List<Slide> slides) {
    public ReadDocument {
        slides = List.copyOf(slides);
    }
}
