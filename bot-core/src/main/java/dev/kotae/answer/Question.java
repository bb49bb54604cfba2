package dev.kotae.answer;

/**
 * A question as an adapter hands it to the core. {@code platform} and {@code userId} are for the
 * audit trail only; answering never depends on who asks. {@code explain} asks for the answer's
 * {@link Explanation} (admins' tools only).
 */
public record Question(String text, String platform, String userId, boolean explain) {
    public Question {
        text = text == null ? "" : text;
    }

    public Question(String text, String platform, String userId) {
        this(text, platform, userId, false);
    }

    /** The same question, asking for the answer's {@link Explanation} too. */
    public Question explained() {
        return new Question(text, platform, userId, true);
    }

    public static Question of(String text) {
        return new Question(text, "cli", null);
    }
}
