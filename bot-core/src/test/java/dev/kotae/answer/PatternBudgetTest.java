package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.cli.KotaeCommand;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.FaqRule;
import dev.kotae.generation.GenerationStore;
import dev.kotae.testing.CorpusCopies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4 of the attack review: one FAQ rule with {@code (.*a){10}$} passed validate, and two
 * 61-character questions then held every answering thread for more than 30 s. Now validate and the
 * reindex refuse such a pattern, and one that got into a generation anyway costs a bounded time.
 */
class PatternBudgetTest {
    private static final String CATASTROPHIC = "(.*a){10}$";
    /** The shape of the review's questions: a long run of what the pattern repeats, then a mismatch. */
    private static final String HOSTILE = "a".repeat(60) + "!";

    @TempDir
    Path tmp;

    @Test
    void validateAndReindexRefuseAPatternThatExceedsItsBudget() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("faq/slow.yaml"), """
                - id: slow-rule
                  questions: [遅いルールの質問]
                  patterns: ["%s"]
                  answer: 2025年の崖の節を参照してください。
                  cite: ["4-2-2"]
                """.formatted(CATASTROPHIC));
        CorpusException refused = assertThrows(CorpusException.class, () -> CorpusLoader.load(corpus));
        assertEquals(1, refused.problems().size(), refused.getMessage());
        String problem = refused.problems().get(0).toString();
        assertTrue(problem.startsWith("faq/slow.yaml:3: ルール「slow-rule」：パターン「(.*a){10}$」は質問 "),
                problem);

        assertEquals(1, KotaeCommand.run("validate", "--corpus", corpus.toString()));
        var report = new GenerationStore(tmp.resolve("index")).reindex(corpus).report();
        assertEquals(ReindexReport.Status.REFUSED, report.status());
        assertTrue(report.summary().contains("faq/slow.yaml:3:"), report.summary());
    }

    @Test
    void theShippedPatternsPassTheProbes() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        assertTrue(CorpusLoader.load(corpus).faq().stream().anyMatch(r -> !r.patterns().isEmpty()));
    }

    @Test
    void aPatternThatGotInAnywayCannotStopAnswering() throws Exception {
        Corpus shipped = CorpusLoader.load(CorpusCopies.of(tmp.resolve("corpus")));
        List<FaqRule> rules = new ArrayList<>(shipped.faq());
        rules.add(new FaqRule("slipped-through", List.of("遅いルールの質問"), List.of(CATASTROPHIC),
                "2025年の崖の節を参照してください。", List.of("4-2-2"), List.of(), "faq/old.yaml", 1));
        Corpus withSlowRule = new Corpus(shipped.documents(), shipped.sections(), shipped.passages(), shipped.glossary(),
                shipped.slides(), shipped.cases(), rules, shipped.synonyms());
        KotaeService service = new KotaeService(Knowledge.build(withSlowRule), AnswerSettings.defaults());
        service.answer("WAFとは？"); // warm

        // As in the review: hostile questions on every answering thread at once, then a normal one.
        int threads = Runtime.getRuntime().availableProcessors() * 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<Answer>> hostile = new ArrayList<>();
            for (int i = 0; i < threads * 3; i++) {
                hostile.add(pool.submit(() -> service.answer(HOSTILE)));
            }
            long start = System.nanoTime();
            Answer normal = pool.submit(() -> service.answer("WAFとは？")).get(10, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(AnswerKind.GLOSSARY, normal.kind());
            // Unbounded, this pattern takes more than 30 s on one such question.
            assertTrue(millis < 1000, "a normal question took " + millis + " ms while hostile ones ran");
            for (Future<Answer> answer : hostile) {
                answer.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        AnswerHealth health = service.health();
        assertTrue(health.patternsOverBudget() >= threads * 3L, health.toString());
        assertEquals(0, health.inProgress());
        assertEquals(0, health.oldestMillis());
        assertEquals(threads * 3L + 2, health.answered());
        assertEquals(0, health.failed());
    }

    @Test
    void theHealthViewShowsAnswersInProgressAndHowLongTheOldestHasRun() throws Exception {
        Corpus shipped = CorpusLoader.load(CorpusCopies.of(tmp.resolve("corpus")));
        List<FaqRule> rules = new ArrayList<>(shipped.faq());
        // Ten slow patterns: one hostile question takes about ten budgets, long enough to be seen.
        for (int i = 0; i < 10; i++) {
            rules.add(new FaqRule("slow-" + i, List.of("遅いルールの質問" + i), List.of(CATASTROPHIC),
                    "2025年の崖の節を参照してください。", List.of("4-2-2"), List.of(), "faq/old.yaml", i + 1));
        }
        Corpus slow = new Corpus(shipped.documents(), shipped.sections(), shipped.passages(), shipped.glossary(),
                shipped.slides(), shipped.cases(), rules, shipped.synonyms());
        KotaeService service = new KotaeService(Knowledge.build(slow), AnswerSettings.defaults());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Answer> running = pool.submit(() -> service.answer(HOSTILE));
            AnswerHealth seen = service.health();
            while (!running.isDone() && seen.inProgress() == 0) {
                Thread.sleep(5);
                seen = service.health();
            }
            running.get(30, TimeUnit.SECONDS);
            assertEquals(1, seen.inProgress(), "the answer in progress was seen: " + seen);
            assertTrue(seen.oldestMillis() >= 0 && !seen.stuck(), seen.toString());
        } finally {
            pool.shutdownNow();
        }
        AnswerHealth after = service.health();
        assertEquals(new AnswerHealth(0, 0, false, 1, 0, after.patternsOverBudget()), after);
        assertTrue(after.patternsOverBudget() >= 10, after.toString());
    }
}
