package dev.kotae.answer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What Kotae says. Every kind but {@code none} cites at least one source, best first.
 *
 * @param confidence  0–1: how much of the question the cited source covers
 * @param followUps   questions the corpus can answer next
 * @param suggestions did-you-mean spellings of known terms
 * @param tookMicros  time spent answering, in microseconds
 */
@JsonPropertyOrder({"kind", "text", "citations", "confidence", "followUps", "suggestions", "tookMicros"})
public record Answer(AnswerKind kind, String text, List<Citation> citations, double confidence,
                     List<String> followUps, List<String> suggestions, long tookMicros) {
    public Answer {
        citations = List.copyOf(citations);
        followUps = List.copyOf(followUps);
        suggestions = List.copyOf(suggestions);
        confidence = Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0;
    }

    /**
     * The answer as plain text, in the order every channel shows it: the answer, its sources
     * ({@code 出典: …}), then the follow-up questions.
     */
    public String plainText() {
        StringBuilder out = new StringBuilder(text);
        for (Citation c : distinctCitations()) {
            out.append("\n出典: ").append(c.label());
        }
        if (!followUps.isEmpty()) {
            out.append("\n関連する質問: ").append(String.join(" / ", followUps));
        }
        return out.toString();
    }

    /**
     * The citations as a person reads them: one per label, first occurrence first (two cases from the
     * same section cite it twice; it is shown once). Every rendering lists sources from here.
     */
    public List<Citation> distinctCitations() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return citations.stream().filter(c -> seen.add(c.label())).toList();
    }

    public Answer withTook(long micros) {
        return new Answer(kind, text, citations, confidence, followUps, suggestions, micros);
    }
}
