package dev.kotae.corpus;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Reads a curated synonym file with Lucene's {@link SolrSynonymParser}, so the file means what the
 * Solr format says: {@code a, b, c} makes the words equivalent; {@code a, b => c} maps a and b to c
 * (a question saying a is also looked up as c, not the other way round); {@code #} starts a
 * comment; {@code \,} escapes a comma. Each phrase is kept whole (multi-word phrases such as
 * {@code zero trust} are one entry).
 */
public final class SynonymFile {
    private SynonymFile() {}

    /** One synonym relation: a question saying {@code from} may mean {@code to}. */
    public record Pair(String from, String to) {}

    /**
     * The file's lines that hold a rule, as written (they are parsed again per generation by {@link #pairs});
     * a line the parser refuses is a problem {@code synonyms.txt:N: message}.
     */
    public static List<String> parse(String file, String text, List<CorpusProblem> problems) {
        List<String> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            try {
                List<Pair> pairs = pairs(List.of(rule));
                if (pairs.isEmpty()) {
                    problems.add(new CorpusProblem(file, i + 1, "同義語の行には、カンマで区切った2語以上が要ります"));
                    continue;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new CorpusProblem(file, i + 1, e.getMessage()));
                continue;
            }
            rules.add(rule);
        }
        return rules;
    }

    /** The relations the rules state, in order; throws IllegalArgumentException for a malformed rule. */
    public static List<Pair> pairs(List<String> rules) {
        List<Pair> pairs = new ArrayList<>();
        SolrSynonymParser parser = new SolrSynonymParser(true, true, new KeywordAnalyzer()) {
            @Override
            public void add(CharsRef input, CharsRef output, boolean includeOrig) {
                String from = input.toString().strip();
                String to = output.toString().strip();
                if (!from.isEmpty() && !to.isEmpty() && !from.equals(to)) {
                    pairs.add(new Pair(from, to));
                }
            }

            @Override
            public CharsRef analyze(String text, CharsRefBuilder reuse) {
                // Phrases are kept as written: the corpus analysis decides later how they are found.
                char[] phrase = text.strip().toCharArray();
                reuse.copyChars(phrase, 0, phrase.length);
                return reuse.get();
            }
        };
        try {
            parser.parse(new StringReader(String.join("\n", rules)));
        } catch (ParseException e) {
            // Solr's own wording (「Invalid synonym rule at line N」) names the line of a one-line parse
            throw new IllegalArgumentException("同義語の行を読めません（Solr形式: a, b, c または a, b => c）"
                    + (e.getCause() != null && e.getCause().getMessage() != null ? "：" + e.getCause().getMessage() : ""), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("同義語の行を読めません", e);
        }
        return pairs;
    }
}
