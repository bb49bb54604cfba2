package dev.kotae.answer;

import dev.kotae.corpus.CasePart;
import dev.kotae.corpus.CaseStudy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case study told as a manager reads one: who (name, region, industry) and which theme, then
 * 課題 / 取組み / 結果 on lines of their own, steps numbered, risks as bullets — each from the case's
 * own words; parts the case lacks are left out. A case told as one story (an incident) keeps its
 * story whole, since the outcome (the loss, the apology) is at its end.
 */
final class CaseSummary {
    private CaseSummary() {}

    /** How much of one part is quoted; a story that is the case's only part may be longer. */
    private static final int PART = 260;
    private static final int STORY = 520;

    static String of(CaseStudy c) {
        Map<String, List<CasePart>> byLabel = new LinkedHashMap<>();
        for (CasePart part : c.parts()) {
            byLabel.computeIfAbsent(part.label(), l -> new ArrayList<>()).add(part);
        }
        boolean story = byLabel.keySet().stream().allMatch(l -> l.equals("課題") || l.equals("概要"));
        int limit = story ? STORY : PART;
        StringBuilder text = new StringBuilder("事例：").append(name(c)).append("（").append(Knowledge.themeName(c.theme())).append("）");
        String problem = first(byLabel, "課題", limit);
        String overview = first(byLabel, "概要", limit);
        if (problem == null && overview != null) {
            problem = overview;
            overview = null;
        }
        line(text, "課題", problem);
        String action = first(byLabel, "取組み", limit);
        if (action != null) {
            line(text, "取組み", action);
        } else {
            List<String> steps = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                String step = first(byLabel, "手順" + i, 200);
                if (step != null) {
                    steps.add(step);
                }
            }
            if (!steps.isEmpty()) {
                text.append("\n取組み：");
                for (int i = 0; i < steps.size(); i++) {
                    text.append("\n  ").append(i + 1).append(". ").append(steps.get(i).replaceFirst("^手順\\s*\\d+\\s*[:：]\\s*", ""));
                }
            }
        }
        String result = first(byLabel, "結果", limit);
        if (result == null) {
            result = first(byLabel, "+a", limit);
        }
        line(text, "結果", result);
        if (overview != null && (action == null || result == null)) {
            line(text, "概要", overview);
        }
        List<CasePart> measures = byLabel.getOrDefault("対策", List.of());
        if (!measures.isEmpty()) {
            text.append("\n想定すべきリスクと対策：");
            measures.stream().limit(5).forEach(m -> text.append("\n  ・").append(Answerer.clip(m.text().strip(), 160)));
        }
        return text.toString();
    }

    /** The case's name with where it is and its trade: 某金属製作所（大阪府・製造業）. */
    static String name(CaseStudy c) {
        String name = c.organisation() != null ? c.organisation() : c.title();
        List<String> where = new ArrayList<>();
        if (c.region() != null) {
            where.add(c.region());
        }
        if (c.industry() != null) {
            where.add(c.industry());
        }
        return where.isEmpty() ? name : name + "（" + String.join("・", where) + "）";
    }

    private static String first(Map<String, List<CasePart>> byLabel, String label, int limit) {
        List<CasePart> parts = byLabel.get(label);
        if (parts == null || parts.isEmpty()) {
            return null;
        }
        return Answerer.clip(parts.get(0).text().strip(), limit);
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append('\n').append(label).append("：").append(value.strip());
        }
    }
}
