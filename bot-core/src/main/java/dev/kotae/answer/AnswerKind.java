package dev.kotae.answer;

import com.fasterxml.jackson.annotation.JsonValue;

/** What sort of answer Kotae gave; the JSON names are part of the answer contract. */
public enum AnswerKind {
    GLOSSARY("glossary"), FAQ("faq"), CASE("case"), CASE_LIST("case-list"), PASSAGE("passage"),
    HELP("help"), NONE("none");

    private final String label;

    AnswerKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
