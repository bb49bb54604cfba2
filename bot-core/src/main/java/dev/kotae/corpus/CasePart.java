package dev.kotae.corpus;

/**
 * One part of a case study (課題, 取組み, 結果, 手順1–4, +a, リスク, 対策), citing where it came from.
 *
 * @param label  the part's name as the summary prints it
 * @param page   the text page ({@code 第4章 – 09}) or slide ({@code スライド 31})
 */
public record CasePart(String label, String text, SourceKind source, String doc, String sectionId,
                       String page, int line) {}
