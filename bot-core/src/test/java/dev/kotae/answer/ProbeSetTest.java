package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The probe set (eval/probe.jsonl: questions of the held-out kinds, expectations written from the
 * documents) through the real answerer, judged as ../shared/eval/score.py judges: kind, the first
 * citation's glossary term / section / source, and the phrases the answer must contain.
 * Top-1 may not fall below what it is now (the known failures plus a margin), nor may more
 * out-of-domain questions be answered with something than now. The same for the tuned part of the
 * blind set.
 */
class ProbeSetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param file          the question set under eval/
     * @param maxFailures   the known top-1 failures plus a margin: the floor may not fall
     * @param maxNoneMisses out-of-domain questions that may be answered with something
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // the probe set: 3 known failures (facts only in a figure the parser drops, an English value question)
            "probe.jsonl, 6, 0",
            // the tuned part of the blind set (562 questions, eval/blind/README.md); its held-aside part is never run here
            "blind/tuned.jsonl, 100, 5",
    })
    void topOneAndNonePrecisionHold(String file, int maxFailures, int maxNoneMisses) throws Exception {
        Path set = evalFile(file);
        List<String> lines = Files.readAllLines(set, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        Knowledge k = Knowledge.build(CorpusLoader.load(EmbeddedCorpus.root()));
        Answerer answerer = new Answerer(AnswerSettings.defaults());
        List<String> failures = new ArrayList<>();
        List<String> noneMisses = new ArrayList<>();
        int noneQuestions = 0;
        for (String line : lines) {
            JsonNode q = JSON.readTree(line);
            JsonNode expect = q.path("expect");
            Answer a = answerer.answer(k, Question.of(q.path("q").asText()));
            String why = judge(q, expect, a);
            if ("none".equals(expect.path("kind").asText(null))) {
                noneQuestions++;
                if (why != null) {
                    noneMisses.add(q.path("id").asText() + " " + q.path("q").asText() + ": " + why);
                }
            }
            if (why != null) {
                failures.add(q.path("id").asText() + " " + q.path("q").asText() + ": " + why);
            }
        }
        assertTrue(noneQuestions > 0, "the set has out-of-domain questions");
        assertTrue(noneMisses.size() <= maxNoneMisses, "out-of-domain questions answered with something: " + noneMisses);
        assertTrue(failures.size() <= maxFailures, failures.size() + " of " + lines.size()
                + " questions fail top-1 (at most " + maxFailures + "):\n" + String.join("\n", failures));
    }

    /** Null when the answer passes, else why not. */
    private static String judge(JsonNode q, JsonNode expect, Answer a) {
        String text = norm(a.text());
        List<String> missing = new ArrayList<>();
        q.path("contains").forEach(p -> {
            if (!text.contains(norm(p.asText()))) {
                missing.add(p.asText());
            }
        });
        String kind = a.kind().label();
        if (expect.has("kind")) {
            return kind.equals(expect.path("kind").asText()) && missing.isEmpty() ? null
                    : "kind " + kind + " expected " + expect.path("kind").asText() + (missing.isEmpty() ? "" : ", missing " + missing);
        }
        if (a.kind() == AnswerKind.NONE) {
            return "answered none";
        }
        if (a.citations().isEmpty() || !matches(a.citations().get(0), expect)) {
            return "first citation " + (a.citations().isEmpty() ? "none" : a.citations().get(0).label()) + " expected " + expect;
        }
        return missing.isEmpty() ? null : "missing " + missing;
    }

    private static boolean matches(Citation c, JsonNode expect) {
        boolean ok = false;
        if (expect.has("terms") && c.term() != null) {
            for (JsonNode t : expect.path("terms")) {
                ok |= expect.path("exact").asBoolean(false)
                        ? norm(c.term().replaceAll("[（(][^）)]*[）)]", "").strip()).equals(norm(t.asText()))
                        : norm(c.term()).contains(norm(t.asText()));
            }
        }
        if (expect.has("sections") && c.section() != null) {
            for (JsonNode s : expect.path("sections")) {
                ok |= c.section().equals(s.asText());
            }
        }
        if (expect.has("sources") && c.source() != null) {
            for (JsonNode s : expect.path("sources")) {
                ok |= c.source().equals(s.asText());
            }
        }
        return ok;
    }

    private static String norm(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static Path evalFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("eval").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("eval/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
