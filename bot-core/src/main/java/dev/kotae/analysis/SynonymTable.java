package dev.kotae.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups of words that mean the same thing (WAF, Web Application Firewall, ワフ), looked up by
 * {@link KanaFolding#fold folded} spelling. Groups that share a member are merged, so a glossary
 * group and a curated line about the same word become one.
 */
public final class SynonymTable {
    private final Map<String, Set<String>> groupByKey = new HashMap<>();

    public void addGroup(Collection<String> words) {
        Set<String> group = new LinkedHashSet<>();
        for (String word : words) {
            String clean = TextNormalizer.normalize(word).strip();
            if (!KanaFolding.fold(clean).isEmpty()) {
                group.add(clean);
            }
        }
        if (group.size() < 2) {
            return;
        }
        for (String word : List.copyOf(group)) {
            Set<String> existing = groupByKey.get(KanaFolding.fold(word));
            if (existing != null && existing != group) {
                group.addAll(existing);
            }
        }
        for (String word : group) {
            groupByKey.put(KanaFolding.fold(word), group);
        }
    }

    /** The other spellings of {@code word} (itself excluded), or an empty list. */
    public List<String> alternativesOf(String word) {
        Set<String> group = groupByKey.get(KanaFolding.fold(word));
        if (group == null) {
            return List.of();
        }
        String key = KanaFolding.fold(word);
        List<String> others = new ArrayList<>();
        for (String member : group) {
            if (!KanaFolding.fold(member).equals(key)) {
                others.add(member);
            }
        }
        return others;
    }

    /** Folded spelling → one word of the group with that spelling, for scanning questions. */
    public Map<String, String> wordsByKey() {
        Map<String, String> byKey = new HashMap<>();
        for (Set<String> group : groupByKey.values()) {
            for (String word : group) {
                byKey.putIfAbsent(KanaFolding.fold(word), word);
            }
        }
        return byKey;
    }

    /** Every word of every group: they go into the user dictionary too. */
    public Set<String> words() {
        Set<String> words = new LinkedHashSet<>();
        groupByKey.values().forEach(words::addAll);
        return words;
    }
}
