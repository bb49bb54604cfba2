package dev.kotae.analysis;

import java.util.List;

/**
 * How a synonym word is found in a question: by its folded spelling, or as a whole Latin phrase
 * ({@code " economic loss "}), with the alternatives it stands for.
 */
public record SynonymKey(String key, String word, List<String> alternatives) {}
