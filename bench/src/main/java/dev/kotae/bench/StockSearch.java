package dev.kotae.bench;

import dev.kotae.analysis.Tokens;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The throughput target's reference point: a stock Kuromoji (JapaneseAnalyzer) BM25 search over the
 * seed passages, one paragraph per hit and nothing else. One implementation, so that the JMH
 * benchmark and the batch process measure the same search.
 */
final class StockSearch implements Closeable {
    /** The top paragraph and its score; {@code text} is null when nothing matched. */
    record Hit(String text, float score) {}

    private final JapaneseAnalyzer analyzer = new JapaneseAnalyzer();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    StockSearch(Corpus corpus) throws IOException {
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
    }

    Hit search(String question) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : Tokens.of(analyzer, "body", question).stream().distinct().limit(64).toList()) {
            b.add(new TermQuery(new Term("body", t)), BooleanClause.Occur.SHOULD);
        }
        try {
            TopDocs top = searcher.search(b.build(), 1);
            return top.scoreDocs.length == 0 ? new Hit(null, 0)
                    : new Hit(searcher.storedFields().document(top.scoreDocs[0].doc).get("text"), top.scoreDocs[0].score);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        analyzer.close();
    }
}
