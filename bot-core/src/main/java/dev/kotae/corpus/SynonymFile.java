package dev.kotae.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses a curated synonym file in Solr's format: {@code a, b, c} makes the words equivalent;
 * {@code a, b => c} is read as the group {a, b, c} because questions are expanded, never rewritten.
 * {@code #} starts a comment.
 */
public final class SynonymFile {
    private SynonymFile() {}

    public static List<List<String>> parse(String file, String text, List<CorpusProblem> problems) {
        List<List<String>> groups = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (line.isBlank()) {
                continue;
            }
            String[] sides = line.split("=>", -1);
            if (sides.length > 2) {
                problems.add(new CorpusProblem(file, i + 1, "同義語の行に「=>」が2つ以上あります"));
                continue;
            }
            List<String> words = new ArrayList<>();
            for (String side : sides) {
                Arrays.stream(side.split(",")).map(String::strip).filter(w -> !w.isEmpty()).forEach(words::add);
            }
            if (words.size() < 2) {
                problems.add(new CorpusProblem(file, i + 1, "同義語の行には、カンマで区切った2語以上が要ります"));
                continue;
            }
            groups.add(List.copyOf(words));
        }
        return groups;
    }
}
