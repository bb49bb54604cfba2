package dev.kotae.answer;

/** Builds the next generation for a running service. */
@FunctionalInterface
public interface Reindexer {
    /** The report, and the new generation when the corpus was accepted (null when refused). */
    record Rebuilt(ReindexReport report, Knowledge knowledge) {}

    Rebuilt rebuild() throws Exception;
}
