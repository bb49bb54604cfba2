package dev.kotae.corpus.formats;

/** A file that cannot be read: corrupt, truncated, password-protected, not what its name says, or without text. */
public final class Unreadable extends Exception {
    private final int line;

    public Unreadable(String message) {
        this(0, message);
    }

    public Unreadable(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    /** 1-based line of a text file where the problem is, or 0. */
    public int line() {
        return line;
    }
}
