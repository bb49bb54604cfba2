package dev.kotae.answer;

import java.util.List;

/**
 * Bounds on what the core writes to its logs, whatever an adapter hands it: a button value or a
 * question of 100,000 characters must not become a 100,000-character line in every report.
 */
final class StoredText {
    /** Questions and feedback values: the longest question Kotae answers. */
    static final int QUESTION = AnswerSettings.MAX_QUESTION_LENGTH;
    /** Platform names, actions, results, user ids. */
    static final int NAME = 200;
    /** An audit summary (a refused reindex lists its problems). */
    static final int SUMMARY = 20_000;
    /** Citation labels kept with a feedback entry, and the length of each. */
    static final int CITATIONS = 20;
    static final int CITATION = 500;

    private StoredText() {}

    /** At most {@code max} characters, never half a surrogate pair; a cut text ends with {@code …}. */
    static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    static List<String> cap(List<String> texts, int count, int max) {
        return texts.stream().limit(count).map(t -> cap(t, max)).toList();
    }
}
