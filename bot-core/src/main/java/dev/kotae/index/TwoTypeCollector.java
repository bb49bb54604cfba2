package dev.kotae.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Collects the top passages and the top glossary entries of one query at once. Ranking is Lucene's
 * own: score descending, then doc id ascending (an equal score arriving later loses), so each list
 * equals what a top-n search filtered to that type returns. Once both lists are full, documents
 * that could enter neither are skipped by telling the scorer the smaller of the two thresholds.
 */
final class TwoTypeCollector implements Collector {
    /** A bounded best-n list: a min-heap on (score, -doc). */
    static final class Top {
        private final int size;
        private final PriorityQueue<long[]> heap;

        Top(int size) {
            this.size = size;
            // [doc, floatBits(score)]; the head is the worst kept: lowest score, then highest doc.
            this.heap = new PriorityQueue<>(Math.max(1, size), (a, b) -> {
                int c = Float.compare(Float.intBitsToFloat((int) a[1]), Float.intBitsToFloat((int) b[1]));
                return c != 0 ? c : Long.compare(b[0], a[0]);
            });
        }

        boolean full() {
            return heap.size() >= size;
        }

        /** The score a new document must beat (ties lose), or -infinity while not full. */
        float bottom() {
            return full() && size > 0 ? Float.intBitsToFloat((int) heap.peek()[1]) : Float.NEGATIVE_INFINITY;
        }

        void offer(int doc, float score) {
            if (size == 0) {
                return;
            }
            if (!full()) {
                heap.add(new long[] {doc, Float.floatToIntBits(score)});
            } else if (score > bottom()) {
                heap.poll();
                heap.add(new long[] {doc, Float.floatToIntBits(score)});
            }
        }

        /** For merging: entries from another collector, whose docs may come before ours. */
        void offerOrdered(long[] e) {
            if (!full()) {
                heap.add(e);
                return;
            }
            long[] worst = heap.peek();
            int c = Float.compare(Float.intBitsToFloat((int) e[1]), Float.intBitsToFloat((int) worst[1]));
            if (c > 0 || (c == 0 && e[0] < worst[0])) {
                heap.poll();
                heap.add(e);
            }
        }

        List<KnowledgeIndex.Hit> hits(String type, int[] ordOfDoc) {
            List<long[]> all = new ArrayList<>(heap);
            all.sort((a, b) -> {
                int c = Float.compare(Float.intBitsToFloat((int) b[1]), Float.intBitsToFloat((int) a[1]));
                return c != 0 ? c : Long.compare(a[0], b[0]);
            });
            List<KnowledgeIndex.Hit> hits = new ArrayList<>(all.size());
            for (long[] e : all) {
                hits.add(new KnowledgeIndex.Hit(type, ordOfDoc[(int) e[0]], Float.intBitsToFloat((int) e[1])));
            }
            return hits;
        }
    }

    /** Single-threaded: the searcher has no executor, so one collector sees every segment in order. */
    static final class Manager implements CollectorManager<TwoTypeCollector, TwoTypeCollector> {
        private final boolean[] glossaryDoc;
        private final int passages;
        private final int glossary;

        Manager(boolean[] glossaryDoc, int passages, int glossary) {
            this.glossaryDoc = glossaryDoc;
            this.passages = passages;
            this.glossary = glossary;
        }

        @Override
        public TwoTypeCollector newCollector() {
            return new TwoTypeCollector(glossaryDoc, passages, glossary);
        }

        @Override
        public TwoTypeCollector reduce(Collection<TwoTypeCollector> collectors) {
            if (collectors.size() == 1) {
                return collectors.iterator().next();
            }
            TwoTypeCollector merged = newCollector();
            for (TwoTypeCollector c : collectors) {
                c.passages.heap.forEach(e -> merged.passages.offerOrdered(e));
                c.glossary.heap.forEach(e -> merged.glossary.offerOrdered(e));
            }
            return merged;
        }
    }

    private final boolean[] glossaryDoc;
    final Top passages;
    final Top glossary;

    TwoTypeCollector(boolean[] glossaryDoc, int passages, int glossary) {
        this.glossaryDoc = glossaryDoc;
        this.passages = new Top(passages);
        this.glossary = new Top(glossary);
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
        int docBase = context.docBase;
        return new LeafCollector() {
            private Scorable scorer;
            private float minCompetitive = Float.NEGATIVE_INFINITY;

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                this.scorer = scorer;
                updateMinCompetitive();
            }

            @Override
            public void collect(int doc) throws IOException {
                float score = scorer.score();
                int global = docBase + doc;
                if (glossaryDoc[global]) {
                    glossary.offer(global, score);
                } else {
                    passages.offer(global, score);
                }
                updateMinCompetitive();
            }

            private void updateMinCompetitive() throws IOException {
                if (passages.full() && glossary.full()) {
                    float threshold = Math.min(passages.bottom(), glossary.bottom());
                    if (threshold > minCompetitive && threshold > 0) {
                        minCompetitive = threshold;
                        // Equal scores lose to the earlier document already kept, so they may be skipped too.
                        scorer.setMinCompetitiveScore(Math.nextUp(threshold));
                    }
                }
            }
        };
    }
}
