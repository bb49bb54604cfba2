package dev.kotae.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.answer.Answer;
import dev.kotae.answer.Citation;

/** How the command line shows an answer: as text with its sources, or as the JSON answer object. */
final class AnswerPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerPrinter() {}

    static String json(Answer answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer is always serialisable", e);
        }
    }

    static String text(Answer answer) {
        StringBuilder out = new StringBuilder(answer.text());
        for (Citation c : answer.citations()) {
            out.append("\n出典: ").append(c.label());
        }
        if (!answer.followUps().isEmpty()) {
            out.append("\n関連する質問: ").append(String.join(" / ", answer.followUps()));
        }
        return out.toString();
    }
}
