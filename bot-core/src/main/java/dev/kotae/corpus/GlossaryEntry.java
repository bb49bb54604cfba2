package dev.kotae.corpus;

import java.util.List;

/**
 * One {@code ■TERM（READING）} entry of a glossary (用語集).
 *
 * @param term       the headword as printed, reading included: {@code WAF（ワフ）}
 * @param headword   the headword without its reading: {@code WAF}
 * @param reading    the reading in katakana ({@code ワフ}), or null
 * @param definition the definition, PDF line breaks joined
 * @param references where the seminar uses the term: {@code 2-2-2}, {@code 第一回コラム}
 * @param line       1-based line of the {@code ■} in the source file
 */
public record GlossaryEntry(String term, String headword, String reading, String definition,
                            List<String> references, String doc, int line) {
    public GlossaryEntry {
        references = List.copyOf(references);
    }
}
