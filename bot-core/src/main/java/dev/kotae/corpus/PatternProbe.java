package dev.kotae.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks before a corpus is accepted that an FAQ pattern answers within {@link FaqPattern#BUDGET} on
 * crafted questions as long as the longest one Kotae answers. Catastrophic backtracking needs a
 * long run of what the pattern repeats followed by something that makes it fail, so the probes are
 * each character the pattern names (and a few of every script) repeated, and the pattern's own
 * literal text repeated, each ended and begun by a character that breaks the match.
 *
 * <p>It is a filter, not a proof: the budget at answering time is what bounds a pattern the probes
 * miss.
 */
final class PatternProbe {
    /** As long as the longest question answered ({@code AnswerSettings.MAX_QUESTION_LENGTH}). */
    static final int LENGTH = 2000;
    /** Enough distinct characters to find the repeated part of any pattern an admin writes by hand. */
    private static final int MAX_CHARACTERS = 24;
    private static final String ALWAYS = "a1 あア字";
    private static final String[] BREAKERS = {"!", "。"};

    private PatternProbe() {}

    /**
     * A fifth of the answering budget. Java's regex engine memoises some nested repetition, so (a+)+$
     * on a 2,000-character probe takes 30–170 ms here rather than forever: near the answering budget,
     * it would pass or fail by the machine's load. A pattern that needs a fifth of the budget on a probe
     * is refused every time; an ordinary one needs well under a millisecond.
     */
    static final java.time.Duration PROBE_BUDGET = FaqPattern.BUDGET.dividedBy(5);

    /**
     * A short description of the first probe the pattern cannot get through within the budget (twice,
     * so a pause of the machine is not mistaken for the pattern), or empty when it gets through all.
     */
    static Optional<String> overBudget(FaqPattern pattern) {
        for (String probe : probes(pattern.source())) {
            if (pattern.find(probe, PROBE_BUDGET) == FaqPattern.Match.OVER_BUDGET
                    && pattern.find(probe, PROBE_BUDGET) == FaqPattern.Match.OVER_BUDGET) {
                return Optional.of(describe(probe));
            }
        }
        return Optional.empty();
    }

    static List<String> probes(String source) {
        Set<Integer> characters = new LinkedHashSet<>();
        StringBuilder literal = new StringBuilder();
        source.codePoints().filter(Character::isLetterOrDigit).forEach(cp -> {
            if (characters.size() < MAX_CHARACTERS) {
                characters.add(cp);
            }
            literal.appendCodePoint(cp);
        });
        ALWAYS.codePoints().forEach(characters::add);
        List<String> units = new ArrayList<>();
        characters.forEach(cp -> units.add(Character.toString(cp)));
        if (literal.length() > 1) {
            units.add(literal.toString());
        }
        List<String> probes = new ArrayList<>();
        for (String unit : units) {
            String run = unit.repeat(Math.max(1, (LENGTH - 1) / unit.length()));
            for (String breaker : BREAKERS) {
                probes.add(run + breaker);
                probes.add(breaker + run);
            }
        }
        return probes;
    }

    private static String describe(String probe) {
        String head = probe.substring(0, Math.min(8, probe.length()));
        String tail = probe.substring(Math.max(0, probe.length() - 2));
        return "「" + head + "…" + tail + "」(" + probe.length() + " characters)";
    }
}
