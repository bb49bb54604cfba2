package dev.kotae.answer;

/**
 * Tunable answering behaviour ({@code KOTAE_MIN_CONFIDENCE}, {@code KOTAE_HANDOFF}: read and checked
 * at start-up by {@link dev.kotae.settings.CoreSettings}).
 *
 * @param threshold         below this confidence the answer is {@code none}: Kotae does not guess
 * @param handoff           the line that points to a human when Kotae has no answer
 * @param maxQuestionLength longer questions get a clear answer asking for a shorter one
 */
public record AnswerSettings(double threshold, String handoff, int maxQuestionLength) {
    public static final String DEFAULT_HANDOFF = "詳しくは情報システム部門にお問い合わせください。";
    /** The longest question answered; also the cap on stored questions and feedback values. */
    public static final int MAX_QUESTION_LENGTH = 2000;

    public static AnswerSettings defaults() {
        return new AnswerSettings(0.5, DEFAULT_HANDOFF, MAX_QUESTION_LENGTH);
    }
}
