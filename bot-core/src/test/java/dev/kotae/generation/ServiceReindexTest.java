package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Feedback;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import dev.kotae.answer.ReindexReport;
import dev.kotae.usage.FileActivityLog;
import dev.kotae.usage.UsageReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import dev.kotae.testing.CorpusCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reindexing inside a running service: no failed or half-built answers, one at a time, audited. */
class ServiceReindexTest {
    @TempDir
    Path tmp;

    @Test
    void questionsDuringRepeatedReindexesNeverFailAndComeFromCompleteGenerations() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        KotaeService service = Services.start(corpus, tmp.resolve("index"), AnswerSettings.defaults());
        String probe = "社内検証用の合言葉は何ですか";
        String withRule = "合言葉は資料の2025年の崖の節にあります。";
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        List<Thread> askers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Thread asker = new Thread(() -> {
                while (running.get()) {
                    try {
                        Answer probeAnswer = service.answer(probe);
                        boolean old = probeAnswer.kind() == AnswerKind.NONE;
                        boolean fresh = probeAnswer.kind() == AnswerKind.FAQ && probeAnswer.text().equals(withRule);
                        if (!old && !fresh) {
                            failures.add("half-built answer: " + probeAnswer);
                        }
                        Answer waf = service.answer("WAFとは？");
                        if (waf.kind() != AnswerKind.GLOSSARY || !waf.citations().get(0).term().equals("WAF（ワフ）")) {
                            failures.add("WAF answered " + waf);
                        }
                        answered.addAndGet(2);
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            });
            asker.start();
            askers.add(asker);
        }
        Path extra = corpus.resolve("faq/extra.yaml");
        for (int i = 0; i < 4; i++) {
            if (i % 2 == 0) {
                Files.writeString(extra, CorpusCopies.EXTRA_RULE);
            } else {
                Files.delete(extra);
            }
            ReindexReport report = service.reindex("test", "U1");
            assertEquals(ReindexReport.Status.DONE, report.status(), report.summary());
            assertEquals(i % 2 == 0 ? AnswerKind.FAQ : AnswerKind.NONE, service.answer(probe).kind());
        }
        running.set(false);
        for (Thread asker : askers) {
            asker.join();
        }
        assertTrue(failures.isEmpty(), failures.stream().limit(3).toList().toString());
        assertTrue(answered.get() > 100, "answered " + answered.get());
        // The first build at start is audited too, as "system".
        assertEquals(4, Files.readAllLines(tmp.resolve("index").resolve(FileActivityLog.AUDIT)).stream()
                .filter(l -> l.contains("\"platform\":\"test\"")).count());
    }

    @Test
    void aSecondReindexWhileOneRunsIsToldSo() throws Exception {
        var knowledge = dev.kotae.answer.Knowledge.build(dev.kotae.corpus.CorpusLoader.load(CorpusCopies.of(tmp.resolve("corpus"))));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        KotaeService service = new KotaeService(knowledge, AnswerSettings.defaults(), () -> {
            entered.countDown();
            release.await();
            return new dev.kotae.answer.Reindexer.Rebuilt(ReindexReport.done(knowledge.corpus(), 1, null, List.of()), knowledge);
        }, new FileActivityLog(tmp));
        CompletableFutureHolder first = new CompletableFutureHolder(service);
        assertTrue(entered.await(10, java.util.concurrent.TimeUnit.SECONDS));
        ReindexReport second = service.reindex("slack", "U2");
        assertEquals(ReindexReport.Status.ALREADY_RUNNING, second.status());
        assertTrue(second.summary().contains("すでに実行中"));
        assertEquals(AnswerKind.GLOSSARY, service.answer("WAFとは").kind(), "questions are answered during a reindex");
        release.countDown();
        assertEquals(ReindexReport.Status.DONE, first.report().status());
        List<String> audit = Files.readAllLines(tmp.resolve(FileActivityLog.AUDIT));
        assertEquals(2, audit.size());
        assertTrue(audit.get(0).contains("\"userId\":\"U2\"") && audit.get(0).contains("already_running"), audit.get(0));
    }

    /** Runs a reindex on another thread and hands back its report. */
    private static final class CompletableFutureHolder {
        private final java.util.concurrent.CompletableFuture<ReindexReport> report;

        CompletableFutureHolder(KotaeService service) {
            report = java.util.concurrent.CompletableFuture.supplyAsync(() -> service.reindex("slack", "U1"));
        }

        ReindexReport report() throws Exception {
            return report.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void unansweredQuestionsAndFeedbackAreRecordedAndReported() throws Exception {
        Path index = tmp.resolve("index");
        KotaeService service = Services.start(CorpusCopies.of(tmp.resolve("corpus")), index, AnswerSettings.defaults());
        service.answer(new Question("有給休暇は何日？", "slack", "U123"));
        service.answer(new Question("有給休暇は何日?", "teams", "U456"));
        service.answer(new Question("社員食堂の営業時間", "slack", "U123"));
        Answer waf = service.answer(new Question("WAFとは？", "slack", "U123"));
        service.recordFeedback(Feedback.on(new Question("WAFとは？", "slack", "U123"), waf, true));
        service.recordFeedback(Feedback.on(new Question("WAFとは？", "slack", "U124"), waf, false));
        Files.writeString(index.resolve(FileActivityLog.UNANSWERED), "{not json\n", StandardOpenOption.APPEND);

        var candidates = UsageReports.unanswered(index, null);
        assertEquals(2, candidates.size());
        assertEquals(2, candidates.get(0).count());
        assertTrue(candidates.get(0).question().startsWith("有給休暇は何日"));
        String log = Files.readString(index.resolve(FileActivityLog.UNANSWERED));
        assertTrue(!log.contains("U123") && !log.contains("U456"), "no user id is kept: " + log);

        String feedback = String.join("\n", UsageReports.feedback(index, null));
        assertTrue(feedback.contains("glossary: 👍 1 / 👎 1"), feedback);

        KotaeService restarted = Services.start(tmp.resolve("corpus"), index, AnswerSettings.defaults());
        restarted.answer(new Question("有給休暇は何日", "cli", null));
        assertEquals(3, UsageReports.unanswered(index, null).get(0).count());
    }

    @Test
    void watchModeReindexesAfterTheCorpusChanges() throws Exception {
        Path corpus = CorpusCopies.of(tmp.resolve("corpus"));
        KotaeService service = Services.start(corpus, tmp.resolve("index"), AnswerSettings.defaults());
        Thread watcher = CorpusWatcher.start(corpus, service, Duration.ofMillis(300));
        try {
            Files.writeString(corpus.resolve("faq/extra.yaml"), CorpusCopies.EXTRA_RULE);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Path audit = tmp.resolve("index").resolve(FileActivityLog.AUDIT);
            // The audit line is written just after the swap: wait for both.
            while ((service.answer("社内検証用の合言葉は何ですか").kind() != AnswerKind.FAQ || !Files.exists(audit))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(AnswerKind.FAQ, service.answer("社内検証用の合言葉は何ですか").kind());
            Set<String> lines = Set.copyOf(Files.readAllLines(audit));
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"platform\":\"watch\"")), lines.toString());
        } finally {
            watcher.interrupt();
        }
    }
}
