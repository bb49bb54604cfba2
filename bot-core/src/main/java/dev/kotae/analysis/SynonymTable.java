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

    /** One-way mappings ({@code a => b}): folded spelling of a → what it also means. */
    private final Map<String, Set<String>> mappedByKey = new HashMap<>();
    /** The spellings one-way mappings start from, as written. */
    private final Set<String> mappedWords = new LinkedHashSet<>();

    /**
     * The relations of a curated synonym file: those stated both ways ({@code a, b}) make a group, as
     * {@link #addGroup} does; those stated one way ({@code a => b}) let a question saying a also mean b.
     */
    public void addRules(List<dev.kotae.corpus.SynonymFile.Pair> pairs) {
        Set<String> stated = new java.util.HashSet<>();
        for (var pair : pairs) {
            stated.add(pair.from() + "\u0000" + pair.to());
        }
        for (var pair : pairs) {
            if (stated.contains(pair.to() + "\u0000" + pair.from())) {
                addGroup(List.of(pair.from(), pair.to()));
            } else {
                String from = TextNormalizer.normalize(pair.from()).strip();
                String to = TextNormalizer.normalize(pair.to()).strip();
                String key = KanaFolding.fold(from);
                if (!key.isEmpty() && !KanaFolding.fold(to).isEmpty()) {
                    mappedByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(to);
                    mappedWords.add(from);
                }
            }
        }
    }

    /** The other spellings of {@code word} (itself excluded), and what it maps to, or an empty list. */
    public List<String> alternativesOf(String word) {
        String key = KanaFolding.fold(word);
        Set<String> group = groupByKey.get(key);
        Set<String> mapped = mappedByKey.get(key);
        if (group == null && mapped == null) {
            return List.of();
        }
        Set<String> others = new LinkedHashSet<>();
        if (group != null) {
            for (String member : group) {
                if (!KanaFolding.fold(member).equals(key)) {
                    others.add(member);
                }
            }
        }
        if (mapped != null) {
            for (String target : mapped) {
                if (!KanaFolding.fold(target).equals(key)) {
                    others.add(target);
                }
            }
        }
        return new ArrayList<>(others);
    }

    /** Every spelling a question may use: each word of each group, and where each one-way mapping starts. */
    public Set<String> spellings() {
        Set<String> words = new LinkedHashSet<>();
        groupByKey.values().forEach(words::addAll);
        words.addAll(mappedWords);
        return words;
    }

    /** Folded spelling → one word of the group with that spelling, for scanning questions. */
    public Map<String, String> wordsByKey() {
        Map<String, String> byKey = new HashMap<>();
        for (Set<String> group : groupByKey.values()) {
            for (String word : group) {
                byKey.putIfAbsent(KanaFolding.fold(word), word);
            }
        }
        mappedWords.forEach(w -> byKey.putIfAbsent(KanaFolding.fold(w), w));
        return byKey;
    }

    /**
     * The table's contents, in its own order, as shipped tables keep it ({@code AnalysisTables}): its
     * groups, each once with its words in order; each folded spelling with the number of its group; each
     * one-way spelling with what it maps to; and the one-way words as written.
     */
    public record State(List<List<String>> groups, List<String> keys, List<Integer> groupOfKey, List<String> mappedKeys,
                        List<List<String>> mappedTo, List<String> mappedWords) {
        public State {
            int groupCount = groups.size();
            if (keys.size() != groupOfKey.size() || mappedKeys.size() != mappedTo.size()
                    || groupOfKey.stream().anyMatch(g -> g < 0 || g >= groupCount)) {
                throw new IllegalArgumentException("inconsistent synonym table: " + keys.size() + " keys, "
                        + groupOfKey.size() + " group numbers, " + groups.size() + " groups");
            }
            groups = groups.stream().map(List::copyOf).toList();
            keys = List.copyOf(keys);
            groupOfKey = List.copyOf(groupOfKey);
            mappedKeys = List.copyOf(mappedKeys);
            mappedTo = mappedTo.stream().map(List::copyOf).toList();
            mappedWords = List.copyOf(mappedWords);
        }
    }

    /** This table's {@link State}. */
    public State state() {
        Map<Set<String>, Integer> numbers = new java.util.IdentityHashMap<>();
        List<List<String>> groups = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Integer> groupOfKey = new ArrayList<>();
        groupByKey.forEach((key, group) -> {
            keys.add(key);
            groupOfKey.add(numbers.computeIfAbsent(group, g -> {
                groups.add(List.copyOf(g));
                return groups.size() - 1;
            }));
        });
        List<String> mappedKeys = new ArrayList<>();
        List<List<String>> mappedTo = new ArrayList<>();
        mappedByKey.forEach((key, targets) -> {
            mappedKeys.add(key);
            mappedTo.add(List.copyOf(targets));
        });
        return new State(groups, keys, groupOfKey, mappedKeys, mappedTo, List.copyOf(mappedWords));
    }

    /**
     * The table whose {@link #state} this was, without normalising and folding every word again: the
     * same groups (one set shared by the spellings of a group) and mappings, put in the same order.
     */
    public static SynonymTable of(State state) {
        SynonymTable table = new SynonymTable();
        List<Set<String>> groups = new ArrayList<>(state.groups().size());
        state.groups().forEach(words -> groups.add(new LinkedHashSet<>(words)));
        for (int i = 0; i < state.keys().size(); i++) {
            table.groupByKey.put(state.keys().get(i), groups.get(state.groupOfKey().get(i)));
        }
        for (int i = 0; i < state.mappedKeys().size(); i++) {
            table.mappedByKey.put(state.mappedKeys().get(i), new LinkedHashSet<>(state.mappedTo().get(i)));
        }
        table.mappedWords.addAll(state.mappedWords());
        return table;
    }

    /** Every word of every group: they go into the user dictionary too. */
    public Set<String> words() {
        Set<String> words = new LinkedHashSet<>();
        groupByKey.values().forEach(words::addAll);
        return words;
    }

    /** The words of the one-way mappings, both the everyday words and the documents' words they lead to. */
    public Set<String> mappedWords() {
        Set<String> words = new LinkedHashSet<>(mappedWords);
        mappedByKey.values().forEach(words::addAll);
        return words;
    }
}
