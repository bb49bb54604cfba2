package dev.kotae.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Runs an analyzer over a string and collects the terms. */
public final class Tokens {
    private Tokens() {}

    public static List<String> of(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysis of an in-memory string cannot do I/O; this only happens on a broken analyzer.
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** A term with Kuromoji's part of speech ({@code 名詞-一般}), or null where the analyzer gives none. */
    public record Tagged(String term, String partOfSpeech) {}

    /** {@link #of}, with each term's part of speech. */
    public static List<Tagged> tagged(Analyzer analyzer, String field, String text) {
        List<Tagged> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = stream.hasAttribute(PartOfSpeechAttribute.class)
                    ? stream.getAttribute(PartOfSpeechAttribute.class) : null;
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(new Tagged(term.toString(), pos == null ? null : pos.getPartOfSpeech()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
