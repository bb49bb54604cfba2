package dev.kotae.index;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.analysis.TextNormalizer;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The Lucene index of one corpus generation: passages (text and slides) and glossary definitions,
 * each in four fields: {@code body} (Kuromoji terms), {@code title}, {@code reading} (bigrams of the
 * folded katakana reading) and {@code bigram} (CJK bigrams of the text). Immutable once built;
 * searching is thread-safe.
 */
public final class KnowledgeIndex implements Closeable {
    public static final String TYPE = "type";
    public static final String ORD = "ord";
    public static final String BODY = "body";
    public static final String TITLE = "title";
    public static final String READING = "reading";
    public static final String BIGRAM = "bigram";
    public static final String PASSAGE = "passage";
    public static final String GLOSSARY = "glossary";
    private static final String FINGERPRINT = "kotae.corpus.fingerprint";

    /** A matching document: its kind ({@link #PASSAGE} or {@link #GLOSSARY}), position in the corpus list, and score. */
    public record Hit(String type, int ord, float score) {}

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final List<Set<String>> passageTerms;
    private final List<Set<String>> glossaryTerms;
    private final int documentCount;

    private KnowledgeIndex(Directory directory, DirectoryReader reader, List<Set<String>> passageTerms,
                           List<Set<String>> glossaryTerms) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        this.passageTerms = passageTerms;
        this.glossaryTerms = glossaryTerms;
        this.documentCount = Math.max(1, reader.numDocs());
    }

    /** Builds the index of {@code corpus} in memory. */
    public static KnowledgeIndex build(Corpus corpus, TextAnalysis analysis) {
        return build(corpus, analysis, new ByteBuffersDirectory());
    }

    /** Builds the index of {@code corpus} into {@code directory}, replacing what was there. */
    public static KnowledgeIndex build(Corpus corpus, TextAnalysis analysis, Directory directory) {
        return build(corpus, analysis, directory, "");
    }

    /**
     * Opens the index in {@code directory} when it was built from the corpus with this
     * {@code fingerprint}; otherwise builds it there.
     */
    public static KnowledgeIndex openOrBuild(Corpus corpus, TextAnalysis analysis, Directory directory, String fingerprint) {
        try {
            if (DirectoryReader.indexExists(directory)) {
                DirectoryReader reader = DirectoryReader.open(directory);
                if (fingerprint.equals(reader.getIndexCommit().getUserData().get(FINGERPRINT))) {
                    return new KnowledgeIndex(directory, reader, termsOf(corpus.passages().stream()
                            .map(KnowledgeIndex::coverageText).toList(), analysis),
                            termsOf(corpus.glossary().stream().map(g -> TextNormalizer.normalize(g.term()) + " "
                                    + TextNormalizer.normalize(g.definition())).toList(), analysis));
                }
                reader.close();
            }
        } catch (IOException e) {
            // An unreadable index is rebuilt from the corpus, which is the source of truth.
        }
        return build(corpus, analysis, directory, fingerprint);
    }

    /**
     * Opens the index in {@code directory} only if every segment passes its checksum and it was built
     * from the corpus with this {@code fingerprint}; otherwise says why, so the caller can fall back.
     */
    public static KnowledgeIndex openVerified(Corpus corpus, TextAnalysis analysis, Directory directory, String fingerprint)
            throws IOException {
        DirectoryReader reader = DirectoryReader.open(directory);
        try {
            for (var leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
            String built = reader.getIndexCommit().getUserData().get(FINGERPRINT);
            if (!fingerprint.equals(built)) {
                throw new IOException("the index was built from another corpus (" + built + ", expected " + fingerprint + ")");
            }
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return new KnowledgeIndex(directory, reader,
                termsOf(corpus.passages().stream().map(KnowledgeIndex::coverageText).toList(), analysis),
                termsOf(corpus.glossary().stream().map(g -> TextNormalizer.normalize(g.term()) + " "
                        + TextNormalizer.normalize(g.definition())).toList(), analysis));
    }

    private static List<Set<String>> termsOf(List<String> texts, TextAnalysis analysis) {
        List<Set<String>> terms = new ArrayList<>(texts.size());
        for (String text : texts) {
            terms.add(new HashSet<>(analysis.terms(text)));
        }
        return terms;
    }

    /** Builds the index of {@code corpus} into {@code directory}, stamped with the corpus fingerprint. */
    public static KnowledgeIndex build(Corpus corpus, TextAnalysis analysis, Directory directory, String fingerprint) {
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(READING, analysis.bigramAnalyzer());
        perField.put(BIGRAM, analysis.bigramAnalyzer());
        Analyzer analyzer = new PerFieldAnalyzerWrapper(analysis.bodyAnalyzer(), perField);
        List<Set<String>> passageTerms = new ArrayList<>();
        List<Set<String>> glossaryTerms = new ArrayList<>();
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            List<Passage> passages = corpus.passages();
            for (int i = 0; i < passages.size(); i++) {
                Passage p = passages.get(i);
                String title = p.title() == null ? "" : p.title();
                String text = TextNormalizer.normalize(p.text());
                writer.addDocument(document(PASSAGE, i, TextNormalizer.normalize(title), text, analysis));
                passageTerms.add(new HashSet<>(analysis.terms(coverageText(p))));
            }
            List<GlossaryEntry> glossary = corpus.glossary();
            for (int i = 0; i < glossary.size(); i++) {
                GlossaryEntry g = glossary.get(i);
                String head = TextNormalizer.normalize(g.term());
                String text = head + " " + TextNormalizer.normalize(g.definition());
                writer.addDocument(document(GLOSSARY, i, head, text, analysis));
                glossaryTerms.add(new HashSet<>(analysis.terms(text)));
            }
            writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index: " + e.getMessage(), e);
        }
        try {
            return new KnowledgeIndex(directory, DirectoryReader.open(directory), passageTerms, glossaryTerms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index just written: " + e.getMessage(), e);
        }
    }

    /**
     * What a passage answers about: its own words and its heading's (a slide row under 「セミナー内容」
     * answers 「第3回のセミナーのテーマ」).
     */
    private static String coverageText(Passage p) {
        return TextNormalizer.normalize((p.title() == null ? "" : p.title() + " ") + p.text());
    }

    private static Document document(String type, int ord, String title, String text, TextAnalysis analysis) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, type, Field.Store.NO));
        doc.add(new StoredField(ORD, ord));
        doc.add(new TextField(BODY, text, Field.Store.NO));
        doc.add(new TextField(TITLE, title, Field.Store.NO));
        doc.add(new TextField(READING, analysis.reading(text), Field.Store.NO));
        doc.add(new TextField(BIGRAM, text, Field.Store.NO));
        return doc;
    }

    /** The best {@code n} documents of one type for {@code query}. */
    public List<Hit> search(Query query, String type, int n) {
        Query filtered = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(TYPE, type)), BooleanClause.Occur.FILTER)
                .build();
        try {
            TopDocs top = searcher.search(filtered, n);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            var storedFields = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                int ord = storedFields.document(sd.doc).getField(ORD).numericValue().intValue();
                hits.add(new Hit(type, ord, sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed: " + e.getMessage(), e);
        }
    }

    /** Inverse document frequency of a body term; a term the corpus never uses weighs the most. */
    public double idf(String term) {
        try {
            int df = reader.docFreq(new Term(BODY, term));
            return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean knows(String term) {
        try {
            return reader.docFreq(new Term(BODY, term)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> passageTerms(int ord) {
        return passageTerms.get(ord);
    }

    public Set<String> glossaryTerms(int ord) {
        return glossaryTerms.get(ord);
    }

    public int size() {
        return reader.numDocs();
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
