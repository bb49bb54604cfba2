package dev.kotae.console;

import dev.kotae.answer.Knowledge;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.corpus.FaqRule;
import dev.kotae.generation.SmokeCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The core's smoke check of the serving generation, per FAQ rule. Run once per generation (it asks
 * every example question), then kept until the generation changes.
 */
final class SmokeResults {
    private Knowledge checked;
    private Map<String, List<CorpusProblem>> byRule = Map.of();

    synchronized Map<String, List<CorpusProblem>> byRule(Knowledge knowledge) {
        if (knowledge != checked) {
            List<CorpusProblem> problems = SmokeCheck.run(knowledge);
            Map<String, List<CorpusProblem>> results = new HashMap<>();
            for (FaqRule rule : knowledge.corpus().faq()) {
                List<CorpusProblem> mine = new ArrayList<>();
                for (CorpusProblem p : problems) {
                    if (p.file().equals(rule.file()) && p.line() == rule.line()) {
                        mine.add(p);
                    }
                }
                results.put(rule.id(), mine);
            }
            byRule = results;
            checked = knowledge;
        }
        return byRule;
    }
}
