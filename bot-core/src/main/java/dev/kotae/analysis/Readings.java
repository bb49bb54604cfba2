package dev.kotae.analysis;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/** The folded katakana reading of a whole text, for the reading field's bigrams. */
public final class Readings {
    private Readings() {}

    public static String of(Analyzer readingAnalyzer, String text) {
        List<String> readings = Tokens.of(readingAnalyzer, "reading", text);
        return String.join("", readings);
    }
}
