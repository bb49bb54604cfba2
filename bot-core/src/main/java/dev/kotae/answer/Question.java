package dev.kotae.answer;

/**
 * A question as an adapter hands it to the core. {@code platform} and {@code userId} are for the
 * audit trail only; answering never depends on who asks.
 */
public record Question(String text, String platform, String userId) {
    public Question {
        text = text == null ? "" : text;
    }

    public static Question of(String text) {
        return new Question(text, "cli", null);
    }
}
