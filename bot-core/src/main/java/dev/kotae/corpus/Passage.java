package dev.kotae.corpus;

/**
 * A piece of text small enough to quote: a sentence group or paragraph of the seminar text, or a
 * paragraph, bullet group or table row of a slide. It knows exactly where it came from.
 *
 * @param source    TEXT or SLIDES
 * @param sectionId the text section it belongs to (for slides: the linked section), or null
 * @param title     the section title (text) or slide heading (slides)
 * @param page      {@code 第4章 – 07} for text, {@code スライド 12} for slides, or null
 * @param text      the repaired text: PDF line breaks joined, page furniture removed
 * @param line      1-based line in the source file where the passage starts
 */
public record Passage(SourceKind source, String doc, String sectionId, String title, String page,
                      String text, int line) {}
