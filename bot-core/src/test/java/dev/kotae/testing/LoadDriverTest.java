package dev.kotae.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load driver against a scripted adapter: it must see every kind of violation, and stop by itself. */
class LoadDriverTest {
    static final LoadQuestions QUESTIONS = LoadQuestions.fixed(List.of(
            new LoadQuestions.Question("WAFとは？", "dev", AnswerKind.GLOSSARY),
            new LoadQuestions.Question("天気は？", "dev", AnswerKind.NONE)));

    final ScheduledExecutorService platform = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        platform.shutdownNow();
    }

    static LoadDriver.Options options(int clients, Duration duration, long maxEvents) {
        return new LoadDriver.Options(clients, duration, maxEvents, Duration.ofMillis(300), Duration.ofMillis(300), Duration.ZERO);
    }

    /** An adapter that acks and, a few milliseconds later, posts the right answer once. */
    LoadDriver.Target faithful(AtomicReference<LoadDriver> driver) {
        return (client, seq, q) -> {
            String key = "ev" + seq;
            return new LoadDriver.Prepared(key, "answer to " + q.text(), () -> {
                platform.schedule(() -> driver.get().answered(key, "answer to " + q.text()), 2, TimeUnit.MILLISECONDS);
                return 200;
            });
        };
    }

    @Test
    void aFaithfulAdapterPassesAndTheEventCapStopsTheRun() throws Exception {
        AtomicReference<LoadDriver> driver = new AtomicReference<>();
        driver.set(new LoadDriver("faithful", options(3, Duration.ofSeconds(30), 40), QUESTIONS, faithful(driver)));
        long start = System.nanoTime();
        LoadDriver.Report report = driver.get().run().check();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "stopped at the cap, not the 30 s");
        assertEquals(40, report.events());
        assertEquals(40, report.acks().length);
        assertEquals(40, report.answers().length);
        assertEquals(0, report.errors());
        assertEquals(40, report.byKind().values().stream().mapToInt(List::size).sum());
        assertTrue(report.summary().contains("result        PASS"), report.summary());
    }

    @Test
    void theWallTimeStopsTheRun() throws Exception {
        AtomicReference<LoadDriver> driver = new AtomicReference<>();
        driver.set(new LoadDriver("timed", options(2, Duration.ofMillis(500), 10_000_000), QUESTIONS, faithful(driver)));
        long start = System.nanoTime();
        LoadDriver.Report report = driver.get().run().check();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3000, "stopped after " + ms + " ms");
        assertTrue(report.events() > 0 && report.events() < 10_000_000);
    }

    @Test
    void everyKindOfViolationIsCountedAndFailsTheRun() throws Exception {
        AtomicReference<LoadDriver> driver = new AtomicReference<>();
        LoadDriver.Target flaky = (client, seq, q) -> {
            String key = "ev" + seq;
            String right = "answer to " + q.text();
            return new LoadDriver.Prepared(key, right, () -> {
                switch ((int) (seq % 6)) {
                    case 0 -> { // answered twice
                        driver.get().answered(key, right);
                        platform.schedule(() -> driver.get().answered(key, right), 5, TimeUnit.MILLISECONDS);
                    }
                    case 1 -> { } // never answered
                    case 2 -> driver.get().answered(key, "申し訳ありません。エラーが発生しました。"); // an error instead of the answer
                    case 3 -> {
                        return 500;
                    }
                    case 4 -> throw new java.io.IOException("connection reset");
                    default -> {
                        driver.get().answered(key, right);
                        driver.get().answered("nobody-asked-" + seq, right); // a post for an unknown event
                    }
                }
                return 200;
            });
        };
        driver.set(new LoadDriver("flaky", options(1, Duration.ofSeconds(30), 12), QUESTIONS, flaky));
        LoadDriver.Report report = driver.get().run();
        assertFalse(report.passed());
        assertEquals(2, report.duplicates());
        assertEquals(2, report.timeouts());
        assertEquals(2, report.missing());
        assertEquals(2, report.wrongText());
        assertEquals(2, report.non2xx());
        assertEquals(2, report.exceptions());
        assertEquals(2, report.unknown());
        AssertionError failure = assertThrows(AssertionError.class, report::check);
        for (String what : List.of("duplicate answers", "events never answered", "not received within", "non-2xx",
                "request exceptions", "unknown events", "not the core's answer")) {
            assertTrue(failure.getMessage().contains(what), what + " in: " + failure.getMessage());
        }
        assertTrue(report.summary().contains("result        FAIL"), report.summary());
    }
}
