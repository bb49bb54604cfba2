package dev.kotae.answer;

import dev.kotae.corpus.Corpus;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one object every adapter shares: ask a question, get an answer. Answers always come from one
 * complete {@link Knowledge} generation; {@link #replace} swaps in a new one atomically, so
 * questions asked during a reindex see either the old generation or the new, never a mix.
 */
public final class KotaeService {
    private final AtomicReference<Knowledge> current;
    private final Answerer answerer;

    public KotaeService(Knowledge knowledge, AnswerSettings settings) {
        this.current = new AtomicReference<>(knowledge);
        this.answerer = new Answerer(settings);
    }

    public static KotaeService of(Corpus corpus) {
        return new KotaeService(Knowledge.build(corpus), AnswerSettings.fromEnvironment());
    }

    public Answer answer(Question question) {
        return answerer.answer(current.get(), question);
    }

    public Answer answer(String question) {
        return answer(Question.of(question));
    }

    public Knowledge knowledge() {
        return current.get();
    }

    /** Makes {@code next} the generation that answers; returns the one it replaced. */
    public Knowledge replace(Knowledge next) {
        return current.getAndSet(next);
    }
}
