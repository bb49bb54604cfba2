package dev.kotae.answer;

/** Builds the next generation for a running service. */
@FunctionalInterface
public interface Reindexer {
    /** The report, and the new generation when the corpus was accepted (null when refused). */
    record Rebuilt(ReindexReport report, Knowledge knowledge) {}

    /** A generation switched back to: its knowledge, and the generation names from and to. */
    record RolledBack(Knowledge knowledge, String from, String to) {}

    Rebuilt rebuild() throws Exception;

    /** Switches back one generation; empty when there is none (an in-memory index has none). */
    default java.util.Optional<RolledBack> rollback() throws Exception {
        return java.util.Optional.empty();
    }
}
