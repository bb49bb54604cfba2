package dev.kotae.corpus;

import java.util.List;

/**
 * An FAQ rule from {@code corpus/faq/*.yaml}.
 *
 * @param questions example phrasings, matched by analysed similarity
 * @param patterns  optional regular expressions over the normalised question
 * @param cite      citation keys: a section id ({@code 4-2-2}), {@code glossary:TERM}, {@code slide:N}
 * @param file      the YAML file it came from, for {@code file:line} messages
 * @param line      1-based line of the rule's {@code id}
 */
public record FaqRule(String id, List<String> questions, List<String> patterns, String answer,
                      List<String> cite, List<String> followUps, String file, int line) {
    public FaqRule {
        questions = List.copyOf(questions);
        patterns = List.copyOf(patterns);
        cite = List.copyOf(cite);
        followUps = List.copyOf(followUps);
    }
}
