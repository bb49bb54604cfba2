package dev.kotae.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.answer.Answer;

/** The JSON answer object, as `kotae ask --json` and `kotae batch` print it. */
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
}
