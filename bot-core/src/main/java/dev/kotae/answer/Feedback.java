package dev.kotae.answer;

import java.time.Instant;
import java.util.List;

/**
 * A 👍 or 👎 on an answer, as an adapter reports it. The user id is not kept: feedback is about
 * answers, not people.
 *
 * <p>Everything in it may come from a button value, that is from the client: the question is
 * capped at the question limit, and the citations at {@link StoredText#CITATIONS} labels.
 *
 * @param question  the question that was answered
 * @param kind      the answer's kind
 * @param citations the answer's citation labels
 */
public record Feedback(Instant at, String platform, String question, AnswerKind kind, List<String> citations, boolean helpful) {
    public Feedback {
        platform = StoredText.cap(platform, StoredText.NAME);
        question = StoredText.cap(question, StoredText.QUESTION);
        citations = StoredText.cap(List.copyOf(citations), StoredText.CITATIONS, StoredText.CITATION);
    }

    public static Feedback on(Question question, Answer answer, boolean helpful) {
        return new Feedback(Instant.now(), question.platform(), question.text(), answer.kind(),
                answer.citations().stream().map(Citation::label).toList(), helpful);
    }
}
