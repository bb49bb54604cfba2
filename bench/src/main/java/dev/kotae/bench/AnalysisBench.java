package dev.kotae.bench;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.analysis.TextNormalizer;
import dev.kotae.corpus.Corpus;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** The text pipeline: a question (prepare + Kuromoji terms + reading + bigrams), and a corpus passage. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss4m", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class AnalysisBench {
    Corpus corpus;
    TextAnalysis analysis;
    List<String> questions;
    List<String> passages;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        corpus = Seed.corpus();
        analysis = TextAnalysis.forCorpus(corpus);
        questions = Seed.mixed(corpus);
        passages = corpus.passages().stream().map(p -> TextNormalizer.normalize(p.text())).toList();
    }

    @Benchmark
    @Threads(1)
    public int question(Cursor c) {
        String prepared = analysis.prepare(questions.get(c.next++ % questions.size()));
        return analysis.terms(prepared).size() + analysis.bigrams(prepared).size()
                + analysis.reading(prepared).length() + analysis.synonymsIn(prepared).size();
    }

    @Benchmark
    @Threads(1)
    public int passage(Cursor c) {
        return analysis.terms(passages.get(c.next++ % passages.size())).size();
    }

    @Benchmark
    @Threads(1)
    public TextAnalysis analysisChain() throws Exception {
        return TextAnalysis.forCorpus(corpus);
    }
}
