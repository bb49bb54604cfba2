package dev.kotae.answer;

import java.time.Duration;

/**
 * What a running {@link KotaeService} is doing, for a probe endpoint such as {@code /healthz}: a
 * snapshot, cheap to take, with no platform in it. Adapters add their own (queue, overload) beside it.
 *
 * @param inProgress         answers being worked on now
 * @param oldestMillis       how long the oldest of them has run (0 when none): a stuck worker shows here
 * @param stuck              the oldest has run longer than {@link #STUCK_AFTER}; answers normally take milliseconds
 * @param answered           answers finished since the service started, honest "could not answer" ones included
 * @param failed             answers that failed inside the core and became a "could not answer" with the hand-off
 * @param patternsOverBudget FAQ pattern runs stopped at their time budget (a pattern that should be fixed)
 */
public record AnswerHealth(int inProgress, long oldestMillis, boolean stuck, long answered, long failed,
                           long patternsOverBudget) {
    /** Far above any answer's time, FAQ pattern budgets included: past it something is wrong. */
    public static final Duration STUCK_AFTER = Duration.ofSeconds(10);
}
