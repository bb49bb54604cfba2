package dev.kotae.answer;

import java.time.Instant;
import java.util.List;

/**
 * A 👍 or 👎 on an answer, as an adapter reports it. The user id is not kept: feedback is about
 * answers, not people.
 *
 * @param question  the question that was answered
 * @param kind      the answer's kind
 * @param citations the answer's citation labels
 */
public record Feedback(Instant at, String platform, String question, AnswerKind kind, List<String> citations, boolean helpful) {
    public Feedback {
        citations = List.copyOf(citations);
    }

    public static Feedback on(Question question, Answer answer, boolean helpful) {
        return new Feedback(Instant.now(), question.platform(), question.text(), answer.kind(),
                answer.citations().stream().map(Citation::label).toList(), helpful);
    }
}
