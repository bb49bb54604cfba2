package dev.kotae.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The body-field tokens of every passage of a corpus, recorded once (term numbers and position
 * increments, ~8 bytes a token) so that the index build replays them instead of running Kuromoji
 * over every passage a second time. What the index takes from a token stream is each term and its
 * position increment (positions, frequencies, and the norm: tokens less overlaps), all replayed.
 */
public final class PassageTokens {
    private final List<String> terms;
    /** Per passage: term number and position increment per token, then the final increment. */
    private final int[][] tokens;

    private PassageTokens(List<String> terms, int[][] tokens) {
        this.terms = terms;
        this.tokens = tokens;
    }

    public int size() {
        return tokens.length;
    }

    /** Passage {@code i}'s recorded tokens as a token stream. */
    public TokenStream stream(int i) {
        return new Replay(terms, tokens[i]);
    }

    /** Records passages' tokens in order. */
    static final class Recorder {
        private final List<String> terms = new ArrayList<>();
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<int[]> tokens;

        Recorder(int passages) {
            this.tokens = new ArrayList<>(passages);
        }

        /** Analyses {@code text} with {@code analyzer} (body field), keeps its tokens, returns its terms in order. */
        List<String> record(Analyzer analyzer, String text) {
            List<String> found = new ArrayList<>();
            int[] out = new int[16];
            int n = 0;
            try (TokenStream stream = analyzer.tokenStream("body", text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    String t = term.toString();
                    found.add(t);
                    Integer number = numbers.get(t);
                    if (number == null) {
                        number = terms.size();
                        terms.add(t);
                        numbers.put(t, number);
                    }
                    if (n + 3 > out.length) {
                        out = java.util.Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = number;
                    out[n++] = increment.getPositionIncrement();
                }
                stream.end();
                out[n++] = increment.getPositionIncrement();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tokens.add(java.util.Arrays.copyOf(out, n));
            return found;
        }

        PassageTokens done() {
            return new PassageTokens(List.copyOf(terms), tokens.toArray(int[][]::new));
        }
    }

    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<String> terms;
        private final int[] tokens;
        private int next;

        Replay(List<String> terms, int[] tokens) {
            this.terms = terms;
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next + 1 >= tokens.length) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms.get(tokens[next]));
            increment.setPositionIncrement(tokens[next + 1]);
            next += 2;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(tokens[tokens.length - 1]);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
