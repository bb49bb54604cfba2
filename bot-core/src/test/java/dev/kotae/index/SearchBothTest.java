package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.analysis.TextNormalizer;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import dev.kotae.corpus.Passage;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The one-weight search of both types returns exactly what two filtered searches return. */
class SearchBothTest {
    @Test
    void sameHitsAsTwoFilteredSearches() throws Exception {
        Corpus corpus = CorpusLoader.load(EmbeddedCorpus.root());
        TextAnalysis analysis = TextAnalysis.forCorpus(corpus);
        try (KnowledgeIndex index = KnowledgeIndex.build(corpus, analysis)) {
            int checked = 0;
            for (int i = 0; i < corpus.passages().size(); i += 3) {
                Passage p = corpus.passages().get(i);
                String text = TextNormalizer.normalize(p.text());
                String probe = text.substring(0, Math.min(text.length(), 12 + i % 30));
                Query q = query(analysis, index, probe, i % 2 == 0);
                KnowledgeIndex.Hits both = index.searchBoth(q, 24, 4);
                assertEquals(index.search(q, KnowledgeIndex.PASSAGE, 24), both.passages(), probe);
                assertEquals(index.search(q, KnowledgeIndex.GLOSSARY, 4), both.glossary(), probe);
                checked++;
            }
            for (String probe : new String[] {"WAFとは", "ゼロトラスト", "ランサムウェア 被害", "経営者 責任", "zzzz"}) {
                Query q = query(analysis, index, probe, true);
                KnowledgeIndex.Hits both = index.searchBoth(q, 24, 4);
                assertEquals(index.search(q, KnowledgeIndex.PASSAGE, 24), both.passages(), probe);
                assertEquals(index.search(q, KnowledgeIndex.GLOSSARY, 4), both.glossary(), probe);
            }
            assertFalse(checked == 0);
        }
    }

    /** Body terms, title terms and a bigram fallback, like the answerer's queries; cached or plain term queries. */
    private static Query query(TextAnalysis analysis, KnowledgeIndex index, String text, boolean cached) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : analysis.terms(text)) {
            b.add(cached ? index.termQuery(KnowledgeIndex.BODY, t) : new TermQuery(new Term(KnowledgeIndex.BODY, t)), BooleanClause.Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(KnowledgeIndex.TITLE, t)), 0.5f), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder fallback = new BooleanQuery.Builder();
        for (String bigram : analysis.bigrams(text)) {
            fallback.add(new TermQuery(new Term(KnowledgeIndex.BIGRAM, bigram)), BooleanClause.Occur.SHOULD);
        }
        b.add(new BoostQuery(fallback.build(), 0.15f), BooleanClause.Occur.SHOULD);
        return b.build();
    }
}
