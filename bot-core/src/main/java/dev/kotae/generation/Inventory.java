package dev.kotae.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.corpus.CasePart;
import dev.kotae.corpus.CaseStudy;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.Document;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.GlossaryEntry;
import dev.kotae.corpus.Passage;
import dev.kotae.corpus.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a generation holds, item by item, with a digest of each item's content: documents, sections,
 * glossary terms, FAQ rules and cases. Two inventories give the reindex report's "what changed": an
 * item is changed ({@code ~}) only when its content is, so the digest is of the content's text alone
 * (SHA-256 of its fields as strings), never of a Java hash code (an enum's differs from one JVM to the
 * next) nor of where the content sits (line numbers move when a line is added above it).
 */
public record Inventory(Map<String, Map<String, String>> items) {
    /** The kinds in report order, each with the word the report uses for it. */
    static final Map<String, String> KINDS = kinds();
    /** Written into inventory.json; an inventory of another format is worked out again from its generation's corpus. */
    static final int FORMAT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 5;

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("documents", "文書");
        kinds.put("sections", "セクション");
        kinds.put("glossary terms", "用語");
        kinds.put("FAQ rules", "FAQ");
        kinds.put("cases", "事例");
        return kinds;
    }

    public static Inventory of(Corpus corpus) {
        Map<String, Map<String, String>> items = new TreeMap<>();
        Map<String, String> documents = new TreeMap<>();
        for (Document d : corpus.documents()) {
            List<Object> content = new ArrayList<>(List.of(d.kind().name(), d.title()));
            corpus.passages().stream().filter(p -> p.doc().equals(d.name())).forEach(p -> content.add(passage(p)));
            corpus.sections().stream().filter(s -> s.doc().equals(d.name()))
                    .forEach(s -> content.add(List.of(nz(s.id()), nz(s.title()), nz(s.page()))));
            corpus.glossary().stream().filter(g -> Objects.equals(g.doc(), d.name())).forEach(g -> content.add(glossary(g)));
            documents.put(d.name(), digest(content));
        }
        Map<String, String> sections = new TreeMap<>();
        for (Section s : corpus.sections()) {
            List<Object> content = new ArrayList<>(List.of(nz(s.title()), nz(s.chapter()), nz(s.page())));
            corpus.passages().stream().filter(p -> p.doc().equals(s.doc()) && Objects.equals(p.sectionId(), s.id()))
                    .forEach(p -> content.add(passage(p)));
            sections.put(s.doc() + " " + (s.id() == null ? s.title() : s.id()), digest(content));
        }
        Map<String, String> glossary = new TreeMap<>();
        for (GlossaryEntry g : corpus.glossary()) {
            glossary.put(g.headword(), digest(glossary(g)));
        }
        Map<String, String> faq = new TreeMap<>();
        for (FaqRule r : corpus.faq()) {
            faq.put(r.id(), digest(List.of(r.questions(), r.patterns(), r.answer(), r.cite(), r.followUps())));
        }
        Map<String, String> cases = new TreeMap<>();
        for (CaseStudy c : corpus.cases()) {
            List<Object> content = new ArrayList<>(List.of(nz(c.id()), nz(c.organisation()), nz(c.region()), nz(c.industry()),
                    nz(c.theme()), nz(c.sectionId()), nz(c.doc()), nz(c.page())));
            for (CasePart part : c.parts()) {
                content.add(List.of(part.label(), part.text(), part.source().name(), nz(part.doc()), nz(part.sectionId()), nz(part.page())));
            }
            cases.put(c.title(), digest(content));
        }
        items.put("documents", documents);
        items.put("sections", sections);
        items.put("glossary terms", glossary);
        items.put("FAQ rules", faq);
        items.put("cases", cases);
        return new Inventory(items);
    }

    private static List<String> passage(Passage p) {
        return List.of(p.source().name(), nz(p.sectionId()), nz(p.title()), nz(p.page()), p.text());
    }

    private static List<Object> glossary(GlossaryEntry g) {
        return List.of(g.term(), nz(g.reading()), g.definition(), g.references());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** SHA-256 of the content's strings, each length-prefixed so that no two contents run together alike. */
    private static String digest(Object content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            feed(sha, content);
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void feed(MessageDigest sha, Object content) {
        if (content instanceof List<?> list) {
            sha.update((byte) '[');
            list.forEach(item -> feed(sha, item));
            sha.update((byte) ']');
        } else {
            byte[] bytes = String.valueOf(content).getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
    }

    /**
     * One line per kind that changed, {@code FAQ +2（a、b） −1（c） ~1（d）}; none when nothing did; one
     * line saying so when there is no previous generation to compare with.
     */
    public List<String> changesSince(Inventory previous) {
        if (previous == null) {
            return List.of("最初の世代のため、比べる前の世代がありません");
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> kind : KINDS.entrySet()) {
            Map<String, String> now = items.getOrDefault(kind.getKey(), Map.of());
            Map<String, String> before = previous.items().getOrDefault(kind.getKey(), Map.of());
            List<String> added = now.keySet().stream().filter(k -> !before.containsKey(k)).toList();
            List<String> removed = before.keySet().stream().filter(k -> !now.containsKey(k)).toList();
            List<String> changed = now.keySet().stream()
                    .filter(k -> before.containsKey(k) && !before.get(k).equals(now.get(k))).toList();
            if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
                continue;
            }
            lines.add(kind.getValue() + part("+", added) + part("−", removed) + part("~", changed));
        }
        return lines;
    }

    /** As {@link #changesSince(Inventory)} against generation {@code name}, whose inventory may be unreadable (null). */
    public List<String> changesSince(String name, Inventory previous) {
        return previous == null ? List.of("前の世代（" + name + "）の内容が読めないため、比べられません") : changesSince(previous);
    }

    private static String part(String sign, List<String> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        String shown = String.join("、", keys.stream().limit(SHOWN).toList()) + (keys.size() > SHOWN ? " ほか " + (keys.size() - SHOWN) + " 件" : "");
        return " " + sign + keys.size() + "（" + shown + "）";
    }

    void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(Map.of("format", FORMAT, "items", items)));
    }

    /**
     * The inventory of a complete generation: its inventory.json, or, when that is missing, unreadable
     * or of an older format, worked out again from the generation's corpus snapshot; null when neither
     * can be read.
     */
    public static Inventory ofGeneration(Path generation) {
        try {
            JsonNode json = JSON.readTree(Files.readString(generation.resolve("inventory.json")));
            if (json.path("format").asInt() == FORMAT) {
                Map<String, Map<String, String>> items = new TreeMap<>();
                json.path("items").properties().forEach(kind -> {
                    Map<String, String> digests = new TreeMap<>();
                    kind.getValue().properties().forEach(item -> digests.put(item.getKey(), item.getValue().asText()));
                    items.put(kind.getKey(), digests);
                });
                return new Inventory(items);
            }
        } catch (IOException | RuntimeException e) {
            // worked out again below
        }
        try {
            return of(CorpusLoader.loadAccepted(generation.resolve("corpus")));
        } catch (CorpusException | RuntimeException e) {
            return null;
        }
    }
}
