package dev.kotae.console;

import dev.kotae.answer.KotaeService;
import dev.kotae.answer.ReindexReport;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A reindex started from the console runs here, off the request thread, so the page can show its
 * progress and then its report. The core keeps the rule of one reindex at a time (a second request is
 * told so) and audits each request; this only remembers the latest run for the page.
 */
final class ReindexJob implements AutoCloseable {
    /** What the page shows: running since when and by whom, or the latest report. */
    record State(boolean running, Instant started, String by, ReindexReport report, Instant finished, long lastMillis) {}

    private final KotaeService service;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kotae-console-reindex");
        t.setDaemon(true);
        return t;
    });
    private State state = new State(false, null, null, null, null, 0);

    ReindexJob(KotaeService service) {
        this.service = service;
    }

    synchronized State state() {
        return state;
    }

    /** Starts a reindex; false when one started here is still running (the core refuses others itself). */
    synchronized boolean start(String by) {
        if (state.running()) {
            return false;
        }
        Instant started = Instant.now();
        state = new State(true, started, by, state.report(), state.finished(), state.lastMillis());
        worker.submit(() -> {
            ReindexReport report;
            try {
                report = service.reindex("console", by);
            } catch (RuntimeException e) {
                report = ReindexReport.refused(java.util.List.of(new dev.kotae.corpus.CorpusProblem("corpus", 0,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), 0);
            }
            finish(report, started);
        });
        return true;
    }

    private synchronized void finish(ReindexReport report, Instant started) {
        long millis = report.status() == ReindexReport.Status.DONE ? report.millis() : state.lastMillis();
        state = new State(false, started, state.by(), report, Instant.now(), millis);
    }

    /** Elapsed share of the previous run's time, capped below 1 until the run ends; -1 when unknown. */
    static double progress(State s, Instant now) {
        if (!s.running() || s.lastMillis() <= 0) {
            return -1;
        }
        return Math.min(0.95, Duration.between(s.started(), now).toMillis() / (double) s.lastMillis());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
