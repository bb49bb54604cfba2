package dev.kotae.answer;

import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import dev.kotae.corpus.SourceKind;
import dev.kotae.index.KnowledgeIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What an admin needs to turn an unanswered question into an FAQ rule: the sources closest to it
 * (whatever their confidence, which is why they were not an answer), as FAQ citation keys, and a key
 * that puts differently worded questions about the same thing in one group. The same analysis and
 * index as answering; nothing here decides an answer.
 */
public final class NearestSources {
    /** A source near a question: its FAQ {@code cite} key ({@code 4-2-2}, {@code glossary:WAF}, {@code slide:12}) and citation. */
    public record Nearby(String cite, Citation citation) {}

    private NearestSources() {}

    /** Up to {@code n} sources, best first, that an FAQ rule about {@code question} could cite. */
    public static List<Nearby> of(Knowledge k, String question, int n) {
        if (question == null || question.isBlank() || question.length() > 2000 || n <= 0) {
            return List.of();
        }
        QuestionTerms terms = new QuestionTerms(k.analysis.prepare(question), k.analysis, k.index);
        if (terms.isEmpty()) {
            return List.of();
        }
        KnowledgeIndex.Hits hits = k.index.searchBoth(terms.query(), 3 * n, 2);
        Map<String, Nearby> found = new LinkedHashMap<>();
        for (KnowledgeIndex.Hit hit : hits.glossary()) {
            if (hit.score() >= maxScore(hits) * 0.8) {
                GlossaryEntry g = k.corpus.glossary().get(hit.ord());
                found.putIfAbsent("glossary:" + g.headword(), new Nearby("glossary:" + g.headword(),
                        new Citation("glossary", g.doc(), null, "用語集", null, g.term(), Answerer.snippet(g.definition()))));
            }
        }
        for (KnowledgeIndex.Hit hit : hits.passages()) {
            Passage p = k.corpus.passages().get(hit.ord());
            String key = p.source() == SourceKind.SLIDES && p.page() != null
                    ? "slide:" + p.page().replaceAll("\\D+", "")
                    : p.sectionId();
            if (key != null && !key.equals("slide:")) {
                found.putIfAbsent(key, new Nearby(key, Answerer.passageCitation(p)));
            }
        }
        return found.values().stream().limit(n).toList();
    }

    private static float maxScore(KnowledgeIndex.Hits hits) {
        float max = 0;
        for (KnowledgeIndex.Hit h : hits.passages()) {
            max = Math.max(max, h.score());
        }
        for (KnowledgeIndex.Hit h : hits.glossary()) {
            max = Math.max(max, h.score());
        }
        return max;
    }

    /**
     * The question's content terms, sorted and joined: 「VPNの設定方法を教えて」 and 「VPN 設定方法は？」
     * share a key. A question with no content term keys on its normalised text.
     */
    public static String topicKey(Knowledge k, String question) {
        if (question == null) {
            return "";
        }
        String text = question.length() > 2000 ? question.substring(0, 2000) : question;
        String prepared = k.analysis.prepare(text);
        List<String> terms = new ArrayList<>(new TreeSet<>(k.analysis.questionTerms(prepared)));
        if (terms.isEmpty()) {
            return prepared.replaceAll("[\\s?？!！。、.,]+", "").toLowerCase(java.util.Locale.ROOT);
        }
        return String.join(" ", terms);
    }
}
