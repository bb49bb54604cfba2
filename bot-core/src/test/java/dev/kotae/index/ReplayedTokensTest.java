package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The body field built from the vocabulary pass's recorded tokens is the body field analysis would build. */
class ReplayedTokensTest {
    @Test
    void sameTermsPostingsPositionsAndNorms() throws Exception {
        Corpus corpus = CorpusLoader.load(EmbeddedCorpus.root());
        TextAnalysis replayed = TextAnalysis.forCorpus(corpus);
        TextAnalysis analysed = TextAnalysis.forCorpus(corpus);
        assertNotNull(analysed.takePassageTokens());
        assertNull(analysed.takePassageTokens());
        try (KnowledgeIndex a = KnowledgeIndex.build(corpus, replayed); KnowledgeIndex b = KnowledgeIndex.build(corpus, analysed)) {
            assertNull(replayed.takePassageTokens(), "the build takes them");
            assertEquals(1, a.reader().leaves().size());
            assertEquals(1, b.reader().leaves().size());
            LeafReader x = a.reader().leaves().get(0).reader();
            LeafReader y = b.reader().leaves().get(0).reader();
            assertEquals(x.maxDoc(), y.maxDoc());
            for (String field : new String[] {KnowledgeIndex.BODY, KnowledgeIndex.TITLE, KnowledgeIndex.READING, KnowledgeIndex.BIGRAM}) {
                Terms tx = x.terms(field);
                Terms ty = y.terms(field);
                assertEquals(ty.size(), tx.size(), field);
                assertEquals(ty.getSumTotalTermFreq(), tx.getSumTotalTermFreq(), field);
                assertEquals(ty.getSumDocFreq(), tx.getSumDocFreq(), field);
                TermsEnum ex = tx.iterator();
                TermsEnum ey = ty.iterator();
                int terms = 0;
                for (BytesRef t = ey.next(); t != null; t = ey.next()) {
                    assertEquals(t, ex.next(), field);
                    assertEquals(ey.docFreq(), ex.docFreq());
                    assertEquals(ey.totalTermFreq(), ex.totalTermFreq());
                    PostingsEnum px = ex.postings(null, PostingsEnum.POSITIONS);
                    PostingsEnum py = ey.postings(null, PostingsEnum.POSITIONS);
                    for (int d = py.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = py.nextDoc()) {
                        assertEquals(d, px.nextDoc());
                        assertEquals(py.freq(), px.freq());
                        for (int k = 0; k < py.freq(); k++) {
                            assertEquals(py.nextPosition(), px.nextPosition(), field + " " + t.utf8ToString());
                        }
                    }
                    assertEquals(DocIdSetIterator.NO_MORE_DOCS, px.nextDoc());
                    terms++;
                }
                assertNull(ex.next());
                NumericDocValues nx = x.getNormValues(field);
                NumericDocValues ny = y.getNormValues(field);
                for (int d = ny.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = ny.nextDoc()) {
                    assertEquals(d, nx.nextDoc());
                    assertEquals(ny.longValue(), nx.longValue(), field + " norm of " + d);
                }
                assertEquals(DocIdSetIterator.NO_MORE_DOCS, nx.nextDoc());
                assertEquals(true, terms > 0, field);
            }
        }
    }
}
