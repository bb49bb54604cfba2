package dev.kotae.corpus;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * An FAQ rule's regular expression, run with a time budget. Patterns are written by admins and
 * checked by {@link PatternProbe} before a corpus is accepted; the budget is what still holds when a
 * pattern slipped through (a generation built by an older Kotae, a question the probes did not
 * foresee): such a pattern costs one budget per question and counts as not matching, it never
 * holds every answering thread.
 *
 * <p>The dialect stays {@code java.util.regex}, as the README documents it (RE2/J would bound time
 * by construction but reads {@code \p{IsHan}} and look-arounds differently or not at all).
 */
public final class FaqPattern {
    /** How long one pattern may take on one question. */
    public static final Duration BUDGET = Duration.ofMillis(50);

    /** What running a pattern over a question came to. */
    public enum Match { FOUND, NOT_FOUND, OVER_BUDGET }

    private final String source;
    private final Pattern pattern;
    private final AtomicBoolean reported = new AtomicBoolean();

    private FaqPattern(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** @throws java.util.regex.PatternSyntaxException for a pattern that does not compile */
    public static FaqPattern compile(String source) {
        return new FaqPattern(source, Pattern.compile(source));
    }

    public String source() {
        return source;
    }

    public Match find(CharSequence text) {
        return find(text, BUDGET);
    }

    Match find(CharSequence text, Duration budget) {
        try {
            return pattern.matcher(new DeadlineCharSequence(text, System.nanoTime() + budget.toNanos())).find()
                    ? Match.FOUND : Match.NOT_FOUND;
        } catch (DeadlineCharSequence.Expired e) {
            return Match.OVER_BUDGET;
        } catch (StackOverflowError e) {
            // Deep recursion on a long question: as costly as a timeout, and as harmless once caught here.
            return Match.OVER_BUDGET;
        }
    }

    /** True the first time only, so a log line about this pattern is written once, not per question. */
    public boolean firstTimeOverBudget() {
        return reported.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return source;
    }
}
