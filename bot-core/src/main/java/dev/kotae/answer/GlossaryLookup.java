package dev.kotae.answer;

import dev.kotae.analysis.GlossarySynonyms;
import dev.kotae.analysis.KanaFolding;
import dev.kotae.analysis.SynonymTable;
import dev.kotae.corpus.GlossaryEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds glossary entries by any of their names (headword, reading, expansion, abbreviation, curated
 * synonyms), compared by {@link KanaFolding#fold folded} spelling.
 */
final class GlossaryLookup {
    private final Map<String, GlossaryEntry> byName = new HashMap<>();
    private final Map<String, GlossaryEntry> byHeadword = new LinkedHashMap<>();
    /** Entries by their headword as printed, reading included, as citations name them. */
    private final Map<String, GlossaryEntry> byTerm = new HashMap<>();

    GlossaryLookup(List<GlossaryEntry> glossary, SynonymTable synonyms) {
        for (GlossaryEntry entry : glossary) {
            byTerm.putIfAbsent(entry.term(), entry);
            byHeadword.putIfAbsent(KanaFolding.fold(entry.headword()), entry);
        }
        for (GlossaryEntry entry : glossary) {
            for (String name : GlossarySynonyms.namesOf(entry)) {
                byName.putIfAbsent(KanaFolding.fold(name), entry);
            }
        }
        for (GlossaryEntry entry : glossary) {
            for (String name : synonyms.alternativesOf(entry.headword())) {
                byName.putIfAbsent(KanaFolding.fold(name), entry);
            }
        }
        byName.putAll(byHeadword);
    }

    /** The entry a citation names by its printed headword ({@link GlossaryEntry#term}). */
    Optional<GlossaryEntry> withTerm(String term) {
        return Optional.ofNullable(byTerm.get(term));
    }

    /**
     * The name (headword or alias, three letters or more) that {@code text} mentions last, as written in
     * the glossary's key form; empty when it names none.
     */
    Optional<String> lastNamedIn(String text) {
        String folded = KanaFolding.fold(text);
        String best = null;
        int bestEnd = -1;
        for (String name : byName.keySet()) {
            if (name.length() < 3) {
                continue;
            }
            int at = folded.lastIndexOf(name);
            // the later, and at the same place the longer, name wins
            if (at >= 0 && (at + name.length() > bestEnd || at + name.length() == bestEnd && name.length() > best.length())) {
                best = name;
                bestEnd = at + name.length();
            }
        }
        return Optional.ofNullable(best).map(n -> byName.get(n).headword());
    }

    /** The entry {@code subject} names exactly, by any of its names. */
    Optional<GlossaryEntry> exact(String subject) {
        return Optional.ofNullable(byName.get(KanaFolding.fold(subject)));
    }

    /**
     * The entry {@code subject} names in part: お助け隊 for サイバーセキュリティお助け隊サービス制度.
     * The shortest headword containing the subject wins, so the most specific entry is chosen.
     */
    Optional<GlossaryEntry> partial(String subject) {
        String key = KanaFolding.fold(subject);
        if (key.length() < 3) {
            return Optional.empty();
        }
        return byName.entrySet().stream()
                .filter(e -> e.getKey().contains(key) && key.length() * 3 >= e.getKey().length())
                // Latin letters run together once spaces are gone: IPA is in "ipaddress" but names
                // nothing there. A Latin part counts only as a whole word before kana or kanji (DDoS攻撃).
                .filter(e -> !isLatin(key) || latinWordIn(e.getKey(), key))
                .map(Map.Entry::getValue)
                .min(Comparator.comparingInt((GlossaryEntry e) -> e.headword().length()).thenComparing(GlossaryEntry::line));
    }

    private static boolean isLatin(String key) {
        return key.chars().allMatch(c -> c < 0x80);
    }

    private static boolean latinWordIn(String name, String key) {
        for (int at = name.indexOf(key); at >= 0; at = name.indexOf(key, at + 1)) {
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(name.charAt(at - 1)) || name.charAt(at - 1) >= 0x80;
            int end = at + key.length();
            boolean endsWord = end == name.length() || !Character.isLetterOrDigit(name.charAt(end)) || name.charAt(end) >= 0x80;
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    /** Entries named in {@code text}, longest names first, for follow-ups and mentions. */
    List<GlossaryEntry> mentionedIn(String text, GlossaryEntry except) {
        String folded = KanaFolding.fold(text);
        List<GlossaryEntry> found = new ArrayList<>();
        byHeadword.entrySet().stream()
                .filter(e -> e.getKey().length() >= 2 && folded.contains(e.getKey()))
                .sorted(Comparator.comparingInt((Map.Entry<String, GlossaryEntry> e) -> -e.getKey().length()))
                .map(Map.Entry::getValue)
                .filter(e -> e != except && !found.contains(e))
                .forEach(found::add);
        return found;
    }

    /**
     * The one entry whose name is a small typo away from {@code subject} (one edit in a name of 4–7
     * characters, two from 8 on), when no other entry is as close: ビジネスメール詐偽 is ビジネスメール詐欺.
     * Short names are never guessed: one letter turns IPS into IDS.
     */
    Optional<GlossaryEntry> misspelt(String subject) {
        String key = KanaFolding.fold(subject);
        if (key.length() < 4) {
            return Optional.empty();
        }
        int maxDistance = key.length() >= 8 ? 2 : 1;
        GlossaryEntry best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (Map.Entry<String, GlossaryEntry> e : byName.entrySet()) {
            if (e.getKey().length() < 4 || Math.abs(e.getKey().length() - key.length()) > maxDistance) {
                continue;
            }
            int d = levenshtein(key, e.getKey(), maxDistance);
            if (d > maxDistance) {
                continue;
            }
            if (d < bestDistance) {
                best = e.getValue();
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && e.getValue() != best) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    /** Known names within {@code maxDistance} edits of {@code word}: did-you-mean candidates. */
    List<String> closeTo(String word, int limit) {
        String key = KanaFolding.fold(word);
        if (key.length() < 2) {
            return List.of();
        }
        int maxDistance = Math.max(1, key.length() / 4);
        record Candidate(String headword, int distance) {}
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, GlossaryEntry> e : byName.entrySet()) {
            if (Math.abs(e.getKey().length() - key.length()) > maxDistance) {
                continue;
            }
            int d = levenshtein(key, e.getKey(), maxDistance);
            if (d <= maxDistance) {
                candidates.add(new Candidate(e.getValue().headword(), d));
            }
        }
        return candidates.stream().sorted(Comparator.comparingInt(Candidate::distance))
                .map(Candidate::headword).distinct().limit(limit).toList();
    }

    private static int levenshtein(String a, String b, int cap) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
