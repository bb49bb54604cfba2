package dev.kotae.bench;

import dev.kotae.analysis.Tokens;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.Passage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
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
    JapaneseAnalyzer analyzer;
    DirectoryReader reader;
    IndexSearcher searcher;
    List<String> questions;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Corpus corpus = Seed.corpus();
        analyzer = new JapaneseAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Passage p : corpus.passages()) {
                Document d = new Document();
                d.add(new TextField("body", p.text(), Field.Store.NO));
                d.add(new StoredField("text", p.text()));
                w.addDocument(d);
            }
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        questions = Seed.mixed(corpus);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        reader.close();
    }

    @Benchmark
    @Threads(1)
    public String search(Cursor c) throws Exception {
        String q = questions.get(c.next++ % questions.size());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : Tokens.of(analyzer, "body", q).stream().distinct().limit(64).toList()) {
            b.add(new TermQuery(new Term("body", t)), BooleanClause.Occur.SHOULD);
        }
        TopDocs top = searcher.search(b.build(), 1);
        return top.scoreDocs.length == 0 ? "" : searcher.storedFields().document(top.scoreDocs[0].doc).get("text");
    }
}
