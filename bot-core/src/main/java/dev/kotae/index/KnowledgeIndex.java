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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

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
    private static final String CODE = "kotae.code.digest";

    /**
     * The index is of this corpus but was written by another build of Kotae, whose analysis may make
     * other terms: rebuild it from the corpus rather than serve it.
     */
    public static final class BuiltByOtherCodeException extends IOException {
        BuiltByOtherCodeException(String code) {
            super("the index was written by another build of Kotae (code " + code + ", this build "
                    + IndexCodeDigest.current() + ")");
        }
    }

    /** A matching document: its kind ({@link #PASSAGE} or {@link #GLOSSARY}), position in the corpus list, and score. */
    public record Hit(String type, int ord, float score) {}

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** Every analysed term of the generation numbered; documents' terms as sorted ids. */
    private final TermIds termIds;
    private final List<int[]> passageTerms;
    private final List<int[]> glossaryTerms;
    private final int documentCount;
    /** Body term → idf, computed once per generation: idf is asked for thousands of times per question. */
    private final Map<String, Double> idfByTerm;
    /** The idf of a term the corpus never uses. */
    private final double unknownIdf;
    /** Lucene doc id → position in the corpus list, read once, so a hit needs no stored-field load. */
    private final int[] ordOfDoc;
    /** Lucene doc id → whether it is a glossary document (else a passage). */
    private final boolean[] glossaryDoc;
    private final int[][][] typeRanges;
    /**
     * Whether every segment holds each type as one run of ids, the glossary's before the passages'
     * (indexes written by this version): then one scorer per segment serves both types.
     */
    private final boolean glossaryFirstRuns;

    private KnowledgeIndex(Directory directory, DirectoryReader reader, TermIds termIds, List<int[]> passageTerms,
                           List<int[]> glossaryTerms) {
        this.directory = directory;
        this.termIds = termIds;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        this.passageTerms = passageTerms;
        this.glossaryTerms = glossaryTerms;
        this.documentCount = Math.max(1, reader.numDocs());
        this.unknownIdf = idf(0);
        try {
            this.idfByTerm = idfTable(reader);
            this.ordOfDoc = ordTable(reader);
            this.glossaryDoc = glossaryTable(reader);
            this.typeRanges = typeRanges(reader, glossaryDoc);
            this.glossaryFirstRuns = glossaryFirstRuns(typeRanges);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index: " + e.getMessage(), e);
        }
    }

    private Map<String, Double> idfTable(DirectoryReader reader) throws IOException {
        Map<String, Double> table = new HashMap<>();
        Terms terms = MultiTerms.getTerms(reader, BODY);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                table.put(term.utf8ToString(), idf(it.docFreq()));
            }
        }
        return table;
    }

    private static int[] ordTable(DirectoryReader reader) throws IOException {
        int[] ords = new int[reader.maxDoc()];
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < ords.length; doc++) {
            var field = stored.document(doc, Set.of(ORD)).getField(ORD);
            ords[doc] = field == null ? -1 : field.numericValue().intValue();
        }
        return ords;
    }

    /**
     * Per segment and type (0 passages, 1 glossary): {first doc id, last + 1, count}. Glossary entries
     * are added before passages, so each type is one run of ids in a segment, glossary first, and one
     * scorer scores both runs in turn; if a merge ever interleaved them (count != last + 1 - first),
     * or the index was written passages first (before this order), each type is scored on its own
     * with the other type rejected one by one.
     */
    private static int[][][] typeRanges(DirectoryReader reader, boolean[] glossaryDoc) {
        int[][][] ranges = new int[reader.leaves().size()][2][];
        for (var leaf : reader.leaves()) {
            for (int type = 0; type < 2; type++) {
                int from = leaf.reader().maxDoc();
                int to = 0;
                int count = 0;
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (glossaryDoc[leaf.docBase + doc] == (type == 1)) {
                        from = Math.min(from, doc);
                        to = doc + 1;
                        count++;
                    }
                }
                ranges[leaf.ord][type] = new int[] {from, to, count};
            }
        }
        return ranges;
    }

    private static boolean glossaryFirstRuns(int[][][] typeRanges) {
        for (int[][] leaf : typeRanges) {
            int[] p = leaf[0];
            int[] g = leaf[1];
            boolean runs = (p[2] == 0 || p[2] == p[1] - p[0]) && (g[2] == 0 || g[2] == g[1] - g[0]);
            if (!runs || (p[2] > 0 && g[2] > 0 && g[1] > p[0])) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] glossaryTable(DirectoryReader reader) throws IOException {
        boolean[] glossary = new boolean[reader.maxDoc()];
        for (var leaf : reader.leaves()) {
            var postings = leaf.reader().postings(new Term(TYPE, GLOSSARY));
            if (postings == null) {
                continue;
            }
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                glossary[leaf.docBase + doc] = true;
            }
        }
        return glossary;
    }

    private double idf(int df) {
        return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
    }

    /** Builds the index of {@code corpus} in memory. */
    public static KnowledgeIndex build(Corpus corpus, TextAnalysis analysis) {
        // One buffer per file: the default (many small buffers) makes every term look-up's clone and
        // slice of the terms file walk a buffer list, which was most of the cost of building a query's weight.
        return build(corpus, analysis, new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER));
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
                return openVerified(corpus, analysis, directory, fingerprint);
            }
        } catch (IOException e) {
            // An unreadable or outdated index is rebuilt from the corpus, which is the source of truth.
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
            checkStamp(reader.getIndexCommit().getUserData(), fingerprint);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        TermIds ids = new TermIds();
        return new KnowledgeIndex(directory, reader, ids,
                termsOf(corpus.passages().stream().map(KnowledgeIndex::coverageText).toList(), analysis, ids),
                termsOf(corpus.glossary().stream().map(KnowledgeIndex::glossaryText).toList(), analysis, ids));
    }

    /**
     * Fails unless the index in {@code directory} was built from the corpus with this {@code
     * fingerprint} by this build of Kotae. Reads only the latest commit's data: cheap enough to ask
     * before the analysis chain of a generation that may have to be rebuilt anyway.
     */
    public static void requireStamp(Directory directory, String fingerprint) throws IOException {
        checkStamp(org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData(), fingerprint);
    }

    private static void checkStamp(Map<String, String> commitData, String fingerprint) throws IOException {
        String built = commitData.get(FINGERPRINT);
        if (!fingerprint.equals(built)) {
            throw new IOException("the index was built from another corpus (" + built + ", expected " + fingerprint + ")");
        }
        String code = commitData.get(CODE);
        if (!IndexCodeDigest.current().equals(code)) {
            throw new BuiltByOtherCodeException(code);
        }
    }

    private static List<int[]> termsOf(List<String> texts, TextAnalysis analysis, TermIds ids) {
        List<int[]> terms = new ArrayList<>(texts.size());
        for (String text : texts) {
            terms.add(ids.add(analysis.terms(text)));
        }
        return terms;
    }

    private static String glossaryText(GlossaryEntry g) {
        return TextNormalizer.normalize(g.term()) + " " + TextNormalizer.normalize(g.definition());
    }

    /** Builds the index of {@code corpus} into {@code directory}, stamped with the corpus fingerprint. */
    public static KnowledgeIndex build(Corpus corpus, TextAnalysis analysis, Directory directory, String fingerprint) {
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(READING, analysis.bigramAnalyzer());
        perField.put(BIGRAM, analysis.bigramAnalyzer());
        Analyzer analyzer = new PerFieldAnalyzerWrapper(analysis.bodyAnalyzer(), perField);
        TermIds ids = new TermIds();
        List<int[]> passageTerms = new ArrayList<>();
        List<int[]> glossaryTerms = new ArrayList<>();
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            // Glossary entries first, then passages: each segment then holds a run of glossary ids
            // followed by a run of passage ids, and searchBoth scores both runs with one scorer.
            List<GlossaryEntry> glossary = corpus.glossary();
            for (int i = 0; i < glossary.size(); i++) {
                GlossaryEntry g = glossary.get(i);
                String head = TextNormalizer.normalize(g.term());
                String text = glossaryText(g);
                writer.addDocument(document(GLOSSARY, i, head, text, analysis, null));
                glossaryTerms.add(ids.add(analysis.terms(text)));
            }
            List<Passage> passages = corpus.passages();
            // The body field's tokens were found once already (the analysis chain's vocabulary pass).
            dev.kotae.analysis.PassageTokens recorded = analysis.takePassageTokens();
            if (recorded != null && recorded.size() != passages.size()) {
                recorded = null;
            }
            for (int i = 0; i < passages.size(); i++) {
                Passage p = passages.get(i);
                String title = p.title() == null ? "" : p.title();
                String text = TextNormalizer.normalize(p.text());
                writer.addDocument(document(PASSAGE, i, TextNormalizer.normalize(title), text, analysis,
                        recorded == null ? null : recorded.stream(i)));
                passageTerms.add(ids.add(analysis.terms(coverageText(p))));
            }
            // Only an index on disk is ever reopened, so only it needs the code digest (reading Kotae's
            // own classes costs ~30 ms of a cold start).
            writer.setLiveCommitData((directory instanceof ByteBuffersDirectory
                    ? Map.of(FINGERPRINT, fingerprint)
                    : Map.of(FINGERPRINT, fingerprint, CODE, IndexCodeDigest.current())).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index: " + e.getMessage(), e);
        }
        try {
            return new KnowledgeIndex(directory, DirectoryReader.open(directory), ids, passageTerms, glossaryTerms);
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

    /** @param bodyTokens the body field's tokens of {@code text} when already known, else null (analysed here) */
    private static Document document(String type, int ord, String title, String text, TextAnalysis analysis,
                                     org.apache.lucene.analysis.TokenStream bodyTokens) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, type, Field.Store.NO));
        doc.add(new StoredField(ORD, ord));
        doc.add(bodyTokens != null ? new TextField(BODY, bodyTokens) : new TextField(BODY, text, Field.Store.NO));
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
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(new Hit(type, ordOfDoc[sd.doc], sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed: " + e.getMessage(), e);
        }
    }

    /** The best passages and glossary entries for one query, each list best first. */
    public record Hits(List<Hit> passages, List<Hit> glossary) {}

    /**
     * The best {@code passages} passages and {@code glossary} glossary entries for {@code query}: the
     * same hits, in the same order, as {@link #search} for each type, with the query rewritten and its
     * weight (term look-ups, statistics) built once instead of twice. Each type is then scored on its
     * own, with documents of the other type rejected up front and Lucene's dynamic pruning (documents
     * that cannot enter that type's list are skipped) intact.
     */
    public Hits searchBoth(Query query, int passages, int glossary) {
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
            TwoTypeCollector.Top passageTop = new TwoTypeCollector.Top(passages);
            TwoTypeCollector.Top glossaryTop = new TwoTypeCollector.Top(glossary);
            if (glossaryFirstRuns) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    scoreRuns(weight, leaf, passageTop, glossaryTop);
                }
            } else {
                top(weight, false, passageTop);
                top(weight, true, glossaryTop);
            }
            return new Hits(passageTop.hits(PASSAGE, ordOfDoc), glossaryTop.hits(GLOSSARY, ordOfDoc));
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Scores a segment whose glossary ids (if any) all come before its passage ids with one scorer:
     * the glossary run first, every document collected without pruning (minimum competitive scores
     * may only rise, and the passages' must start from nothing), then the passage run with pruning.
     * The same hits and scores as one search per type. Only for {@link #glossaryFirstRuns} layouts.
     */
    private void scoreRuns(Weight weight, LeafReaderContext leaf, TwoTypeCollector.Top passageTop,
                              TwoTypeCollector.Top glossaryTop) throws IOException {
        int[] p = typeRanges[leaf.ord][0];
        int[] g = typeRanges[leaf.ord][1];
        boolean scoreGlossary = g[2] > 0 && glossaryTop.capacity() > 0;
        boolean scorePassages = p[2] > 0 && passageTop.capacity() > 0;
        if (!scoreGlossary && !scorePassages) {
            return;
        }
        ScorerSupplier supplier = weight.scorerSupplier(leaf);
        if (supplier == null) {
            return;
        }
        supplier.setTopLevelScoringClause();
        BulkScorer scorer = supplier.bulkScorer();
        Bits live = leaf.reader().getLiveDocs();
        if (scoreGlossary) {
            scorer.score(new TwoTypeCollector.TopLeafCollector(glossaryTop, leaf.docBase, false), live, g[0], g[1]);
        }
        if (scorePassages) {
            scorer.score(new TwoTypeCollector.TopLeafCollector(passageTop, leaf.docBase, true), live, p[0], p[1]);
        }
    }

    /** One type's best documents, scored on its own in every segment (other type rejected up front). */
    private void top(Weight weight, boolean glossary, TwoTypeCollector.Top top) throws IOException {
        if (top.capacity() <= 0) {
            return;
        }
        for (LeafReaderContext leaf : reader.leaves()) {
            int docBase = leaf.docBase;
            int maxDoc = leaf.reader().maxDoc();
            int[] range = typeRanges[leaf.ord][glossary ? 1 : 0];
            int from = range[0];
            int to = range[1];
            int count = range[2];
            if (count == 0) {
                continue;
            }
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            if (supplier == null) {
                continue;
            }
            supplier.setTopLevelScoringClause();
            BulkScorer scorer = supplier.bulkScorer();
            Bits live = leaf.reader().getLiveDocs();
            Bits accept = count == to - from ? live : new Bits() {
                @Override
                public boolean get(int doc) {
                    return glossaryDoc[docBase + doc] == glossary && (live == null || live.get(doc));
                }

                @Override
                public int length() {
                    return maxDoc;
                }
            };
            scorer.score(new TwoTypeCollector.TopLeafCollector(top, docBase, true), accept, from, to);
        }
    }

    /**
     * Term queries (with their term statistics) of the terms questions have used, per field, so a
     * query's weight needs no term-dictionary seek and no new Term, BytesRef or hash.
     */
    private final Map<String, java.util.concurrent.ConcurrentHashMap<String, TermQuery>> termQueries = Map.of(
            BODY, new java.util.concurrent.ConcurrentHashMap<>(), TITLE, new java.util.concurrent.ConcurrentHashMap<>(),
            READING, new java.util.concurrent.ConcurrentHashMap<>(), BIGRAM, new java.util.concurrent.ConcurrentHashMap<>());
    private final java.util.concurrent.atomic.AtomicInteger cachedTermQueries = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger cachedAbsentTerms = new java.util.concurrent.atomic.AtomicInteger();
    private static final int MAX_CACHED_TERMS = 200_000;
    /** Terms the index does not have come from what users type: kept too (most question bigrams are such), up to a smaller cap. */
    private static final int MAX_CACHED_ABSENT_TERMS = 50_000;

    /**
     * A query for one term, carrying the term's statistics from a per-generation cache: the same query
     * and scores as {@code new TermQuery(term)}, without looking the term up again. Terms the index has
     * are bounded by its vocabulary (and a cap); terms it lacks by a smaller cap.
     */
    public Query termQuery(String field, String text) {
        var cache = termQueries.get(field);
        TermQuery cached = cache == null ? null : cache.get(text);
        if (cached != null) {
            return cached;
        }
        Term term = new Term(field, text);
        TermStates states;
        try {
            states = TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed: " + e.getMessage(), e);
        }
        TermQuery query = new CachedTermQuery(term, states, searcher);
        if (cache != null) {
            var count = states.docFreq() > 0 ? cachedTermQueries : cachedAbsentTerms;
            if (count.get() < (states.docFreq() > 0 ? MAX_CACHED_TERMS : MAX_CACHED_ABSENT_TERMS)
                    && cache.putIfAbsent(text, query) == null) {
                count.incrementAndGet();
            }
        }
        return query;
    }

    /**
     * {@link #termQuery}, or null when no document has the term: such a clause matches and scores
     * nothing, so leaving it out of a disjunction changes no hit and no score, and saves its weight,
     * scorer and cost on every search.
     */
    public Query termQueryIfIndexed(String field, String text) {
        TermQuery query = (TermQuery) termQuery(field, text);
        return query.getTermStates().docFreq() > 0 ? query : null;
    }

    /**
     * A term query kept for reuse: the same query, weight and scores as a {@link TermQuery}, with its
     * hash code computed once and its weights kept (per score mode and boost; a question uses at most
     * three boosts per term). Building a BooleanQuery hashes every clause, and a TermQuery's hash
     * hashes its term's bytes each time (with ~60 clauses a question, 8% of answering in a profile);
     * a TermQuery's weight sums the collection statistics of its field over the segments and builds
     * BM25's table of 256 length norms, every time. A term weight holds no per-search state.
     */
    static final class CachedTermQuery extends TermQuery {
        private static final int WEIGHTS = 4;
        private final int hash;
        private final IndexSearcher searcher;
        private final long[] weightKeys = new long[WEIGHTS];
        private final Weight[] weights = new Weight[WEIGHTS];
        private int weightCount;

        CachedTermQuery(Term term, TermStates states, IndexSearcher searcher) {
            super(term, states);
            this.hash = super.hashCode();
            this.searcher = searcher;
        }

        @Override
        public Weight createWeight(IndexSearcher s, ScoreMode scoreMode, float boost) throws IOException {
            if (s != searcher) {
                return super.createWeight(s, scoreMode, boost);
            }
            long key = ((long) scoreMode.ordinal() << 32) | (Float.floatToIntBits(boost) & 0xFFFFFFFFL);
            synchronized (this) {
                for (int i = 0; i < weightCount; i++) {
                    if (weightKeys[i] == key) {
                        return weights[i];
                    }
                }
            }
            Weight weight = super.createWeight(s, scoreMode, boost);
            synchronized (this) {
                if (weightCount < WEIGHTS) {
                    weightKeys[weightCount] = key;
                    weights[weightCount++] = weight;
                }
            }
            return weight;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other == this || super.equals(other);
        }
    }

    /** Inverse document frequency of a body term; a term the corpus never uses weighs the most. */
    public double idf(String term) {
        Double known = idfByTerm.get(term);
        return known != null ? known : unknownIdf;
    }

    public boolean knows(String term) {
        return idfByTerm.containsKey(term);
    }

    /** The sorted {@link #termIds() ids} of a passage's terms (its heading's included). */
    public int[] passageTerms(int ord) {
        return passageTerms.get(ord);
    }

    /** The sorted {@link #termIds() ids} of a glossary entry's terms. */
    public int[] glossaryTerms(int ord) {
        return glossaryTerms.get(ord);
    }

    /** The generation's term numbering; the generation's builder may still add terms before answering starts. */
    public TermIds termIds() {
        return termIds;
    }

    private volatile SharedKanji sharedKanji;

    /** Which terms share a telling kanji, worked out on first use (after the generation is built). */
    public SharedKanji sharedKanji() {
        SharedKanji kin = sharedKanji;
        if (kin == null) {
            synchronized (this) {
                if (sharedKanji == null) {
                    sharedKanji = SharedKanji.of(termIds);
                }
                kin = sharedKanji;
            }
        }
        return kin;
    }

    public int size() {
        return reader.numDocs();
    }

    /** For tests: the index's reader. */
    DirectoryReader reader() {
        return reader;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
