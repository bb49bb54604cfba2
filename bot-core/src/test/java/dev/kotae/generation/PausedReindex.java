package dev.kotae.generation;

import java.nio.file.Path;

/**
 * {@code PausedReindex CORPUS INDEX}: a reindex in a JVM of its own that stops for two minutes once the
 * new generation's index is written, and says so on stdout, so that {@link KilledReindexTest} can kill
 * it there. The pause is a {@link GenerationStore.Checkpoint}: nothing in production code waits for tests.
 */
public final class PausedReindex {
    public static final String PAUSED = "reindex: index written, pausing";

    private PausedReindex() {}

    public static void main(String[] args) throws Exception {
        new GenerationStore(Path.of(args[1]), partial -> {
            System.out.println(PAUSED);
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).reindex(Path.of(args[0]));
    }
}
