package dev.kotae.corpus;

/**
 * A numbered section of a text document, e.g. {@code 4-2-5 次世代技術を活用したビジネス展開}.
 *
 * @param id      the section number as written ({@code "4-2-5"})
 * @param chapter the chapter it belongs to ({@code "第4章"}), or null
 * @param page    the page on which it starts ({@code "第4章 – 07"}), or null when unknown
 * @param line    1-based line of its heading in the source file
 */
public record Section(String doc, String id, String title, String chapter, String page, int line) {}
