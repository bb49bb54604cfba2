package dev.kotae.corpus;

/**
 * A text that stops being readable at a deadline. {@code java.util.regex} reads its input only
 * through {@link #charAt}, including while it backtracks, so a pattern that would backtrack for
 * minutes ({@code (.*a){10}$} on 61 characters) is stopped by {@link Expired} within the deadline
 * instead of holding an answering thread.
 */
final class DeadlineCharSequence implements CharSequence {
    /** Thrown from {@link #charAt} once the deadline has passed; cheap, it has no stack trace. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("over the time budget", null, false, false);
        }
    }

    /** The clock is read once every this many reads: a few nanoseconds per character, not per read. */
    private static final int CHECK_EVERY_MASK = 0xFF;

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    DeadlineCharSequence(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & CHECK_EVERY_MASK) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new Expired();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineCharSequence(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
