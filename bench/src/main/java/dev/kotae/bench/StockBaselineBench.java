package dev.kotae.bench;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference point of the throughput target: a stock Kuromoji (JapaneseAnalyzer) BM25 search
 * over the seed passages, one paragraph per hit and nothing else, over the same mixed questions as
 * {@code AnswerBench} with kind {@code mixed}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss4m", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class StockBaselineBench {
    StockSearch stock;
    List<String> questions;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Corpus corpus = Seed.corpus();
        stock = new StockSearch(corpus);
        questions = Seed.mixed(corpus);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        stock.close();
    }

    @Benchmark
    @Threads(1)
    public String search(Cursor c) throws Exception {
        String q = questions.get(c.next++ % questions.size());
        String text = stock.search(q).text();
        return text == null ? "" : text;
    }
}
