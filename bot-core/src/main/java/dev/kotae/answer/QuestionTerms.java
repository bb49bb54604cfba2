package dev.kotae.answer;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.index.KnowledgeIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * A question after analysis: its distinct content terms with their weights, the synonym
 * alternatives of its words, and the Lucene query built from them. Raw user text never reaches a
 * query parser: every clause is a term the analyzer produced.
 */
@SuppressWarnings("unchecked")
final class QuestionTerms {
    /** A word of the question and the term lists of its other spellings. */
    record Alternatives(Set<String> wordTerms, List<List<String>> alternatives) {}

    /** The question's best FAQ rule and its score, once found (a question is answered on one thread). */
    record FaqBest(Knowledge.FaqEntry entry, double score) {}

    FaqBest faqBest;

    /** The kind of value the question asks for, or null; set by the answerer. */
    AnswerType answerType;

    /** Lucene refuses more than 1,024 clauses; a question never needs this many. */
    private static final int MAX_TERMS = 64;
    private static final int MAX_BIGRAMS = 128;

    final String prepared;
    final List<String> terms;
    /** {@link #terms} as a set, for membership tests. */
    final Set<String> termSet;
    final double[] weights;
    final List<Alternatives> synonyms;
    private final TextAnalysis analysis;
    private final KnowledgeIndex index;

    QuestionTerms(String prepared, TextAnalysis analysis, KnowledgeIndex index) {
        this.prepared = prepared;
        this.analysis = analysis;
        this.index = index;
        this.terms = new LinkedHashSet<>(analysis.questionTerms(prepared)).stream().limit(MAX_TERMS).toList();
        this.termSet = new java.util.HashSet<>(terms);
        this.weights = new double[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            weights[i] = index.idf(terms.get(i));
        }
        List<Alternatives> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : analysis.synonymsIn(prepared).entrySet()) {
            Set<String> wordTerms = new LinkedHashSet<>(analysis.synonymWordTerms(e.getKey()));
            List<List<String>> alternatives = new ArrayList<>();
            for (String alternative : e.getValue()) {
                List<String> altTerms = analysis.synonymWordTerms(alternative);
                if (!altTerms.isEmpty()) {
                    alternatives.add(altTerms);
                }
            }
            if (!wordTerms.isEmpty() && !alternatives.isEmpty()) {
                found.add(new Alternatives(wordTerms, alternatives));
            }
        }
        this.synonyms = found;
        this.alternativesOfTerm = new List[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            List<List<String>> mine = new ArrayList<>();
            for (Alternatives group : found) {
                if (group.wordTerms().contains(terms.get(i))) {
                    mine.addAll(group.alternatives());
                }
            }
            alternativesOfTerm[i] = mine;
        }
        Set<String> anyAlternative = new java.util.HashSet<>();
        for (Alternatives group : found) {
            group.alternatives().forEach(anyAlternative::addAll);
        }
        this.alternativeTerms = anyAlternative;
    }

    /** For each of {@link #terms}, the term lists of the synonyms that stand for it, in group order. */
    private final List<List<String>>[] alternativesOfTerm;
    /** Every term of every synonym alternative of the question. */
    final Set<String> alternativeTerms;

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /**
     * How much of the question {@code docTerms} covers, 0–1, each term weighted by its rarity. A term
     * counts as covered when the document has it or has every term of one of its synonyms.
     */
    double coverage(Set<String> docTerms) {
        double total = 0;
        double covered = 0;
        for (int i = 0; i < terms.size(); i++) {
            total += weights[i];
            if (covers(docTerms, i)) {
                covered += weights[i];
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    /** {@link #covers(Set, String)} for the question's own {@code i}-th term, with its synonyms looked up in advance. */
    private boolean covers(Set<String> docTerms, int i) {
        if (docTerms.contains(terms.get(i))) {
            return true;
        }
        for (List<String> alternative : alternativesOfTerm[i]) {
            if (docTerms.containsAll(alternative)) {
                return true;
            }
        }
        return false;
    }

    boolean covers(Set<String> docTerms, String term) {
        if (docTerms.contains(term)) {
            return true;
        }
        for (Alternatives group : synonyms) {
            if (group.wordTerms().contains(term)) {
                for (List<String> alternative : group.alternatives()) {
                    if (docTerms.containsAll(alternative)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Body and title terms, synonym alternatives, and the reading and bigram fallbacks. */
    Query query() {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(index.termQuery(KnowledgeIndex.BODY, term), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(index.termQuery(KnowledgeIndex.TITLE, term), 0.5f), BooleanClause.Occur.SHOULD);
        }
        for (Alternatives group : synonyms) {
            for (List<String> alternative : group.alternatives().stream().limit(8).toList()) {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                alternative.forEach(t -> all.add(index.termQuery(KnowledgeIndex.BODY, t), BooleanClause.Occur.MUST));
                query.add(new BoostQuery(all.build(), 0.8f), BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery.Builder fallback = new BooleanQuery.Builder();
        for (String bigram : new LinkedHashSet<>(analysis.bigrams(prepared)).stream().limit(MAX_BIGRAMS).toList()) {
            fallback.add(index.termQuery(KnowledgeIndex.BIGRAM, bigram), BooleanClause.Occur.SHOULD);
        }
        for (String bigram : new LinkedHashSet<>(analysis.bigrams(analysis.reading(prepared))).stream().limit(MAX_BIGRAMS).toList()) {
            fallback.add(index.termQuery(KnowledgeIndex.READING, bigram), BooleanClause.Occur.SHOULD);
        }
        query.add(new BoostQuery(fallback.build(), 0.15f), BooleanClause.Occur.SHOULD);
        return query.build();
    }
}
