package dev.kotae.generation;

import dev.kotae.answer.ActivityLog;
import dev.kotae.answer.ReindexReport;
import dev.kotae.usage.FileActivityLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code PausedReindex CORPUS INDEX [RESUME_FILE]}: {@code kotae reindex} in a JVM of its own (the
 * reindex and its audit line), which stops once the new generation's index is written and says so on
 * stdout, until {@code RESUME_FILE} exists (at most two minutes), so that a test can kill it there
 * ({@link KilledReindexTest}) or run other processes against the folder meanwhile
 * ({@link ConcurrentProcessesTest}). The pause is a {@link GenerationStore.Checkpoint}: nothing in
 * production code waits for tests.
 */
public final class PausedReindex {
    public static final String PAUSED = "reindex: index written, pausing";

    private PausedReindex() {}

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[1]);
        Path resume = args.length > 2 ? Path.of(args[2]) : null;
        GenerationStore store = new GenerationStore(index, IndexLock.waitFromEnvironment(), partial -> {
            System.out.println(PAUSED);
            System.out.flush();
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            try {
                while (System.nanoTime() < until && (resume == null || !Files.exists(resume))) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ReindexReport report = store.reindex(Path.of(args[0])).report();
        new FileActivityLog(index).audit(new ActivityLog.AuditEntry(java.time.Instant.now(), "cli", System.getProperty("user.name"),
                "reindex", report.status().name().toLowerCase(Locale.ROOT), report.summary()));
        System.out.println(report.summary());
        System.exit(report.status() == ReindexReport.Status.DONE ? 0 : 1);
    }
}
