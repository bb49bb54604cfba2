package dev.kotae.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Why an answer was chosen, for admins checking what a user saw ({@code kotae ask --json --explain},
 * the console). Never shown by the chat adapters.
 *
 * @param focus      the part of the message that asks (mentions, greetings and polite endings set aside)
 * @param context    the story or reason told around it, or empty
 * @param second     a second question in the same message, or null
 * @param manner     what was set aside as the way of asking
 * @param intent     the kind of question: definition, comparison, advice, case, procedure, value…
 * @param subject    for a definition or comparison, what it names
 * @param valueAsked the kind of value asked for (percent, money, people…), or null
 * @param terms      the question's terms with their weights and where they come from
 * @param rule       the FAQ rule that answered, or null
 * @param source     what answered: glossary, faq, case, passage, or why none
 * @param considered the best candidates of the search, with how much of the question each covers
 */
@JsonPropertyOrder({"focus", "context", "second", "manner", "intent", "subject", "valueAsked", "terms", "rule", "source", "considered"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(String focus, String context, String second, List<String> manner, String intent, String subject,
                          String valueAsked, List<Term> terms, String rule, String source, List<String> considered) {
    public Explanation {
        manner = List.copyOf(manner);
        terms = List.copyOf(terms);
        considered = List.copyOf(considered);
    }

    /**
     * @param weight how much covering it counts (its rarity in the corpus; less for a word of the
     *               story, little for an unknown word that is not a noun)
     * @param role   {@code focus}, {@code context}, or {@code unknown} (a focus word the corpus lacks)
     */
    public record Term(String term, double weight, String role) {}
}
