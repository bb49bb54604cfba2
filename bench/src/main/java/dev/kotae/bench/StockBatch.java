package dev.kotae.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.analysis.Tokens;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.Passage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * The stock baseline measured the way {@code kotae batch} is ({@code scripts/bench.sh stock N}): a
 * process that builds a stock Kuromoji (JapaneseAnalyzer) BM25 index of the seed passages, reads
 * questions from stdin, one per line, and prints one JSON line per question: the top paragraph and
 * its score, and {@code tookMicros} (analysis, search and the stored-field load, as Kotae's covers
 * answering). The same search as {@link StockBaselineBench}.
 */
public final class StockBatch {
    private StockBatch() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("org.apache.lucene").setLevel(java.util.logging.Level.SEVERE);
        Corpus corpus = Seed.corpus();
        JapaneseAnalyzer analyzer = new JapaneseAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Passage p : corpus.passages()) {
                Document d = new Document();
                d.add(new TextField("body", p.text(), Field.Store.NO));
                d.add(new StoredField("text", p.text()));
                w.addDocument(d);
            }
        }
        ObjectMapper json = new ObjectMapper();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                long t0 = System.nanoTime();
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (String t : Tokens.of(analyzer, "body", line).stream().distinct().limit(64).toList()) {
                    b.add(new TermQuery(new Term("body", t)), BooleanClause.Occur.SHOULD);
                }
                TopDocs top = searcher.search(b.build(), 1);
                String text = top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc).get("text");
                long took = (System.nanoTime() - t0) / 1000;
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("text", text);
                answer.put("score", top.scoreDocs.length == 0 ? 0 : top.scoreDocs[0].score);
                answer.put("tookMicros", took);
                out.println(json.writeValueAsString(answer));
                out.flush();
            }
        }
    }
}
