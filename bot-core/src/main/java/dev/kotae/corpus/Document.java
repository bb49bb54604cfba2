package dev.kotae.corpus;

/**
 * One file of the corpus. {@code name} is the file name, which citations use as {@code doc}.
 *
 * @param lines     lines of a text file, 0 for the other formats
 * @param mediaType the content type found from the file's bytes
 * @param pages     pages of a PDF, slides of a deck, sheets of a workbook; 0 where the format has none
 */
public record Document(String name, DocumentKind kind, String title, int lines, String mediaType, int pages) {
    public Document(String name, DocumentKind kind, String title, int lines) {
        this(name, kind, title, lines, "text/plain", 0);
    }
}
