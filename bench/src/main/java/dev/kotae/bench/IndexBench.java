package dev.kotae.bench;

import dev.kotae.answer.Knowledge;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/** Loading (parsing) the seed corpus, and building a generation (analysis chain, index, look-ups) from it. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss4m", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class IndexBench {
    Path root;
    Corpus corpus;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        root = Seed.root();
        corpus = CorpusLoader.load(root);
    }

    @Benchmark
    public Corpus loadCorpus() throws Exception {
        return CorpusLoader.load(root);
    }

    @Benchmark
    public int buildKnowledge() throws Exception {
        try (Knowledge k = Knowledge.build(corpus)) {
            return k.corpus().passages().size();
        }
    }
}
