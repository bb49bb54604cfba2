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

    /** The explanation as a few readable lines, for {@code kotae ask --explain} without {@code --json}. */
    static String explanation(Answer answer) {
        var why = answer.explanation();
        if (why == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- 判断の根拠\n");
        out.append("質問の中心: ").append(why.focus()).append('\n');
        if (why.context() != null && !why.context().isBlank()) {
            out.append("前置き: ").append(why.context()).append('\n');
        }
        if (why.second() != null) {
            out.append("もう一つの質問: ").append(why.second()).append('\n');
        }
        out.append("意図: ").append(why.intent()).append(why.subject() == null ? "" : "（" + why.subject() + "）")
                .append(why.valueAsked() == null ? "" : "、値: " + why.valueAsked()).append('\n');
        out.append("語: ");
        why.terms().forEach(t -> out.append(t.term()).append('(').append(t.weight()).append(t.role().equals("focus") ? "" : "," + t.role()).append(") "));
        out.append('\n');
        if (why.rule() != null) {
            out.append("FAQルール: ").append(why.rule()).append('\n');
        }
        why.considered().forEach(c -> out.append("候補: ").append(c).append('\n'));
        out.append("答えの種類: ").append(why.source());
        return out.toString();
    }
}
