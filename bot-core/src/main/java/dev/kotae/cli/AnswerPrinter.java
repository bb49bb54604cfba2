package dev.kotae.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.answer.Answer;

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
        return answer.plainText();
    }
}
