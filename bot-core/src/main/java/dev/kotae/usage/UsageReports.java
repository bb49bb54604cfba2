package dev.kotae.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.analysis.TextNormalizer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The admin reports over the activity log: FAQ candidates from unanswered questions, and feedback. */
public final class UsageReports {
    /** Questions that read the same once normalised, with how often they were asked. */
    public record Candidate(String question, int count, Instant last) {}

    private UsageReports() {}

    public static List<Candidate> unanswered(Path dir, Instant since) {
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (JsonNode entry : JsonLines.read(dir.resolve(FileActivityLog.UNANSWERED))) {
            Instant at = instant(entry);
            String question = entry.path("question").asText("");
            if (at == null || question.isBlank() || since != null && at.isBefore(since)) {
                continue;
            }
            String key = TextNormalizer.normalize(question).toLowerCase(Locale.ROOT).replaceAll("[\\s?？!！。、.,]+", "");
            Candidate seen = byKey.get(key);
            byKey.put(key, seen == null ? new Candidate(question.strip(), 1, at)
                    : new Candidate(seen.question(), seen.count() + 1, at.isAfter(seen.last()) ? at : seen.last()));
        }
        List<Candidate> candidates = new ArrayList<>(byKey.values());
        candidates.sort(Comparator.comparingInt(Candidate::count).reversed().thenComparing(Candidate::last, Comparator.reverseOrder()));
        return candidates;
    }

    /** helpful / not helpful per answer kind, and the questions most often marked not helpful. */
    public static List<String> feedback(Path dir, Instant since) {
        Map<String, int[]> byKind = new LinkedHashMap<>();
        Map<String, Integer> unhelpful = new LinkedHashMap<>();
        int total = 0;
        for (JsonNode entry : JsonLines.read(dir.resolve(FileActivityLog.FEEDBACK))) {
            Instant at = instant(entry);
            if (at == null || since != null && at.isBefore(since)) {
                continue;
            }
            total++;
            boolean helpful = entry.path("helpful").asBoolean();
            int[] counts = byKind.computeIfAbsent(entry.path("kind").asText("?"), k -> new int[2]);
            counts[helpful ? 0 : 1]++;
            if (!helpful) {
                unhelpful.merge(entry.path("question").asText("").strip(), 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("フィードバック " + total + " 件");
        byKind.forEach((kind, c) -> lines.add("  " + kind + ": 👍 " + c[0] + " / 👎 " + c[1]));
        if (!unhelpful.isEmpty()) {
            lines.add("役に立たなかった質問（多い順）:");
            unhelpful.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                    .forEach(e -> lines.add("  " + e.getValue() + "  " + e.getKey()));
        }
        return lines;
    }

    private static Instant instant(JsonNode entry) {
        try {
            return Instant.parse(entry.path("at").asText(""));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
