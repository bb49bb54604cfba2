package dev.kotae.answer;

/**
 * Tunable answering behaviour.
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

    /** Defaults overridden by {@code KOTAE_HANDOFF} and {@code KOTAE_MIN_CONFIDENCE} when set. */
    public static AnswerSettings fromEnvironment() {
        AnswerSettings d = defaults();
        String handoff = System.getenv("KOTAE_HANDOFF");
        double threshold = d.threshold();
        String min = System.getenv("KOTAE_MIN_CONFIDENCE");
        if (min != null && !min.isBlank()) {
            try {
                threshold = Math.max(0, Math.min(1, Double.parseDouble(min.strip())));
            } catch (NumberFormatException e) {
                // A malformed setting keeps the default rather than stopping the bot.
            }
        }
        return new AnswerSettings(threshold, handoff == null || handoff.isBlank() ? d.handoff() : handoff.strip(),
                d.maxQuestionLength());
    }
}
