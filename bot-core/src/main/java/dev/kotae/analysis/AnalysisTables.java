package dev.kotae.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link TextAnalysis#forCorpus} computes from a corpus, every part of it a function of the
 * corpus and of the analysis code: the build ships them for the embedded corpus (see
 * {@code EmbeddedIndex}), so that a start rebuilds the analysis chain from them with
 * {@link TextAnalysis#fromTables} instead of reading the glossary and the synonym file into a table,
 * running Kuromoji over every passage and every word of the vocabulary, and folding every spelling
 * (~0.7 s of CPU at a cold start).
 *
 * @param synonyms         the synonym table (glossary groups, the curated file, the places the text names)
 * @param synonymKeys      what questions are scanned for, made from that table
 * @param dictionaryCsv    the user dictionary's lines, Kuromoji's readings included ({@link UserDictionaries#csv})
 * @param vocabulary       the dictionary's words and every passage's body terms
 * @param byOkurigana      kanji words of the vocabulary by folded spelling (取組む for 取り組む)
 * @param variantSpellings corpus spellings by folded spelling or kana reading (脆弱性 for ぜいじゃくせい)
 * @param acronyms         lower-cased acronyms the corpus uses (vpn, edr)
 * @param bodyTokens       the body field's tokens of the texts a start analyses, by text (see
 *                         {@link TextAnalysis#recordAnalyses}); empty when none were recorded
 * @param preparations     the questions a start {@link TextAnalysis#prepare prepares} (FAQ examples), prepared
 */
public record AnalysisTables(SynonymTable.State synonyms, List<SynonymKey> synonymKeys, String dictionaryCsv,
                             Set<String> vocabulary, Map<String, String> byOkurigana, Map<String, String> variantSpellings,
                             Set<String> acronyms, Map<String, List<Tokens.Tagged>> bodyTokens, Map<String, String> preparations) {
    public AnalysisTables {
        synonymKeys = List.copyOf(synonymKeys);
        vocabulary = Set.copyOf(vocabulary);
        byOkurigana = Map.copyOf(byOkurigana);
        variantSpellings = Map.copyOf(variantSpellings);
        acronyms = Set.copyOf(acronyms);
        bodyTokens = Map.copyOf(bodyTokens);
        preparations = Map.copyOf(preparations);
    }

    /** These tables with what a start analyses known in advance, as the build recorded it. */
    public AnalysisTables withKnown(Map<String, List<Tokens.Tagged>> tokens, Map<String, String> prepared) {
        return new AnalysisTables(synonyms, synonymKeys, dictionaryCsv, vocabulary, byOkurigana, variantSpellings, acronyms,
                tokens, prepared);
    }
}
