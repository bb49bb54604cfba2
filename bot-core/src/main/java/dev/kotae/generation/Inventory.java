package dev.kotae.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.corpus.CaseStudy;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.Document;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import dev.kotae.corpus.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a generation holds, item by item, with a content hash each: documents, sections, glossary
 * terms, FAQ rules and cases. Two inventories give the report's "what changed".
 */
public record Inventory(Map<String, Map<String, Integer>> items) {
    static final List<String> KINDS = List.of("documents", "sections", "glossary terms", "FAQ rules", "cases");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Inventory of(Corpus corpus) {
        Map<String, Map<String, Integer>> items = new TreeMap<>();
        Map<String, Integer> documents = new TreeMap<>();
        for (Document d : corpus.documents()) {
            StringBuilder content = new StringBuilder();
            corpus.passages().stream().filter(p -> p.doc().equals(d.name())).map(Passage::text).forEach(content::append);
            documents.put(d.name(), Objects.hash(d, content.toString()));
        }
        Map<String, Integer> sections = new TreeMap<>();
        for (Section s : corpus.sections()) {
            String key = s.doc() + " " + (s.id() == null ? s.title() : s.id());
            StringBuilder content = new StringBuilder(s.title());
            corpus.passages().stream().filter(p -> p.doc().equals(s.doc()) && Objects.equals(p.sectionId(), s.id()))
                    .map(Passage::text).forEach(content::append);
            sections.put(key, content.toString().hashCode());
        }
        Map<String, Integer> glossary = new TreeMap<>();
        for (GlossaryEntry g : corpus.glossary()) {
            glossary.put(g.headword(), Objects.hash(g.term(), g.definition(), g.references()));
        }
        Map<String, Integer> faq = new TreeMap<>();
        for (FaqRule r : corpus.faq()) {
            faq.put(r.id(), Objects.hash(r.questions(), r.patterns(), r.answer(), r.cite(), r.followUps()));
        }
        Map<String, Integer> cases = new TreeMap<>();
        for (CaseStudy c : corpus.cases()) {
            cases.put(c.title(), c.hashCode());
        }
        items.put("documents", documents);
        items.put("sections", sections);
        items.put("glossary terms", glossary);
        items.put("FAQ rules", faq);
        items.put("cases", cases);
        return new Inventory(items);
    }

    /** One line per kind that changed: {@code FAQ rules: +2 (a, b) −1 (c) ~1 (d)}. */
    public List<String> changesSince(Inventory previous) {
        List<String> lines = new ArrayList<>();
        if (previous == null) {
            return List.of("first generation: nothing to compare with");
        }
        for (String kind : KINDS) {
            Map<String, Integer> now = items.getOrDefault(kind, Map.of());
            Map<String, Integer> before = previous == null ? Map.of() : previous.items().getOrDefault(kind, Map.of());
            List<String> added = now.keySet().stream().filter(k -> !before.containsKey(k)).toList();
            List<String> removed = before.keySet().stream().filter(k -> !now.containsKey(k)).toList();
            List<String> changed = now.keySet().stream()
                    .filter(k -> before.containsKey(k) && !before.get(k).equals(now.get(k))).toList();
            if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
                continue;
            }
            lines.add(kind + ": " + part("+", added) + part("−", removed) + part("~", changed));
        }
        return lines;
    }

    private static String part(String sign, List<String> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", keys.stream().limit(5).toList()) + (keys.size() > 5 ? ", …" : "");
        return sign + keys.size() + " (" + shown + ") ";
    }

    void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(items));
    }

    /** The inventory a generation wrote, or null when it is missing or unreadable. */
    @SuppressWarnings("unchecked")
    public static Inventory read(Path file) {
        try {
            return new Inventory(JSON.readValue(Files.readString(file), Map.class));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
