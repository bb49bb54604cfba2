package dev.kotae.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;

/**
 * The best-n list {@link KnowledgeIndex#searchBoth} keeps per document type. Ranking is Lucene's
 * own: score descending, then doc id ascending (an equal score arriving later loses), so a list
 * equals what a top-n search filtered to that type returns.
 */
final class TwoTypeCollector {
    private TwoTypeCollector() {}

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

        int capacity() {
            return size;
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

    /**
     * Feeds one segment's documents into a {@link Top}; once it is full, tells the scorer that only
     * scores above its bottom can still get in, so Lucene skips what cannot (unless {@code prune} is
     * false: then every matching document is offered).
     */
    static final class TopLeafCollector implements LeafCollector {
        private final Top top;
        private final int docBase;
        private final boolean prune;
        private Scorable scorer;
        private float minCompetitive = Float.NEGATIVE_INFINITY;

        TopLeafCollector(Top top, int docBase, boolean prune) {
            this.top = top;
            this.docBase = docBase;
            this.prune = prune;
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            this.scorer = scorer;
            updateMinCompetitive();
        }

        @Override
        public void collect(int doc) throws IOException {
            top.offer(docBase + doc, scorer.score());
            updateMinCompetitive();
        }

        private void updateMinCompetitive() throws IOException {
            if (prune && top.full()) {
                float threshold = top.bottom();
                if (threshold > minCompetitive && threshold > 0) {
                    minCompetitive = threshold;
                    // Equal scores lose to the earlier document already kept, so they may be skipped too.
                    scorer.setMinCompetitiveScore(Math.nextUp(threshold));
                }
            }
        }
    }
}
