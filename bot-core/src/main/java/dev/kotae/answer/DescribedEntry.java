package dev.kotae.answer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The glossary entry a story describes, for 「…って言われたんですが、これって何という攻撃ですか？」: the
 * asker does not know the word, so the story is told in their words and covers little of any
 * definition. An entry is named only when its definition shares enough telling words with the story
 * and clearly more than any other entry does; otherwise the question stays unanswered.
 */
final class DescribedEntry {
    /** A glossary candidate: its ordinal and how much of the question its definition covers. */
    record Candidate(int ord, double coverage, boolean namesTheKind) {}

    /** The least share of the question the definition must cover. */
    static final double MIN_COVERAGE = 0.25;
    /** The least summed rarity of the shared words: about three telling words. */
    static final double MIN_SHARED_WEIGHT = 8.0;
    /** The runner-up may cover at most this share of what the best covers. */
    static final double LEAD = 0.85;

    private DescribedEntry() {}

    /**
     * @param glossary candidates; {@code namesTheKind} when the headword has a word of the question
     *                 itself (攻撃 of 「何という攻撃」): when some do, only they are weighed
     */
    static Optional<Candidate> choose(List<Candidate> glossary, double questionWeight) {
        boolean kindNamed = glossary.stream().anyMatch(Candidate::namesTheKind);
        List<Candidate> sorted = glossary.stream().filter(c -> !kindNamed || c.namesTheKind())
                .sorted(Comparator.comparingDouble(Candidate::coverage).reversed()).toList();
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        Candidate best = sorted.get(0);
        double runnerUp = sorted.size() > 1 ? sorted.get(1).coverage() : 0;
        boolean telling = best.coverage() >= MIN_COVERAGE && best.coverage() * questionWeight >= MIN_SHARED_WEIGHT;
        return telling && runnerUp <= LEAD * best.coverage() ? Optional.of(best) : Optional.empty();
    }
}
